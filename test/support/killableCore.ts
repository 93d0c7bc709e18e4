/**
 * A Faxdesk core in its own process, for kill-and-restart tests (run with `node --import tsx`):
 *   killableCore.ts <data folder>
 * It answers messages from its parent: {type:'setup', sinchUrl, welkinUrl} adds one account per
 * provider (once per data folder) and a document ({type:'use-document'} names it again after a
 * restart); {type:'send', provider, to, hold?} sends a fax,
 * where `hold` stops it at a chosen point so the parent can SIGKILL the process right there:
 *   'persisted' — the fax and its job are stored, the runner is paused, nothing has left;
 *   'upload'    — the upload of the document has started and crawls (the parent kills it mid-way);
 *   'accepted'  — the provider has answered the send with success, and the answer is never stored.
 * Every outbox change goes to the parent as {type:'job', job}; {type:'held', point} says a hold is reached.
 */
import { join } from 'node:path';
import type { AccountSettings } from '../../common/domain/account';
import type { OutboxJob } from '../../common/domain/fax';
import type { ProviderFactory } from '../../main/core/accounts/accounts';
import { composeCore } from '../../main/core/app';
import { createLogger } from '../../main/core/log';
import { defaultProviderFactory } from '../../main/core/providers/providerFactory';
import { SinchProvider } from '../../main/core/providers/sinch/sinchProvider';
import { WelkinProvider } from '../../main/core/providers/welkin/welkinProvider';
import { SINCH_DEMO_CREDENTIALS } from '../../main/emulators/sinch/constants';
import { WELKIN_DEMO_CREDENTIALS } from '../../main/emulators/welkin/constants';
import { FileSecretStore } from './fileSecretStore';
import { pdfBytes } from './testKit';

export type HoldPoint = 'persisted' | 'upload' | 'accepted';
export type ParentMessage =
  | { type: 'setup'; sinchUrl: string; welkinUrl: string; documentBytes?: number }
  | { type: 'send'; provider: 'sinch' | 'welkin'; to: string; hold?: HoldPoint }
  /** After a restart: the document added before, to send again. */
  | { type: 'use-document'; documentId: string }
  | { type: 'list' };
export type ChildMessage =
  | { type: 'ready'; accounts: Record<'sinch' | 'welkin', string>; documentId: string }
  | { type: 'sent'; jobId: string }
  | { type: 'job'; job: OutboxJob }
  | { type: 'held'; point: HoldPoint }
  | { type: 'list'; jobs: OutboxJob[] }
  | { type: 'error'; message: string };

const dataDir = process.argv[2]!;
const tell = (message: ChildMessage) => process.send?.(message);
let hold: HoldPoint | undefined;

/** The request that uploads the document (Sinch: the send itself; Welkin: the files of the draft). */
const isUpload = (method: string, path: string) => method === 'POST' && (/\/v3\/projects\/[^/]+\/faxes$/.test(path) || /\/faxes\/[^/]+\/files$/.test(path));
/** The request whose success means the provider took the fax. */
const isSend = (method: string, path: string) => method === 'POST' && (/\/v3\/projects\/[^/]+\/faxes$/.test(path) || /\/faxes\/[^/]+\/send$/.test(path));

/** A fetch that can stop a send at the chosen point. */
const holdingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const path = new URL(request.url).pathname;
  if (hold === 'upload' && isUpload(request.method, path) && request.body) {
    tell({ type: 'held', point: 'upload' });
    // The body crawls: the parent kills the process while it is on the wire.
    const crawl = new TransformStream<Uint8Array, Uint8Array>({
      async transform(chunk, controller) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        controller.enqueue(chunk);
      },
    });
    return fetch(request.url, { method: request.method, headers: request.headers, body: request.body.pipeThrough(crawl), duplex: 'half', signal: request.signal } as RequestInit);
  }
  const response = await fetch(request);
  if (hold === 'accepted' && isSend(request.method, path) && response.ok) {
    tell({ type: 'held', point: 'accepted' });
    return new Promise<Response>(() => {}); // the answer never reaches the outbox
  }
  return response;
};

