import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../common/domain/fax';
import { useSinchEmulator, useWelkinEmulator } from '../support/emulatorSuite';
import { KILL_POINTS, restartUntilSettled, sendAndKill, setUp, type KillPoint } from '../support/killDriver';

/**
 * The core in a child process, SIGKILLed at each point a send can be cut (DESIGN §5), then started
 * again on the same data folder. Afterwards the emulators hold no duplicate and every fax is sent,
 * failed or uncertain: never lost, never silently sent again. (bench/killSoak.ts runs it longer.)
 */
const sinch = useSinchEmulator({ speed: 1 });
const welkin = useWelkinEmulator({ speed: 1 });
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** What a kill at each point must end in once the core runs again. */
const EXPECTED: Record<KillPoint, OutboxJob['state']> = {
  'after the job is persisted': 'sent', // the queued job is picked up
  'during a 15 MB upload': 'failed', // the provider has nothing: "not sent", retry is the person's
  'after the provider accepted, before the answer was stored': 'sent', // reconciled and adopted
  'while Sending': 'sent', // followed to the end
};

describe.each(['sinch', 'welkin'] as const)('%s: killed mid-send, restarted on the same data folder', (provider) => {
  it('loses nothing and sends nothing twice', async () => {
    const suite = provider === 'sinch' ? sinch : welkin;
    const dataDir = mkdtempSync(join(tmpdir(), `faxdesk-kill-${provider}-`));
    folders.push(dataDir);
    const documentId = await setUp(dataDir, sinch.url, welkin.url);
    const killed: Array<{ point: KillPoint; jobId: string }> = [];
    for (const point of KILL_POINTS) killed.push({ point, jobId: await sendAndKill(dataDir, provider, point, documentId) });
    const jobs = await restartUntilSettled(dataDir, killed.map((entry) => entry.jobId));
    const table = killed.map(({ point, jobId }) => ({ point, state: jobs.find((job) => job.id === jobId)!.state }));
    console.log(`${provider}: kill point → outcome\n${table.map((row) => `  ${row.point.padEnd(60)} ${row.state}`).join('\n')}`);
    expect(Object.fromEntries(table.map((row) => [row.point, row.state]))).toEqual(EXPECTED);

    // At the provider: exactly one fax for each job that reached it, and no draft left behind.
    const held = (await suite.control.faxes()) as Array<{ id: string; status: string; direction?: string }>;
    const outgoing = held.filter((fax) => fax.status !== 'DRAFT' && !/^IN/i.test(fax.direction ?? ''));
    const adopted = jobs.filter((job) => job.providerFaxId && job.state === 'sent').map((job) => job.providerFaxId!);
    expect(outgoing.map((fax) => fax.id).sort()).toEqual([...new Set(adopted)].sort());
    expect(held.filter((fax) => fax.status === 'DRAFT')).toEqual([]);
  }, 180_000);
});
