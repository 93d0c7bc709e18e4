/**
 * bench/killSoak.ts — the kill test, longer: ROUNDS rounds of SIGKILLing the core (a child
 * process) at each point a send can be cut, for Sinch and Welkin, restarting on the same data
 * folder each time; then one last start until everything settles. Prints the table of kill points
 * and outcomes, and what the emulators hold against what the outbox adopted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SinchControlClient } from '../main/emulators/sinch/sinchControlClient';
import { WelkinControlClient } from '../main/emulators/welkin/welkinControlClient';
import { KILL_POINTS, restartUntilSettled, sendAndKill, setUp, type KillPoint } from '../test/support/killDriver';
import { startChildEmulator } from './support/childEmulator';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const sinch = await startChildEmulator('sinch', 1);
const welkin = await startChildEmulator('welkin', 1);
const controls = { sinch: new SinchControlClient(sinch.url), welkin: new WelkinControlClient(welkin.url) };
const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-kill-soak-'));
try {
  console.log(`kill soak: ${ROUNDS} rounds × ${KILL_POINTS.length} kill points × 2 providers; Node ${process.version}`);
  const documentId = await setUp(dataDir, sinch.url, welkin.url);
  const killed: Array<{ provider: 'sinch' | 'welkin'; point: KillPoint; jobId: string }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const provider of ['sinch', 'welkin'] as const) {
      for (const point of KILL_POINTS) killed.push({ provider, point, jobId: await sendAndKill(dataDir, provider, point, documentId) });
    }
  }
  const jobs = await restartUntilSettled(dataDir, killed.map((entry) => entry.jobId), 300_000);
  const rows = new Map<string, Record<string, number>>();
  for (const entry of killed) {
    const key = `${entry.provider.padEnd(7)} ${entry.point}`;
    const state = jobs.find((job) => job.id === entry.jobId)?.state ?? 'lost';
    const row = rows.get(key) ?? {};
    row[state] = (row[state] ?? 0) + 1;
    rows.set(key, row);
  }
  console.log('  kill point → outcomes');
  for (const [key, row] of rows) console.log(`  ${key.padEnd(70)} ${Object.entries(row).map(([s, n]) => `${s} ${n}`).join(' · ')}`);
  const adopted = new Set(jobs.map((job) => job.providerFaxId).filter(Boolean));
  for (const provider of ['sinch', 'welkin'] as const) {
    const held = (await controls[provider].faxes()) as Array<{ id: string; status: string; direction?: string }>;
    const sent = held.filter((fax) => fax.status !== 'DRAFT' && !/^IN/i.test(fax.direction ?? ''));
    const extra = sent.filter((fax) => !adopted.has(fax.id)).length;
    console.log(`  ${provider}: ${sent.length} faxes at the provider, ${extra} not adopted by a job (duplicates), ${held.length - sent.length} drafts left`);
    if (extra > 0) process.exitCode = 1;
  }
  if (jobs.length !== killed.length) process.exitCode = 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  await sinch.stop();
  await welkin.stop();
}
