import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSettings } from '../../common/domain/account';
import type { InboxFax, InboxFaxArrived } from '../../common/domain/inbox';
import { noticeForArrivals } from '../../main/core/inbox/inboxNotifications';
import { useSinchEmulator, useWelkinEmulator } from '../support/emulatorSuite';
import { allRows, pollOnce, startInboxCore, syncState, waitForInbox, type InboxHarness } from '../support/inboxKit';
import { pdfBuffer, waitFor } from '../support/testKit';

/**
 * Everything a server can get wrong about received faxes, each at both providers where it can
 * happen: the fax is shown (or skipped) with a clear state, and the rest of the sync goes on.
 */
const sinch = useSinchEmulator({ speed: 1 });
const welkin = useWelkinEmulator({ speed: 1 });
let harness: InboxHarness | undefined;
afterEach(async () => { await harness?.h.close(); harness = undefined; });

const targets = [
  { name: 'sinch', emulator: () => sinch, to: '+12015550100', account: (x: InboxHarness) => x.sinch },
  { name: 'welkin', emulator: () => welkin, to: '+15557654321', account: (x: InboxHarness) => x.welkin },
] as const;

/** A transport that rewrites list replies while `rewrite` is set. */
function listRewriter() {
  let rewrite: ((body: Record<string, unknown>, provider: AccountSettings['provider']) => string | undefined) | undefined;
  let before: ((url: URL) => Promise<void>) | undefined;
  const wrap = (settings: AccountSettings): typeof fetch => async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const isList = /\/faxes$/.test(url.pathname) && (init?.method ?? 'GET') === 'GET';
    if (isList) await before?.(url);
    const response = await fetch(input, init);
    if (!isList || !rewrite || !response.ok) return response;
    const body = await response.json() as Record<string, unknown>;
    const text = rewrite(body, settings.provider) ?? JSON.stringify(body);
    return new Response(text, { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { wrap, set: (fn: typeof rewrite) => { rewrite = fn; }, beforeList: (fn: typeof before) => { before = fn; } };
}

describe.each(targets)('$name: bad input', ({ emulator, to, account }) => {
  it('a fax without a document, one whose document is damaged, and one without a sender number: each shown with its state, the others fine', async () => {
    harness = await startInboxCore({ sinchUrl: sinch.url, welkinUrl: welkin.url });
    const { h } = harness;
    const id = account(harness);
    const control = emulator().control;
    const good = await control.inbound({ from: '+13125550001', to, pages: 2 });
    const missing = await control.inbound({ from: '+13125550002', to, withoutDocument: true });
    const corrupt = await control.inbound({ from: '+13125550003', to, documentBase64: Buffer.from('%PDF-1.4 this is not a PDF at all').toString('base64') });
    const anonymous = await control.inbound({ to, pages: 1 });
    const good2 = await control.inbound({ from: '+13125550005', to, pdfBase64: (await pdfBuffer({ pages: 3, text: 'x' })).toString('base64') });
    await pollOnce(h, id);
    const rows = await waitForInbox(h, id, 5);
    const byProvider = (wire: unknown) => rows.find((row) => row.providerId === (wire as { id: string }).id)!;

    expect(byProvider(good).document).toMatchObject({ state: 'ready', pages: 2 });
    expect(byProvider(good2).document).toMatchObject({ state: 'ready', pages: 3 });
    expect(byProvider(missing).document).toMatchObject({ state: 'unavailable', problem: 'missing' });
    expect(byProvider(missing).document.message).toMatch(/^Document unavailable — /);
    expect(byProvider(corrupt).document).toMatchObject({ state: 'unavailable', problem: 'corrupt' });
    expect(byProvider(anonymous).from).toBeUndefined();
    expect(byProvider(anonymous).document.state).toBe('ready');
    expect(await syncState(h, id)).toMatchObject({ state: 'ok', skipped: 0 });
    // The document of a good fax is served; a damaged one never is.
    expect((await h.core.documentContent(byProvider(good2).id))?.sizeBytes).toBeGreaterThan(0);
    expect(await h.core.documentContent(byProvider(corrupt).id)).toBeUndefined();

    // Retry: downloaded again, still damaged, still unavailable; nothing else changes.
    const retried = await h.core.dispatch('inbox.retryDocument', { id: byProvider(corrupt).id });
    expect(retried.ok && (retried.value as InboxFax).document.state).toBe('pending');
    await waitFor(async () => (await allRows(h)).find((row) => row.id === byProvider(corrupt).id)?.document.state === 'unavailable', 15_000, 'retry done');
    expect((await allRows(h)).filter((row) => row.document.state === 'ready')).toHaveLength(3);
  }, 60_000);

  it('a malformed page is retried with a clear state while the other account syncs; a malformed entry is skipped and counted', async () => {
    const rewriter = listRewriter();
    harness = await startInboxCore({ sinchUrl: sinch.url, welkinUrl: welkin.url, fetch: rewriter.wrap });
    const { h } = harness;
    const id = account(harness);
    const other = id === harness.sinch ? harness.welkin : harness.sinch;
    const otherTo = id === harness.sinch ? '+15557654321' : '+12015550100';
    const otherEmulator = id === harness.sinch ? welkin : sinch;
    for (let i = 0; i < 3; i++) await emulator().control.inbound({ from: `+1312555010${i}`, to });
    await otherEmulator.control.inbound({ from: '+13125550200', to: otherTo });

    // The whole reply is broken JSON: the account retries, says why, stores nothing half-read.
    rewriter.set((_body, provider) => (provider === (id === harness!.sinch ? 'sinch' : 'welkin') ? '{"faxes": [ {"id": "01BROK' : undefined));
    const broken = await pollOnce(h, id);
    expect(broken).toMatchObject({ state: 'retrying', error: { code: 'provider_unavailable' } });
    expect(broken.nextTryAt).toBeDefined();
    await pollOnce(h, other);
    await waitForInbox(h, other, 1);
    expect(await allRows(h, { view: 'account', accountId: id })).toHaveLength(0);

    // One entry of the page lacks its id: skipped (and counted); the three others are stored.
    rewriter.set((body) => {
      const list = (body.faxes ?? body.content) as unknown[];
      list.splice(1, 0, { direction: 'INBOUND', status: 'COMPLETED', from: '+13125559999', createTime: 'not a time' });
      return JSON.stringify(body);
    });
    const ok = await pollOnce(h, id);
    expect(ok).toMatchObject({ state: 'ok', skipped: 1 });
    expect(await waitForInbox(h, id, 3)).toHaveLength(3);
  }, 60_000);

  it('the same fax on two pages (a fax arriving while the list is paged) is stored once', async () => {
    const rewriter = listRewriter();
    harness = await startInboxCore({ sinchUrl: sinch.url, welkinUrl: welkin.url, fetch: rewriter.wrap });
    const { h } = harness;
    const id = account(harness);
    for (let i = 0; i < 7; i++) await emulator().control.inbound({ from: `+1312555030${i}`, to });
    // Newest first: a fax that arrives before page 2 is read pushes page 1's last fax onto page 2.
    let injected = 0;
    rewriter.beforeList(async (url) => {
      const page = url.searchParams.get('page');
      if ((page === '2' || page === '1' && url.searchParams.has('size')) && injected === 0) {
        injected++;
        await emulator().control.inbound({ from: '+13125550399', to });
      }
    });
    await pollOnce(h, id);
    expect(injected).toBe(1);
    // That pass saw seven faxes (one of them twice): seven rows. The new one is at the top, for the next poll.
    const first = await waitForInbox(h, id, 7);
    expect(new Set(first.map((row) => row.providerId)).size).toBe(7);
    await pollOnce(h, id);
    const rows = await waitForInbox(h, id, 8);
    expect(new Set(rows.map((row) => row.providerId)).size).toBe(8);
  }, 60_000);
});

describe('new-fax notices', () => {
  const arrival = (overrides: Partial<InboxFaxArrived> = {}): InboxFaxArrived => ({ faxId: 'f1', accountId: 'a', pages: 3, fromLast4: '1234', demo: false, ...overrides });
  it('say pages and the last four digits, never more; a withheld number and several faxes have their own words', () => {
    expect(noticeForArrivals([arrival()])).toEqual({ title: 'New fax', body: 'New fax — 3 pages, from …1234', faxId: 'f1' });
    expect(noticeForArrivals([arrival({ fromLast4: undefined, pages: 1 })])?.body).toBe('New fax — 1 page, sender number not shown');
    expect(noticeForArrivals([arrival({ demo: true }), arrival({ faxId: 'f2', demo: true })])).toEqual({ title: '2 new faxes (Demo)', body: 'Open Faxdesk to read them.', faxId: 'f1' });
    expect(noticeForArrivals([])).toBeUndefined();
  });
});
