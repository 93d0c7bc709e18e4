import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Account } from '../../common/domain/account';
import type { InboxCounts, InboxFax } from '../../common/domain/inbox';
import { connectFaxdeskStore, createFaxdeskStore } from './createFaxdeskStore';
import { fakeApi, type Handler } from './fakeApi';
import { INBOX_PAGE, KEEP_PAGES, READ_AFTER_MS, inboxRefresher } from './inboxSlice';

const demo: Account = {
  id: 'acc-demo', name: 'Demo', demo: true, hasSecret: true, status: 'connected', capabilities: [], limits: {},
  settings: { provider: 'sinch', sinch: { projectId: 'demo-project', keyId: 'demo-key', authMode: 'oauth2', region: 'global' } },
};

const fax = (n: number, over: Partial<InboxFax> = {}): InboxFax => ({
  id: `fax-${n}`, accountId: demo.id, direction: 'inbound', providerId: `P${n}`, from: `+1415555${String(n).padStart(4, '0')}`,
  status: 'received', createdAt: new Date(Date.UTC(2026, 0, 1) - n * 60_000).toISOString(), fileNames: [], read: false, reviewed: false,
  notes: '', tags: [], archived: false, demo: true, document: { state: 'ready' }, pages: 1, rotations: {}, parts: [], ...over,
});
const counts = (unread: number): InboxCounts => ({ unread, needsReview: unread, total: unread, accounts: [{ accountId: demo.id, total: unread, unread, needsReview: unread }] });

/** A core holding `total` faxes, answering pages of them; `marked` records what was marked read. */
function inboxCore(total: number, extra: Record<string, Handler> = {}) {
  const read = new Set<string>();
  const handlers: Record<string, Handler> = {
    'accounts.list': () => ({ ok: true, value: [demo] }),
    'outbox.list': () => ({ ok: true, value: [] }),
    'settings.get': () => ({ ok: false, error: { code: 'internal', message: 'n/a', nextStep: 'n/a', retryable: false, action: { kind: 'none' } } }),
    'inbox.list': (q) => {
      const offset = Number(q.offset), limit = Number(q.limit);
      const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => fax(offset + i, { read: read.has(`fax-${offset + i}`) }));
      return { ok: true, value: { total, rows } };
    },
    'inbox.counts': () => ({ ok: true, value: counts(total - read.size) }),
    'inbox.syncState': () => ({ ok: true, value: [{ accountId: demo.id, state: 'ok', skipped: 0, initialSyncDone: true }] }),
    'inbox.get': (i) => ({ ok: true, value: fax(Number(String(i.id).slice(4)), { read: read.has(String(i.id)) }) }),
    'inbox.markRead': (i) => {
      for (const id of i.ids as string[]) read.add(id);
      return { ok: true, value: (i.ids as string[]).map((id) => fax(Number(id.slice(4)), { read: true })) };
    },
    ...extra,
  };
  return handlers;
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

async function ready(handlers: Record<string, Handler>) {
  const fake = fakeApi(handlers);
  const store = createFaxdeskStore(fake.api);
  const disconnect = connectFaxdeskStore(store, fake.api);
  await tick();
  return { ...fake, store, disconnect };
}

afterEach(() => vi.useRealTimers());

