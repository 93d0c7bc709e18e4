import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type CoreHarness } from '../support/coreKit';
import { useSinchEmulator } from '../support/emulatorSuite';
import { addPdf, addSinchAccount, fastFactory, sendFax, waitForFax } from '../support/outboxKit';
import { readDocumentContent } from '../support/documentContent';

/** Proof of delivery: the one-page report, read back with pdf.js. */
const sinch = useSinchEmulator({ speed: 50 });
let h: CoreHarness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

async function textOf(bytes: Uint8Array): Promise<{ pages: number; text: string; images: number }> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const doc = await task.promise;
  const page = await doc.getPage(1);
  const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
  const images = (await page.getOperatorList()).fnArray.filter((op) => op === OPS.paintImageXObject).length;
  const pages = doc.numPages;
  await task.destroy();
  return { pages, text: text.replace(/\s+/g, ' '), images };
}

describe('transmission report', () => {
  it('of a delivered fax: provider fax id, both numbers, pages, times, price, the SHA-256 of what was sent, and a thumbnail', async () => {
    h = startTestCore({ demo: false, providerFactory: fastFactory() });
    const accountId = await addSinchAccount(h, sinch.url, 'Front desk');
    const doc = await addPdf(h, 2);
    const done = await waitForFax(h, (await sendFax(h, accountId, doc.id, '+12015550142')).id, ['sent']);
    const report = await h.core.dispatch('outbox.report', { id: done.id });
    expect(report.ok).toBe(true);
    const { name, bytes } = (report as { value: { name: string; bytes: Uint8Array } }).value;
    expect(name).toMatch(/^Fax report \d{4}-\d{2}-\d{2} to …0142\.pdf$/);
    const read = await textOf(bytes);
    expect(read.pages).toBe(1);
    const sha256 = createHash('sha256').update((await readDocumentContent(h.core, done.documents[0]!.id))!).digest('hex');
    for (const fact of ['Delivered', done.providerFaxId!, '+12015550142', '+12015550100', '2 of 2 sent', 'Front desk', 'Sinch', 'USD', 'Remote station ID (CSID): not reported by the carrier.']) {
      expect(read.text, fact).toContain(fact);
    }
    expect(read.text.replace(/ /g, '')).toContain(sha256);
    expect(read.images).toBe(1); // the first page's thumbnail
  });

  it('of a failed fax: the reason in words and the provider\'s own code; not before the fax is done', async () => {
    h = startTestCore({ demo: false, providerFactory: fastFactory() });
    const accountId = await addSinchAccount(h, sinch.url);
    const doc = await addPdf(h, 1);
    const queued = await sendFax(h, accountId, doc.id, '+19898989801');
    expect(await h.core.dispatch('outbox.report', { id: queued.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const failed = await waitForFax(h, queued.id, ['failed']);
    const { bytes } = ((await h.core.dispatch('outbox.report', { id: failed.id })) as { value: { bytes: Uint8Array } }).value;
    const read = await textOf(bytes);
    expect(read.text).toContain('Failed');
    expect(read.text).toContain('The line was busy.');
    expect(read.text).toContain('CALL_ERROR 17');
    expect(read.text).toContain('0 of 1 sent');
  });

  it('of a demo fax says it was not transmitted', async () => {
    h = startTestCore({ providerFactory: fastFactory() });
    const demo = ((await h.core.dispatch('accounts.list', {})) as { value: Array<{ id: string; demo: boolean; settings: { provider: string } }> }).value
      .find((account) => account.demo && account.settings.provider === 'sinch')!;
    const doc = await addPdf(h, 1);
    const done = await waitForFax(h, (await sendFax(h, demo.id, doc.id)).id, ['sent']);
    expect(done.demo).toBe(true);
    const { bytes } = ((await h.core.dispatch('outbox.report', { id: done.id })) as { value: { bytes: Uint8Array } }).value;
    expect((await textOf(bytes)).text).toContain('Demo — not transmitted');
  });
});
