/**
 * bench/inboxSoak.ts — 2,000 received faxes arrive at Sinch and Welkin (1,000 each, emulators in
 * child processes) over a minute while 20% of API calls get an injected fault (500, 429, timeout,
 * reset, malformed) and the core, in its own process, is SIGKILLed and restarted twice. Afterwards
 * the store must hold exactly the emulators' received faxes (missing and duplicates: both 0) and
 * every document's SHA-256 must match. The test suite runs the same with 240 faxes
 * (test/unit/inboxFaultKill.test.ts).
 */
import { SinchControlClient } from '../main/emulators/sinch/sinchControlClient';
import { WelkinControlClient } from '../main/emulators/welkin/welkinControlClient';
import { inboxSoak } from '../test/support/inboxSoak';
import { startChildEmulator } from './support/childEmulator';

const PER_PROVIDER = Number(process.env.BENCH_INBOX_PER_PROVIDER ?? 1_000);
const ARRIVAL_MS = Number(process.env.BENCH_INBOX_ARRIVAL_MS ?? 60_000);

const sinch = await startChildEmulator('sinch', 1);
const welkin = await startChildEmulator('welkin', 1);
try {
  console.log(`inbox soak: ${(PER_PROVIDER * 2).toLocaleString('en-US')} faxes over ${ARRIVAL_MS / 1000} s, 20% of API calls faulted, core SIGKILLed twice; Node ${process.version}`);
  const report = await inboxSoak({
    sinch: { url: sinch.url, control: new SinchControlClient(sinch.url) },
    welkin: { url: welkin.url, control: new WelkinControlClient(welkin.url) },
    perProvider: PER_PROVIDER, arrivalMs: ARRIVAL_MS, killsAtMs: [ARRIVAL_MS * 0.3, ARRIVAL_MS * 0.65], settleMs: 600_000,
  });
  console.log(`  arrived ${report.arrived} · stored ${report.stored} · missing ${report.missing} · duplicates ${report.duplicates} · bad documents ${report.badDocuments}`);
  console.log(`  store matched the emulators ${(report.settleMs / 1000).toFixed(1)} s after the last arrival; took ${(report.ms / 1000).toFixed(1)} s in all`);
  if (report.missing > 0 || report.duplicates > 0 || report.badDocuments > 0) process.exitCode = 1;
} finally {
  await sinch.stop();
  await welkin.stop();
}