describe('inbox slice', () => {
  it('opens on the Inbox: its first page, the counts and each account’s sync state', async () => {
    const { store, callsTo } = await ready(inboxCore(3));
    const s = store.getState();
    expect(s.pane).toBe('inbox');
    expect(s.inboxTotal).toBe(3);
    expect(s.inboxPages[0]?.map((f) => f.id)).toEqual(['fax-0', 'fax-1', 'fax-2']);
    expect(s.inboxCounts?.unread).toBe(3);
    expect(s.inboxSync[demo.id]?.state).toBe('ok');
    expect(callsTo('inbox.list')[0]).toMatchObject({ view: 'all', offset: 0, limit: INBOX_PAGE, sort: 'time_desc' });
  });

  it('asks for the pages the list shows and forgets the far ones (100,000 faxes never all in memory)', async () => {
    const { store, callsTo } = await ready(inboxCore(100_000));
    store.getState().needInboxRows(50_000, 50_030);
    await tick();
    expect(callsTo('inbox.list').map((q) => (q as { offset: number }).offset)).toEqual([0, 50_000]);
    // Page 0 is far from rows 50,000…: forgotten as the list moved there.
    expect(Object.keys(store.getState().inboxPages)).toEqual(['500']);
    store.getState().needInboxRows(50_020, 50_150); // pages 500 and 501
    await tick();
    // At most the visible pages and KEEP_PAGES either side stay.
    expect(Object.keys(store.getState().inboxPages).sort()).toEqual(['500', '501']);
    expect(Object.keys(store.getState().inboxPages).length).toBeLessThanOrEqual(2 + 2 * KEEP_PAGES);
  });

  it('a new question drops the answers to the old one, and filters reach the core', async () => {
    let release: (() => void) | undefined;
    const core = inboxCore(500);
    const { store, callsTo } = await ready({
      ...core,
      'inbox.list': async (q) => {
        if (q.text === undefined && Number(q.offset) === 0 && release === undefined) await new Promise<void>((r) => { release = r; });
        return core['inbox.list']!(q);
      },
    });
    release?.();
    await tick();
    store.getState().setInboxFilter({ text: '0101', unread: true, since: '2026-01-01', sender: '0101' });
    store.getState().showInbox({ kind: 'account', accountId: demo.id });
    await tick();
    const last = callsTo('inbox.list').at(-1);
    expect(last).toMatchObject({ view: 'account', accountId: demo.id, text: '0101', unread: true, sender: '0101' });
    expect((last as { since: string }).since).toMatch(/^2025-12-31T|^2026-01-01T/);
    expect(store.getState().inboxQuerySeq).toBeGreaterThan(1);
  });

  it('a date range that ends before it starts asks nothing and says so', async () => {
    const { store, callsTo } = await ready(inboxCore(10));
    const before = callsTo('inbox.list').length;
    store.getState().setInboxFilter({ since: '2026-03-02', until: '2026-03-01' });
    await tick();
    expect(callsTo('inbox.list')).toHaveLength(before);
    expect(store.getState().inboxTotal).toBe(0);
  });

  it('with "Opening a fax marks it read" off, neither opening nor passing over a fax marks it', async () => {
    const { store, callsTo } = await ready(inboxCore(5));
    store.setState({ appSettings: { paperSize: 'auto', hideDemoAccounts: false, inboxPollSeconds: 30, newFaxSound: true, markReadOnOpen: false, hotFolderEnabled: false, openAtLogin: false, hotFolderPath: '/tmp/hot', keepReceivedFor: 'forever', keepSentFor: 'forever', lockAfterMinutes: 5, updateFeedUrl: '' } });
    store.getState().selectFax('fax-1', 'open');
    store.getState().moveInboxCursor(2);
    await tick(READ_AFTER_MS + 50);
    expect(callsTo('inbox.markRead')).toEqual([]);
    expect(store.getState().inboxPages[0]?.[1]?.read).toBe(false);
  });

  it('opening a fax marks it read at once; moving onto it with ↑/↓ marks it after a moment', async () => {
    const { store, callsTo } = await ready(inboxCore(5));
    store.getState().selectFax('fax-1', 'open');
    await tick();
    expect(callsTo('inbox.markRead')).toEqual([{ ids: ['fax-1'], value: true }]);
    expect(store.getState().inboxPages[0]?.[1]?.read).toBe(true);

    store.getState().moveInboxCursor(2);
    await tick();
    expect(store.getState().selectedFaxId).toBe('fax-2');
    expect(callsTo('inbox.markRead')).toHaveLength(1);
    store.getState().moveInboxCursor(3); // passing over fax-2 quickly leaves it unread
    await tick(READ_AFTER_MS + 50);
    expect(callsTo('inbox.markRead')).toEqual([{ ids: ['fax-1'], value: true }, { ids: ['fax-3'], value: true }]);

    // Another inbox closes the open fax (it may not be in that one).
    store.getState().showInbox({ kind: 'needs_review' });
    expect(store.getState()).toMatchObject({ selectedFaxId: null, selectedFax: null, inboxCursor: null });
  });

  it('End at 100,000 faxes selects the last one once its page arrives', async () => {
    const { store } = await ready(inboxCore(100_000));
    store.getState().moveInboxCursor(Number.MAX_SAFE_INTEGER);
    expect(store.getState().inboxCursor).toBe(99_999);
    await tick();
    expect(store.getState().selectedFaxId).toBe('fax-99999');
  });

  it('follows the core: inbox.changed refreshes the view and counts, sync states and new faxes are shown and said', async () => {
    let total = 2;
    const core = inboxCore(2);
    const { store, emit } = await ready({
      ...core,
      'inbox.list': (q) => inboxCore(total)['inbox.list']!(q),
      'inbox.counts': () => ({ ok: true, value: counts(total) }),
    });
    total = 3;
    emit('inbox.changed', { faxIds: ['fax-2'], more: false, reason: 'synced' });
    emit('inbox.changed', { faxIds: ['fax-2'], more: false, reason: 'document' });
    await tick(250);
    expect(store.getState().inboxTotal).toBe(3);
    expect(store.getState().inboxCounts?.unread).toBe(3);

    emit('inbox.sync', { accountId: demo.id, state: 'signed_out', skipped: 0, initialSyncDone: true });
    expect(store.getState().inboxSync[demo.id]?.state).toBe('signed_out');

    emit('inbox.faxArrived', { faxId: 'fax-2', accountId: demo.id, pages: 3, fromLast4: '0102', demo: true });
    expect(store.getState().announcement.text).toBe('New fax — 3 pages, from …0102 (Demo)');

    store.getState().openCompose();
    store.getState().setInboxFilter({ text: 'zzz' });
    emit('inbox.notificationClicked', { faxId: 'fax-1' });
    await tick();
    expect(store.getState()).toMatchObject({ pane: 'inbox', inboxView: { kind: 'all' }, selectedFaxId: 'fax-1' });
    expect(store.getState().inboxFilter.text).toBe('');
  });

  it('Escape from compose goes back to the pane it came from', async () => {
    const { store } = await ready(inboxCore(0));
    store.getState().showPane('sent');
    store.getState().openCompose();
    store.getState().closeCompose();
    expect(store.getState().pane).toBe('sent');
    store.getState().showInbox({ kind: 'needs_review' });
    store.getState().openCompose();
    store.getState().closeCompose();
    expect(store.getState().pane).toBe('inbox');
  });

  it('a burst of changes is one refresh', async () => {
    vi.useFakeTimers();
    const refresh = vi.fn(async () => {});
    const r = inboxRefresher(refresh, 100);
    for (let n = 0; n < 50; n++) r.schedule();
    vi.advanceTimersByTime(100);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});

describe('accounts and the inbox', () => {
  it('an account checked by the core before its add answered keeps the checked status', async () => {
    const signedOut: Account = { ...demo, id: 'acc-2', name: 'Front desk', demo: false, status: 'signed_out' };
    const core = inboxCore(0);
    let listed: Account[] = [demo];
    const { store } = await ready({
      ...core,
      'accounts.list': () => ({ ok: true, value: listed }),
      'accounts.add': () => {
        listed = [demo, signedOut];
        return { ok: true, value: { ...signedOut, status: 'unknown' } };
      },
    });
    await store.getState().saveAccount(null, { name: 'Front desk', settings: demo.settings } as never);
    await tick();
    expect(store.getState().accounts.find((a) => a.id === 'acc-2')?.status).toBe('signed_out');
  });
});
