import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSettings } from '../../common/domain/account';
import type { SinchControlFax } from '../../main/emulators/sinch/wire';
import { useSinchEmulator, useWelkinEmulator } from '../support/emulatorSuite';
import { allRows, pollOnce, startInboxCore, waitForInbox, type InboxHarness } from '../support/inboxKit';

/**
 * The inbox sync against the emulators over real HTTP, with a real SQLite file: incremental
 * windows, one request when nothing is new (counted at the emulator), overlapping windows without
 * duplicates, and a watermark that moves only once the rows are stored.
 */
const sinch = useSinchEmulator({ speed: 1 });
const welkin = useWelkinEmulator({ speed: 1 });
let harness: InboxHarness | undefined;
afterEach(async () => { await harness?.h.close(); harness = undefined; });

/** Records every list request's query (by provider), and can break chosen requests. */
function recorder() {
  const lists: Record<'sinch' | 'welkin', URLSearchParams[]> = { sinch: [], welkin: [] };
  let breakWhen: ((url: URL) => boolean) | undefined;
  const wrap = (settings: AccountSettings): typeof fetch => async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (/\/faxes$/.test(url.pathname) && (init?.method ?? 'GET') === 'GET') lists[settings.provider].push(url.searchParams);
    if (breakWhen?.(url)) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    return fetch(input, init);
  };
  const clear = () => { lists.sinch.length = 0; lists.welkin.length = 0; };
  return { lists, wrap, clear, breakRequests: (when: typeof breakWhen) => { breakWhen = when; } };
}

/** `n` received faxes, one after the other (so their order is their creation order). */
async function inbound(n: number, target: typeof sinch | typeof welkin, to: string): Promise<void> {
  for (let i = 0; i < n; i++) await target.control.inbound({ from: `+1312555${String(1000 + i).padStart(4, '0')}`, to, pages: 1 + (i % 3) });
}

describe('Sinch inbox sync', () => {
  it('lists INBOUND faxes in an explicit createTime> window, pages through them, then one request per idle poll', async () => {
    const rec = recorder();
    harness = await startInboxCore({ sinchUrl: sinch.url, welkinUrl: welkin.url, fetch: rec.wrap, afterFirstPoll: rec.clear });
    const { h } = harness;
    for (let i = 0; i < 12; i++) await sinch.control.inbound({ from: `+1312555${1000 + i}`, to: '+12015550100', pages: 1 + (i % 3) });
    await pollOnce(h, harness.sinch);
    const rows = await waitForInbox(h, harness.sinch, 12);
    expect(rows.every((row) => row.direction === 'inbound' && row.status === 'received' && !row.read && !row.reviewed)).toBe(true);
    expect(rows.every((row) => row.document.state === 'ready' && row.document.sha256 && row.document.pages === row.pages)).toBe(true);

    // First pass: 12 faxes in pages of 5, each request with the direction and an explicit window.
    const first = rec.lists.sinch.filter((q) => q.get('pageSize') === '5');
    expect(first.map((q) => q.get('page'))).toEqual(['1', '2', '3']);
    // (The account's first, empty poll set the watermark at the start of the history; this window reaches an overlap before it.)
    expect(first.every((q) => q.get('direction') === 'INBOUND' && q.get('createTime>') === '1999-12-31T23:59:00Z')).toBe(true);

    // Two minutes later (past the 1-minute overlap) one more fax: the watermark moves to it.
    await sinch.control.advance(120_000);
    await inbound(1, sinch, '+12015550100');
    await pollOnce(h, harness.sinch);
    const newest = Math.max(...(await waitForInbox(h, harness.sinch, 13)).map((row) => Date.parse(row.createdAt)));
    // Idle: exactly one request per poll, counted at the emulator, its window reaching back the overlap before the newest fax.
    await sinch.control.resetRequests();
    for (let poll = 0; poll < 3; poll++) await pollOnce(h, harness.sinch);
    const counted = await sinch.control.requests();
    expect(counted.total).toBe(3);
    expect(counted.byRoute).toEqual({ 'GET /v3/projects/demo-project/faxes': 3 });
    const window = rec.lists.sinch.at(-1)!.get('createTime>')!;
    expect(Date.parse(window)).toBe(Math.floor((newest - 60_000) / 1000) * 1000);

    // New faxes inside the overlap: stored once each, none twice.
    await inbound(3, sinch, '+12015550100');
    await pollOnce(h, harness.sinch);
    const after = await waitForInbox(h, harness.sinch, 16);
    const held = (await sinch.control.faxes()) as SinchControlFax[];
    expect(after.map((row) => row.providerId).sort()).toEqual(held.filter((fax) => fax.direction === 'INBOUND').map((fax) => fax.id).sort());
    for (const row of after) expect(row.document.sha256).toBe(held.find((fax) => fax.id === row.providerId)!.documentSha256);
  }, 60_000);

  it('moves the watermark only after a whole window is stored: a pass cut on page 2 starts over from the old one', async () => {
    const rec = recorder();
    harness = await startInboxCore({ sinchUrl: sinch.url, welkinUrl: welkin.url, fetch: rec.wrap, afterFirstPoll: rec.clear });
    const { h } = harness;
    for (let i = 0; i < 8; i++) await sinch.control.inbound({ from: `+1312555${2000 + i}`, to: '+12015550100' });
    rec.breakRequests((url) => url.pathname.endsWith('/faxes') && url.searchParams.get('page') === '2');
    const failed = await pollOnce(h, harness.sinch);
    expect(failed.state).toBe('retrying');
    expect(failed.error?.code).toBe('network');
    // Page 1 is stored (idempotent upserts), but the watermark did not move.
    expect((await allRows(h)).length).toBe(5);
    expect(h.services.inbox.repo.watermark(harness.sinch, 'inbound')).toBe('2000-01-01T00:00:00.000Z');

    rec.breakRequests(undefined);
    const ok = await pollOnce(h, harness.sinch);
    expect(ok.state).toBe('ok');
    await waitForInbox(h, harness.sinch, 8);
    expect(rec.lists.sinch.at(-2)!.get('createTime>')).toBe('1999-12-31T23:59:00Z'); // started over from the old watermark
    const rows = await allRows(h);
    expect(h.services.inbox.repo.watermark(harness.sinch, 'inbound')).toBe(rows.map((row) => row.createdAt).sort().at(-1));
  }, 60_000);
});

