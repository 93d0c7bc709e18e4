import type { AccountSettings } from '../../common/domain/account';
import type { InboxFax, InboxList, InboxQuery, InboxSyncState } from '../../common/domain/inbox';
import type { SyncTuning } from '../../main/core/inbox/inboxSync';
import { startTestCore, waitFor, type CoreHarness } from './coreKit';
import { addSinchAccount, addWelkinAccount, fastFactory } from './outboxKit';

/**
 * A core whose inbox polls only when told (`syncNow`), so a test knows exactly which polls ran,
 * with small pages so paging is exercised with a few faxes. `fetch` may wrap each account's transport.
 */
export interface InboxHarness {
  h: CoreHarness;
  sinch: string;
  welkin: string;
}

export interface InboxCoreOptions {
  sinchUrl: string;
  welkinUrl: string;
  tuning?: Partial<SyncTuning>;
  intervalMs?: number;
  fetch?: (settings: AccountSettings) => typeof fetch | undefined;
  timeoutMs?: number;
  dataDir?: string;
  /** Called once both accounts' first poll is done (e.g. to forget the requests it made). */
  afterFirstPoll?(): void;
}

export async function startInboxCore(options: InboxCoreOptions): Promise<InboxHarness> {
  const h = startTestCore({
    demo: false, ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    providerFactory: fastFactory({ fetch: options.fetch, timeoutMs: options.timeoutMs ?? 2_000 }),
    inbox: {
      intervalMs: options.intervalMs ?? 3_600_000, sentEveryMs: 3_600_000, backoffMaxMs: 500,
      tuning: { pageSize: 5, incrementalPageSize: 5, overlapMs: 60_000, ...options.tuning },
    },
  });
  const sinch = await addSinchAccount(h, options.sinchUrl);
  const welkin = await addWelkinAccount(h, options.welkinUrl);
  // Each new account polls once at once; tests start after that first (empty) poll.
  for (const id of [sinch, welkin]) {
    await waitFor(async () => (await syncState(h, id))?.lastSyncAt !== undefined || (await syncState(h, id))?.error, 15_000, 'first poll');
  }
  options.afterFirstPoll?.();
  return { h, sinch, welkin };
}

export async function inboxList(h: CoreHarness, query: Partial<InboxQuery> = {}): Promise<InboxList> {
  const result = await h.core.dispatch('inbox.list', query);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as InboxList;
}

export async function syncState(h: CoreHarness, accountId: string): Promise<InboxSyncState | undefined> {
  const result = await h.core.dispatch('inbox.syncState', {});
  return (result as { value: InboxSyncState[] }).value.find((state) => state.accountId === accountId);
}

/** Asks for a poll of `accountId` and waits until it has finished (its state has a newer lastSyncAt, or an error). */
export async function pollOnce(h: CoreHarness, accountId: string, timeoutMs = 15_000): Promise<InboxSyncState> {
  const before = await syncState(h, accountId);
  const finished: InboxSyncState[] = [];
  const stop = h.core.events.subscribe((event, payload) => {
    const state = payload as InboxSyncState;
    if (event === 'inbox.sync' && state.accountId === accountId && state.state !== 'syncing' && state.state !== 'idle') finished.push(state);
  });
  try {
    // The loop may still be in its first poll; a poll asked for meanwhile starts when it ends.
    await waitFor(() => h.services.jobs.byKey(`inbox.sync:${accountId}`)?.state === 'pending', timeoutMs, 'sync job waiting');
    await h.core.dispatch('inbox.syncNow', { accountId });
    return await waitFor(() => finished.find((state) => state.lastSyncAt !== before?.lastSyncAt || state.error), timeoutMs, `poll of ${accountId}`);
  } finally {
    stop();
  }
}

export async function allRows(h: CoreHarness, query: Partial<InboxQuery> = {}): Promise<InboxFax[]> {
  const rows: InboxFax[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await inboxList(h, { ...query, offset, limit: 1000 });
    rows.push(...page.rows);
    if (page.rows.length < 1000) return rows;
  }
}

/** Waits until the inbox holds `count` faxes of `accountId` with their documents settled. */
export function waitForInbox(h: CoreHarness, accountId: string, count: number, timeoutMs = 20_000): Promise<InboxFax[]> {
  return waitFor(async () => {
    const rows = await allRows(h, { view: 'account', accountId });
    return rows.length === count && rows.every((row) => row.document.state !== 'pending') ? rows : undefined;
  }, timeoutMs, `${count} faxes of ${accountId} with their documents`);
}
