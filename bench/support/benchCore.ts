import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboxJob } from '../../common/domain/fax';
import type { FaxPartInput } from '../../common/domain/document';
import type { ProviderFactory } from '../../main/core/accounts/accounts';
import { InMemorySecretStore, accountSecretKey } from '../../main/core/accounts/secretStore';
import { createCore, type Core } from '../../main/core/app';
import { createLogger } from '../../main/core/log';

/** The test number every bench faxes (the emulators deliver it). */
export const TEST_NUMBER = '+19898989898';
const DEMO_SECRET = 'demo-secret';

export interface BenchAccounts { sinchId: string; welkinId: string }

export interface BenchCore extends BenchAccounts {
  core: Core;
  dataDir: string;
  close(): Promise<void>;
}

export interface BenchCoreOptions {
  sinchUrl: string;
  welkinUrl: string;
  providerFactory?: ProviderFactory;
  /** Reopens a data folder a previous core left (its accounts and documents); a new one otherwise. */
  reopen?: { dataDir: string } & BenchAccounts;
  /** Leave the data folder on close (another process reopens it). */
  keepDataDir?: boolean;
}

/** soffice on PATH, handed to the core as the app would, so Word files become real pages where it is installed. */
function libreOfficeOnPath(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim().split('\n')[0] : undefined;
}

/**
 * A core with one Sinch and one Welkin account on the given emulators, tokens already fetched (as in
 * steady use). Secrets live in memory, so a reopened folder gets them again under the same ids.
 */
export async function startBenchCore(options: BenchCoreOptions): Promise<BenchCore> {
  const dataDir = options.reopen?.dataDir ?? mkdtempSync(join(tmpdir(), 'faxdesk-bench-'));
  const secretStore = new InMemorySecretStore();
  const core = createCore({
    dataDir, secretStore, host: 'web-bridge', version: 'bench',
    providerFactory: options.providerFactory, logger: createLogger(() => {}), followIntervalMs: 50, libreOffice: libreOfficeOnPath(),
  });
  let accounts: BenchAccounts;
  if (options.reopen) {
    accounts = { sinchId: options.reopen.sinchId, welkinId: options.reopen.welkinId };
    for (const id of Object.values(accounts)) await secretStore.set(accountSecretKey(id), DEMO_SECRET);
  } else {
    const add = async (draft: unknown) => (expectOk(await core.dispatch('accounts.add', draft), 'accounts.add') as { id: string }).id;
    accounts = {
      sinchId: await add({ name: 'S', secret: DEMO_SECRET, settings: { provider: 'sinch', sinch: { projectId: 'demo-project', keyId: 'demo-key', baseUrl: options.sinchUrl, authUrl: options.sinchUrl } } }),
      welkinId: await add({ name: 'W', secret: DEMO_SECRET, settings: { provider: 'welkin', welkin: { tenant: 'demo', instance: 'live', apiClient: 'demo-client', baseUrl: options.welkinUrl } } }),
    };
  }
  await core.dispatch('accounts.test', { id: accounts.sinchId });
  await core.dispatch('accounts.test', { id: accounts.welkinId });
  return {
    core, dataDir, ...accounts,
    close: async () => {
      await core.close();
      if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The value of an invoke result, or an error naming the channel and the core's message. */
export function expectOk(result: unknown, channel: string): unknown {
  const r = result as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!r.ok) throw new Error(`${channel} refused: ${r.error?.message ?? JSON.stringify(r)}`);
  return r.value;
}

export async function waitForJob(core: Core, id: string, states: readonly OutboxJob['state'][]): Promise<OutboxJob> {
  for (;;) {
    const jobs = expectOk(await core.dispatch('outbox.list', {}), 'outbox.list') as OutboxJob[];
    const job = jobs.find((j) => j.id === id);
    if (job && states.includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** fax.send to the test number, then waits until the job reaches one of `until`. */
export async function sendAndWait(core: Core, accountId: string, documentIds: string[], until: readonly OutboxJob['state'][], parts?: FaxPartInput[]): Promise<OutboxJob> {
  // Benches send the same pages to the test number again on purpose.
  const jobs = expectOk(await core.dispatch('fax.send', { accountId, to: [TEST_NUMBER], documentIds, parts, confirmDuplicate: true }), 'fax.send') as OutboxJob[];
  return waitForJob(core, jobs[0]!.id, until);
}

export const FINISHED: readonly OutboxJob['state'][] = ['sent', 'failed', 'uncertain'];