const factory: ProviderFactory = {
  create: (settings: AccountSettings, secret: string) => settings.provider === 'sinch'
    ? new SinchProvider({ settings: settings.sinch, secret, fetch: holdingFetch, timeoutMs: 60_000 })
    : new WelkinProvider({ settings: settings.welkin, secret, fetch: holdingFetch, timeoutMs: 60_000, uploadTimeoutMs: 60_000 }),
  capabilitiesOf: defaultProviderFactory.capabilitiesOf,
  limitsOf: defaultProviderFactory.limitsOf,
};

const { core, services } = composeCore({
  dataDir, secretStore: new FileSecretStore(join(dataDir, 'secrets.json')), host: 'web-bridge', version: 'kill-test',
  logger: createLogger(() => {}), providerFactory: factory, followIntervalMs: 200,
  jobs: { pollMs: 200, leaseMs: 2_000, backoff: { baseMs: 100, maxMs: 1_000 } },
});
core.events.subscribe((event, payload) => { if (event === 'outbox.jobChanged') tell({ type: 'job', job: payload as OutboxJob }); });

async function setup(message: Extract<ParentMessage, { type: 'setup' }>): Promise<void> {
  const accounts = ((await core.dispatch('accounts.list', {})) as { value: Array<{ id: string; settings: AccountSettings }> }).value;
  const idOf = async (provider: 'sinch' | 'welkin', settings: AccountSettings) => accounts.find((a) => a.settings.provider === provider)?.id
    ?? ((await core.dispatch('accounts.add', { name: provider, secret: 'demo-secret', settings })) as { value: { id: string } }).value.id;
  const sinch = await idOf('sinch', { provider: 'sinch', sinch: { projectId: SINCH_DEMO_CREDENTIALS.projectId, keyId: SINCH_DEMO_CREDENTIALS.keyId, authMode: 'oauth2', region: 'global', baseUrl: message.sinchUrl, authUrl: message.sinchUrl } });
  const welkin = await idOf('welkin', { provider: 'welkin', welkin: { tenant: WELKIN_DEMO_CREDENTIALS.tenantName, instance: WELKIN_DEMO_CREDENTIALS.instanceName, apiClient: WELKIN_DEMO_CREDENTIALS.apiClientName, baseUrl: message.welkinUrl } });
  const added = await core.dispatch('documents.add', { name: 'records.pdf', bytes: await pdfBytes({ pages: 3, text: 'records', paddingBytes: message.documentBytes ?? 0 }) });
  if (!added.ok) throw new Error(JSON.stringify(added.error));
  documentId = (added.value as { id: string }).id;
  tell({ type: 'ready', accounts: { sinch, welkin }, documentId });
}

let documentId: string | undefined;

async function send(message: Extract<ParentMessage, { type: 'send' }>): Promise<void> {
  hold = message.hold;
  if (hold === 'persisted') services.runner.setPaused(true);
  const listed = ((await core.dispatch('accounts.list', {})) as { value: Array<{ id: string; settings: AccountSettings }> }).value;
  const accountId = listed.find((account) => account.settings.provider === message.provider)!.id;
  const sent = await core.dispatch('fax.send', { accountId, to: [message.to], documentIds: [documentId!], confirmDuplicate: true });
  if (!sent.ok) throw new Error(JSON.stringify(sent.error));
  tell({ type: 'sent', jobId: (sent.value as OutboxJob[])[0]!.id });
  if (hold === 'persisted') tell({ type: 'held', point: 'persisted' });
}

process.on('message', (raw) => {
  const message = raw as ParentMessage;
  const work = message.type === 'setup' ? setup(message)
    : message.type === 'use-document' ? Promise.resolve(void (documentId = message.documentId))
    : message.type === 'list' ? core.dispatch('outbox.list', {}).then((listed) => tell({ type: 'list', jobs: (listed as { value: OutboxJob[] }).value }))
    : send(message);
  work.catch((error: unknown) => tell({ type: 'error', message: String(error) }));
});
