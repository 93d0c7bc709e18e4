import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../common/domain/account';
import type { InboxCounts, InboxFax, InboxFaxArrived, InboxList } from '../../common/domain/inbox';
import { readAll } from '../support/testKit';
import { startTestCore, waitFor, type CoreHarness } from '../support/coreKit';
import { addSinchAccount } from '../support/outboxKit';
import { inboxList } from '../support/inboxKit';
import { readDocumentContent } from '../support/documentContent';

/**
 * The inbox through the IPC surface with the Demo accounts: test faxes arrive in the one inbox,
 * counts, search by the last four digits, read/reviewed, documents served by id, new-fax events,
 * and a restart that keeps the demo emulators' received faxes and their documents.
 */
let h: CoreHarness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

async function call<T>(core: CoreHarness, channel: string, input: unknown = {}): Promise<T> {
  const result = await core.core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}


describe('inbox IPC', () => {
  it('three test faxes per Demo account appear in the one inbox, unread and to review; search, marks and documents work; a restart keeps them', async () => {
    h = startTestCore({ inbox: { intervalMs: 60_000 } });
    const arrived: InboxFaxArrived[] = [];
    h.core.events.subscribe((event, payload) => { if (event === 'inbox.faxArrived') arrived.push(payload as InboxFaxArrived); });
    const accounts = await call<Account[]>(h, 'accounts.list');
    const demo = accounts.filter((account) => account.demo);
    expect(demo).toHaveLength(2);
    for (const account of demo) for (let n = 0; n < 3; n++) await call(h, 'inbox.receiveTestFax', { accountId: account.id });

    const all = await waitFor(async () => {
      const list = await inboxList(h!, {});
      return list.total === 6 && list.rows.every((row) => row.document.state === 'ready') ? list : undefined;
    }, 30_000, 'six faxes with their documents');
    expect(all.rows.every((row) => !row.read && !row.reviewed && row.demo && row.direction === 'inbound')).toBe(true);
    expect(arrived).toHaveLength(6);
    expect(arrived.every((event) => /^\d{4}$/.test(event.fromLast4 ?? '') && event.demo)).toBe(true);
    expect((await inboxList(h, { view: 'needs_review' })).total).toBe(6);
    for (const account of demo) expect((await inboxList(h, { view: 'account', accountId: account.id })).total).toBe(3);
    const counts = await call<InboxCounts>(h, 'inbox.counts');
    expect(counts).toMatchObject({ unread: 6, needsReview: 6, total: 6 });

    // Search by the last four digits of one sender finds exactly that sender's faxes.
    const target = all.rows[0]!;
    const last4 = target.from!.slice(-4);
    const found = await inboxList(h, { text: last4 });
    expect(found.rows.map((row) => row.id)).toEqual(all.rows.filter((row) => row.from!.endsWith(last4)).map((row) => row.id));
    expect((await inboxList(h, { sender: target.from })).rows.every((row) => row.from === target.from)).toBe(true);

    // Read and reviewed: the counts follow, and the window hears of it.
    const changes: unknown[] = [];
    h.core.events.subscribe((event, payload) => { if (event === 'inbox.changed') changes.push(payload); });
    await call<InboxFax[]>(h, 'inbox.markRead', { ids: [target.id] });
    await call<InboxFax[]>(h, 'inbox.markReviewed', { ids: [target.id, all.rows[1]!.id] });
    expect(await call<InboxCounts>(h, 'inbox.counts')).toMatchObject({ unread: 5, needsReview: 4 });
    expect((await inboxList(h, { unread: true })).total).toBe(5);
    expect(changes).toEqual([{ faxIds: [target.id], more: false, reason: 'local' }, { faxIds: [target.id, all.rows[1]!.id], more: false, reason: 'local' }]);
    expect((await call<InboxFax>(h, 'inbox.get', { id: target.id })).read).toBe(true);

    // Each document is served by the fax's id, as outbox documents are, and matches its SHA-256.
    for (const row of all.rows) {
      expect((await h.core.documentContent(row.id))!.contentType).toBe('application/pdf');
      expect(createHash('sha256').update((await readDocumentContent(h.core, row.id))!).digest('hex')).toBe(row.document.sha256);
    }

    // Restart on the same data folder: the demo emulators still hold the faxes, and their documents download again.
    const dataDir = h.dataDir;
    await h.core.close();
    h = startTestCore({ dataDir, inbox: { intervalMs: 60_000 } });
    const again = await inboxList(h, {});
    expect(again.total).toBe(6);
    for (const account of demo) {
      const provider = await h.services.accounts.providerFor(account.id);
      for (const row of again.rows.filter((fax) => fax.accountId === account.id)) {
        const body = await readAll((await provider.downloadFax(row.providerId)).body);
        expect(createHash('sha256').update(body).digest('hex')).toBe(row.document.sha256);
      }
    }
  }, 90_000);

  it('refuses a test fax for a real account, and a poll interval outside 10 s – 15 min', async () => {
    h = startTestCore({ demo: false });
    const id = await addSinchAccount(h, 'http://127.0.0.1:9');
    const refused = await h.core.dispatch('inbox.receiveTestFax', { accountId: id });
    expect(refused.ok ? undefined : refused.error.code).toBe('invalid_input');
    expect((await h.core.dispatch('settings.update', { inboxPollSeconds: 5 })).ok).toBe(false);
    expect((await h.core.dispatch('settings.update', { inboxPollSeconds: 901 })).ok).toBe(false);
    expect(await call(h, 'settings.update', { inboxPollSeconds: 600 })).toMatchObject({ inboxPollSeconds: 600 });
    expect(await call(h, 'settings.get')).toMatchObject({ inboxPollSeconds: 600 });
    const bad = await h.core.dispatch('inbox.list', { view: 'account' });
    expect(bad.ok ? undefined : bad.error.code).toBe('invalid_input');
    expect(((await call<InboxList>(h, 'inbox.list', {})).total)).toBe(0);
  });
});