describe('Welkin inbox sync', () => {
  it('pages newest first until a fax older than the window, then one request per idle poll', async () => {
    const rec = recorder();
    harness = await startInboxCore({ sinchUrl: sinch.url, welkinUrl: welkin.url, fetch: rec.wrap, afterFirstPoll: rec.clear });
    const { h } = harness;
    await inbound(12, welkin, '+15557654321');
    await pollOnce(h, harness.welkin);
    await waitForInbox(h, harness.welkin, 12);
    expect(rec.lists.welkin.map((q) => [q.get('page'), q.get('sort'), q.get('direction')])).toEqual([
      ['0', 'createdAt', 'DESC'], ['1', 'createdAt', 'DESC'], ['2', 'createdAt', 'DESC'],
    ]);

    // Two minutes later (past the 1-minute overlap) one more: the watermark moves to it.
    await welkin.control.advance(120_000);
    await inbound(1, welkin, '+15557654321');
    await pollOnce(h, harness.welkin);
    await waitForInbox(h, harness.welkin, 13);
    // Idle: the first page already reaches faxes older than the window.
    await welkin.control.resetRequests();
    for (let poll = 0; poll < 3; poll++) await pollOnce(h, harness.welkin);
    expect((await welkin.control.requests()).byRoute).toEqual({ 'GET /demo/live/faxes': 3 });

    // Seven new ones: page 1 holds five, page 2 the other two, the last one and older ones: the pass stops there.
    await welkin.control.advance(120_000);
    await inbound(7, welkin, '+15557654321');
    await welkin.control.resetRequests();
    await pollOnce(h, harness.welkin);
    const rows = await waitForInbox(h, harness.welkin, 20);
    expect((await welkin.control.requests()).byRoute['GET /demo/live/faxes']).toBe(2);
    const held = (await welkin.control.faxes()).filter((fax) => fax.direction === 'INCOMING');
    expect(rows.map((row) => row.providerId).sort()).toEqual(held.map((fax) => fax.id).sort());
    for (const row of rows) expect(row.document.sha256).toBe(held.find((fax) => fax.id === row.providerId)!.files[0]!.sha256);
  }, 60_000);
});
