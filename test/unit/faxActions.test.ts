import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../common/domain/fax';
import { startTestCore, type CoreHarness } from '../support/coreKit';
import { useSinchEmulator, useWelkinEmulator } from '../support/emulatorSuite';
import { addPdf, addSinchAccount, addWelkinAccount, fastFactory, faxOf, outboxList, sendFax, waitForFax } from '../support/outboxKit';
import { sinchProviderFor } from '../support/providerKit';
import { readAll } from '../support/testKit';

/** What a person does with a fax that failed or may have failed, against the emulators over HTTP. */
const sinch = useSinchEmulator({ speed: 50 });
const welkin = useWelkinEmulator({ speed: 50 });
let h: CoreHarness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

const start = (faxDurationScale?: number) => (h = startTestCore({ demo: false, providerFactory: fastFactory(), ...(faxDurationScale ? { faxDurationScale } : {}) }));
const retry = (id: string, choice: Record<string, boolean> = {}) => h!.core.dispatch('outbox.retry', { id, ...choice }) as Promise<{ ok: boolean; value: OutboxJob; error?: { code: string; message: string } }>;

describe('sending again where pages may have arrived', () => {
  it('partial delivery: asks first, says how many arrived, and can send only the missing pages as a new fax', async () => {
    start();
    const accountId = await addSinchAccount(h!, sinch.url);
    const doc = await addPdf(h!, 3);
    const partial = await waitForFax(h!, (await sendFax(h!, accountId, doc.id, '+19898989803')).id, ['failed']);
    expect(partial).toMatchObject({ pagesSent: 2, pages: 3, error: { code: 'partial_delivery' } });

    expect(await retry(partial.id)).toMatchObject({ ok: false, error: { code: 'pages_may_have_arrived', message: '2 of 3 pages already reached …9803.' } });
    const rest = await retry(partial.id, { confirm: true, onlyMissingPages: true });
    expect(rest.value).toMatchObject({ resentFrom: partial.id, firstPage: 3, pages: 1, to: '+19898989803' });
    expect(await faxOf(h!, partial.id)).toMatchObject({ decision: 'resent', archivedAt: expect.any(String) });
    // The new fax carries page 3 only.
    const restAtProvider = await waitForFax(h!, rest.value.id, ['failed', 'sent', 'sending', 'submitted']);
    const file = await readAll((await sinchProviderFor(sinch.url).downloadFax(restAtProvider.providerFaxId!)).body);
    expect((await PDFDocument.load(file)).getPageCount()).toBe(1);
  });

  it('uncertain: needs confirmation; "It arrived" moves it to Sent, marked as confirmed by a person', async () => {
    start();
    const accountId = await addSinchAccount(h!, sinch.url);
    await sinch.control.faults({ rate: 1, kinds: ['timeout'], method: 'POST', pathPattern: '/faxes$', count: 1 });
    const doc = await addPdf(h!, 1);
    const uncertain = await waitForFax(h!, (await sendFax(h!, accountId, doc.id)).id, ['uncertain']);
    expect(await retry(uncertain.id)).toMatchObject({ ok: false, error: { code: 'pages_may_have_arrived' } });
    const [arrived] = ((await h!.core.dispatch('outbox.resolve', { ids: [uncertain.id], action: 'arrived' })) as { value: OutboxJob[] }).value;
    expect(arrived).toMatchObject({ state: 'sent', decision: 'confirmed_by_person', completedAt: expect.any(String) });
    expect(await sinch.control.faxes()).toHaveLength(0);
  });

  it('does not offer a retry that cannot help (a number not in service)', async () => {
    start();
    const accountId = await addSinchAccount(h!, sinch.url);
    const doc = await addPdf(h!, 1);
    const failed = await waitForFax(h!, (await sendFax(h!, accountId, doc.id, '+19898989807')).id, ['failed']);
    expect(await retry(failed.id)).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('not in service') } });
  });

  it('Welkin retries on its own side: the same fax, delivered the second time', async () => {
    start();
    const accountId = await addWelkinAccount(h!, welkin.url);
    const doc = await addPdf(h!, 1);
    const busy = await waitForFax(h!, (await sendFax(h!, accountId, doc.id, '+19898989805')).id, ['failed']);
    expect(busy.error?.code).toBe('line_busy');
    const retried = await retry(busy.id);
    expect(retried.ok).toBe(true);
    const sent = await waitForFax(h!, busy.id, ['sent']);
    expect(sent).toMatchObject({ providerFaxId: busy.providerFaxId, attempts: 2 });
    expect((await welkin.control.faxes()).filter((fax) => fax.status !== 'DRAFT')).toHaveLength(1);
  });
});

