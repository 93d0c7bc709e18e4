/**
 * A Faxdesk core in its own process, polling the inboxes of one Sinch and one Welkin account, for
 * kill-and-restart tests (run with `node --import tsx`, or built beside the benches):
 *   inboxCoreChild.ts <data folder> <sinch url> <welkin url> [interval ms]
 * The accounts are added on the first start of a data folder. It answers {type:'list'} with every
 * inbox row ({type:'rows'}); the parent SIGKILLs it whenever it likes.
 */
import { join } from 'node:path';
import type { InboxFax, InboxList } from '../../common/domain/inbox';
import { composeCore } from '../../main/core/app';
import { createLogger } from '../../main/core/log';
import { SINCH_DEMO_CREDENTIALS } from '../../main/emulators/sinch/constants';
import { WELKIN_DEMO_CREDENTIALS } from '../../main/emulators/welkin/constants';
import { FileSecretStore } from './fileSecretStore';
import { fastFactory } from './outboxKit';

export type InboxChildMessage = { type: 'ready'; accounts: Record<'sinch' | 'welkin', string> } | { type: 'rows'; rows: InboxFax[] } | { type: 'error'; message: string };

const [dataDir, sinchUrl, welkinUrl, interval = '300'] = process.argv.slice(2) as [string, string, string, string?];
const tell = (message: InboxChildMessage) => process.send?.(message);

const { core } = composeCore({
  dataDir, secretStore: new FileSecretStore(join(dataDir, 'secrets.json')), host: 'web-bridge', version: 'inbox-kill-test',
  logger: createLogger(() => {}), providerFactory: fastFactory({ timeoutMs: 1_500 }),
  jobs: { pollMs: 100, leaseMs: 2_000, backoff: { baseMs: 50, maxMs: 1_000 } },
  inbox: { intervalMs: Number(interval), sentEveryMs: 3_600_000, backoffMaxMs: 1_000, tuning: { pageSize: 100, incrementalPageSize: 100, overlapMs: 60_000 } },
});

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function setUp(): Promise<void> {
  const listed = await call<Array<{ id: string; settings: { provider: 'sinch' | 'welkin' } }>>('accounts.list', {});
  const idOf = async (provider: 'sinch' | 'welkin', settings: unknown, secret: string) => listed.find((a) => a.settings.provider === provider)?.id
    ?? (await call<{ id: string }>('accounts.add', { name: provider, secret, settings })).id;
  const sinch = await idOf('sinch', { provider: 'sinch', sinch: { projectId: SINCH_DEMO_CREDENTIALS.projectId, keyId: SINCH_DEMO_CREDENTIALS.keyId, baseUrl: sinchUrl, authUrl: sinchUrl } }, SINCH_DEMO_CREDENTIALS.keySecret);
  const welkin = await idOf('welkin', { provider: 'welkin', welkin: { tenant: WELKIN_DEMO_CREDENTIALS.tenantName, instance: WELKIN_DEMO_CREDENTIALS.instanceName, apiClient: WELKIN_DEMO_CREDENTIALS.apiClientName, baseUrl: welkinUrl } }, WELKIN_DEMO_CREDENTIALS.secret);
  tell({ type: 'ready', accounts: { sinch, welkin } });
}

async function rows(): Promise<void> {
  const all: InboxFax[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await call<InboxList>('inbox.list', { offset, limit: 1000, sort: 'time_asc' });
    all.push(...page.rows);
    if (page.rows.length < 1000) break;
  }
  tell({ type: 'rows', rows: all });
}

process.on('message', (raw) => {
  if ((raw as { type?: string }).type === 'list') rows().catch((error: unknown) => tell({ type: 'error', message: String(error) }));
});
setUp().catch((error: unknown) => tell({ type: 'error', message: String(error) }));
