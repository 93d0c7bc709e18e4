/**
 * bench/faultSoak.ts — 300 sends across Sinch and Welkin while 20% of every API call gets an
 * injected fault (500, 429, timeout, reset, malformed), emulators in child processes. Prints the
 * outcome of every fax, duplicates at the providers (must be 0) and faxes left unsettled (must be
 * 0). The test suite runs the same with 30 sends (test/unit/faultSoak.test.ts).
 */
import { SinchControlClient } from '../main/emulators/sinch/sinchControlClient';
import { WelkinControlClient } from '../main/emulators/welkin/welkinControlClient';
import { faultSoak } from '../test/support/faultSoak';
import { startChildEmulator } from './support/childEmulator';

const SENDS = Number(process.env.BENCH_SENDS ?? 300);
const RATE = 0.2;

const sinch = await startChildEmulator('sinch', 50);
const welkin = await startChildEmulator('welkin', 50);
try {
  console.log(`fault soak: ${SENDS} sends, ${RATE * 100}% of API calls faulted (500, 429, timeout, reset, malformed); Node ${process.version}`);
  const report = await faultSoak(
    { url: sinch.url, control: new SinchControlClient(sinch.url) },
    { url: welkin.url, control: new WelkinControlClient(welkin.url) },
    SENDS, RATE, 600_000,
  );
  const states = Object.entries(report.states).map(([state, count]) => `${state} ${count}`).join(' · ');
  console.log(`  outcomes: ${states}`);
  console.log(`  duplicates at the providers: ${report.duplicates} · unsettled: ${report.unsettled} · stray drafts at Welkin: ${report.strayDrafts}`);
  console.log(`  took ${(report.ms / 1000).toFixed(1)} s`);
  if (report.duplicates > 0 || report.unsettled > 0) process.exitCode = 1;
} finally {
  await sinch.stop();
  await welkin.stop();
}