describe('archive', () => {
  it('takes finished faxes out of the Outbox (kept in history), and refuses one still on its way', async () => {
    start();
    const accountId = await addSinchAccount(h!, sinch.url);
    const doc = await addPdf(h!, 1);
    const busy = await waitForFax(h!, (await sendFax(h!, accountId, doc.id, '+19898989801')).id, ['failed']);
    const never = await sendFax(h!, accountId, doc.id, '+19898989809');
    expect(await h!.core.dispatch('outbox.resolve', { ids: [busy.id, never.id], action: 'archive' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await faxOf(h!, busy.id))!.archivedAt).toBeUndefined(); // all or nothing
    const [archived] = ((await h!.core.dispatch('outbox.resolve', { ids: [busy.id], action: 'archive' })) as { value: OutboxJob[] }).value;
    expect(archived).toMatchObject({ state: 'failed', archivedAt: expect.any(String) });
    expect((await outboxList(h!)).map((job) => job.id)).toContain(busy.id);
  });
});

describe('notes and tags on sent faxes', () => {
  it('kept with the fax, tags cleaned like the inbox\'s, found by the Outbox\'s search; bad input refused and nothing changed', async () => {
    start();
    const accountId = await addSinchAccount(h!, sinch.url);
    const doc = await addPdf(h!, 1);
    const sent = await waitForFax(h!, (await sendFax(h!, accountId, doc.id, '+19898989898')).id, ['sent']);
    const other = await waitForFax(h!, (await sendFax(h!, accountId, doc.id, '+19898989801')).id, ['failed']);
    const r = await h!.core.dispatch('outbox.annotate', { id: sent.id, tags: [' Referral ', 'referral', 'billing-2291'], notes: '  Called to confirm  ' }) as { ok: boolean; value: OutboxJob };
    expect(r.value).toMatchObject({ tags: ['Referral', 'billing-2291'], notes: 'Called to confirm' });
    expect((await faxOf(h!, sent.id))).toMatchObject({ tags: ['Referral', 'billing-2291'], notes: 'Called to confirm' });
    const found = async (text: string) => ((await h!.core.dispatch('outbox.list', { text })) as { value: OutboxJob[] }).value.map((job) => job.id);
    expect(await found('billing-2291')).toEqual([sent.id]);
    expect(await found('to confirm')).toEqual([sent.id]);
    expect(await found('referral')).not.toContain(other.id);

    expect(await h!.core.dispatch('outbox.annotate', { id: sent.id, tags: Array.from({ length: 21 }, (_v, i) => `t${i}`) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await h!.core.dispatch('outbox.annotate', { id: 'no-such-fax', notes: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await faxOf(h!, sent.id))!.tags).toEqual(['Referral', 'billing-2291']);
  });
});

describe('stuck faxes', () => {
  it('a fax well past what its pages need says so once, and is still followed', async () => {
    start(0.002); // a one-page fax "should" take about 0.7 s
    const accountId = await addSinchAccount(h!, sinch.url);
    const doc = await addPdf(h!, 1);
    const queued = await sendFax(h!, accountId, doc.id, '+19898989809');
    const stuck = await waitForFax(h!, queued.id, ['sending', 'submitted']).then(() => (async () => {
      for (;;) {
        const job = await faxOf(h!, queued.id);
        if (job?.stuckSince) return job;
        await new Promise((r) => setTimeout(r, 50));
      }
    })());
    expect(stuck).toMatchObject({ state: 'sending', expectedDoneAt: expect.any(String), stuckSince: expect.any(String) });
    expect(Date.parse(stuck.stuckSince!)).toBeGreaterThan(Date.parse(stuck.expectedDoneAt!));
  });
});

describe('the same pages to the same number twice', () => {
  it('asks before sending them again within a day, and sends when confirmed or to another number', async () => {
    start();
    const accountId = await addSinchAccount(h!, sinch.url);
    const doc = await addPdf(h!, 2);
    await sendFax(h!, accountId, doc.id, '+12015550142');
    const again = await h!.core.dispatch('fax.send', { accountId, to: ['+12015550142'], documentIds: [doc.id] });
    expect(again).toMatchObject({ ok: false, error: { code: 'possible_duplicate', message: expect.stringMatching(/^You sent these pages to …0142 at \d{1,2}:\d{2} [AP]M today\.$/) } });
    expect((await h!.core.dispatch('fax.send', { accountId, to: ['+12015550143'], documentIds: [doc.id] })).ok).toBe(true);
    expect((await h!.core.dispatch('fax.send', { accountId, to: ['+12015550142'], documentIds: [doc.id], confirmDuplicate: true })).ok).toBe(true);
    // Other pages of the same document are other content.
    expect((await h!.core.dispatch('fax.send', { accountId, to: ['+12015550142'], documentIds: [doc.id], parts: [{ type: 'page', documentId: doc.id, page: 1 }] })).ok).toBe(true);
  });
});
