import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentInfo } from '../../common/domain/document';
import type { OutboxJob } from '../../common/domain/fax';
import { checkAccountLimits } from '../../main/core/documents/accountLimits';
import { useSinchEmulator, useWelkinEmulator } from '../support/emulatorSuite';
import { startTestCore, type CoreHarness } from '../support/coreKit';
import { addSinchAccount, addWelkinAccount, fastFactory, waitForFax } from '../support/outboxKit';
import { sinchProviderFor } from '../support/providerKit';
import { pdfBytes, readAll } from '../support/testKit';

/**
 * What the person arranged is what the provider receives: page operations become one composed
 * PDF, built in the worker pool, and the fax's limits are checked before anything is stored.
 */
const sinch = useSinchEmulator({ speed: 50 });
const welkin = useWelkinEmulator({ speed: 50 });
let h: CoreHarness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

async function add(core: CoreHarness, name: string, pages: number, imageBytes = 0): Promise<DocumentInfo> {
  const result = await core.core.dispatch('documents.add', { name, bytes: await pdfBytes({ pages, text: name, imageBytes }) });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as DocumentInfo;
}

async function send(core: CoreHarness, input: Record<string, unknown>) {
  return core.core.dispatch('fax.send', { to: ['+19898989898'], ...input }) as Promise<{ ok: boolean; value: OutboxJob[]; error?: { code: string; message: string; nextStep: string } }>;
}

/** Each page's text (the name and page drawn on it) and its rotation, from the PDF the emulator holds. */
async function pagesAtProvider(faxId: string): Promise<Array<{ text: string; rotation: number }>> {
  const file = await readAll((await sinchProviderFor(sinch.url).downloadFax(faxId)).body);
  const pdf = await PDFDocument.load(file);
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(file), verbosity: 0 });
  const doc = await task.promise;
  const out: Array<{ text: string; rotation: number }> = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    out.push({ text: content.items.map((item) => ('str' in item ? item.str : '')).join('').trim(), rotation: pdf.getPage(n - 1).getRotation().angle });
  }
  await task.destroy();
  return out;
}

describe('a fax made of pages the person arranged', () => {
  it('sends exactly the pages, in the order and rotation chosen, as one PDF', async () => {
    h = startTestCore({ demo: false, providerFactory: fastFactory() });
    const accountId = await addSinchAccount(h, sinch.url);
    const a = await add(h, 'a.pdf', 3);
    const b = await add(h, 'b.pdf', 2);
    const sent = await send(h, {
      accountId, documentIds: [a.id, b.id],
      parts: [
        { type: 'page', documentId: b.id, page: 1 },
        { type: 'page', documentId: a.id, page: 0 },
        { type: 'page', documentId: a.id, page: 1, rotation: 90 },
        { type: 'page', documentId: b.id, page: 0, rotation: 180 },
      ],
    });
    expect(sent.ok).toBe(true);
    expect(sent.value[0]).toMatchObject({ pages: 4, documents: [{ name: 'b.pdf', pages: 4, kind: 'pdf' }] });
    const done = await waitForFax(h, sent.value[0]!.id, ['sent', 'sending', 'submitted']);
    expect(await pagesAtProvider(done.providerFaxId!)).toEqual([
      { text: 'b.pdf 2/2', rotation: 0 },
      { text: 'a.pdf 1/3', rotation: 0 },
      { text: 'a.pdf 2/3', rotation: 90 },
      { text: 'b.pdf 1/2', rotation: 180 },
    ]);
  });

  it('sends a document whole as it is when nothing was changed (no copy is made)', async () => {
    h = startTestCore({ demo: false, providerFactory: fastFactory() });
    const accountId = await addSinchAccount(h, sinch.url);
    const a = await add(h, 'a.pdf', 2);
    const sent = await send(h, { accountId, documentIds: [a.id] });
    expect(sent.value[0]!.documents.map((d) => d.id)).toEqual([a.id]);
  });

  it('keeps whole documents as they are and composes only changed pages: two 12 MB scans go to Sinch as two files within its 20 MB a file', async () => {
    h = startTestCore({ demo: false, providerFactory: fastFactory() });
    const accountId = await addSinchAccount(h, sinch.url);
    const a = await add(h, 'a.pdf', 1, 12 * 1024 * 1024);
    const b = await add(h, 'b.pdf', 1, 12 * 1024 * 1024);
    const c = await add(h, 'c.pdf', 2);
    const sent = await send(h, {
      accountId, documentIds: [a.id, b.id, c.id],
      parts: [
        { type: 'page', documentId: a.id, page: 0 },
        { type: 'page', documentId: b.id, page: 0 },
        { type: 'page', documentId: c.id, page: 0 },
        { type: 'page', documentId: c.id, page: 1, rotation: 90 },
      ],
    });
    expect(sent.ok).toBe(true);
    const documents = sent.value[0]!.documents;
    expect(documents.map((d) => d.id).slice(0, 2)).toEqual([a.id, b.id]);
    expect(documents[2]).toMatchObject({ name: 'c.pdf', pages: 2 });
    expect(documents[2]!.id).not.toBe(c.id);
    const done = await waitForFax(h, sent.value[0]!.id, ['sent', 'sending', 'submitted']);
    expect((await pagesAtProvider(done.providerFaxId!)).map((page) => page.rotation)).toEqual([0, 0, 0, 90]);
  }, 60_000);

  it('composes whole documents together when keeping them apart would upload more files than Welkin takes', async () => {
    h = startTestCore({ demo: false, providerFactory: fastFactory() });
    const accountId = await addWelkinAccount(h, welkin.url);
    const docs = [];
    for (let n = 1; n <= 11; n++) docs.push(await add(h, `p${n}.pdf`, 1));
    const sent = await send(h, { accountId, documentIds: docs.map((d) => d.id) });
    expect(sent.ok).toBe(true);
    expect(sent.value[0]).toMatchObject({ pages: 11, documents: [{ name: 'p1.pdf', pages: 11 }] });
  }, 60_000);

  it('refuses pages that do not exist, documents not in the fax, and an empty fax, storing nothing', async () => {
    h = startTestCore({ demo: false, providerFactory: fastFactory() });
    const accountId = await addSinchAccount(h, sinch.url);
    const a = await add(h, 'a.pdf', 2);
    const b = await add(h, 'b.pdf', 1);
    expect(await send(h, { accountId, documentIds: [a.id], parts: [{ type: 'page', documentId: a.id, page: 2 }] }))
      .toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The fax names a page of a.pdf that it does not have.' } });
    expect(await send(h, { accountId, documentIds: [a.id], parts: [{ type: 'page', documentId: b.id, page: 0 }] }))
      .toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await send(h, { accountId, documentIds: [a.id], parts: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The fax has no pages left' } });
    expect(await send(h, { accountId, documentIds: [a.id], parts: [{ type: 'original', documentId: a.id }] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(((await h.core.dispatch('outbox.list', {})) as { value: unknown[] }).value).toHaveLength(0);
  });
});

describe('the account\'s limits, before anything is stored or uploaded', () => {
  it('Sinch: a file over 20 MB is refused with its name', async () => {
    h = startTestCore({ demo: false, providerFactory: fastFactory() });
    const accountId = await addSinchAccount(h, sinch.url);
    const big = await add(h, 'scan.pdf', 1, 21 * 1024 * 1024);
    const result = await send(h, { accountId, documentIds: [big.id] });
    expect(result).toMatchObject({ ok: false, error: { code: 'files_too_large', message: expect.stringMatching(/^scan\.pdf is 21\.\d MB; Sinch accepts files up to 20 MB\.$/) } });
    expect(((await h.core.dispatch('outbox.list', {})) as { value: unknown[] }).value).toHaveLength(0);
    expect(await sinch.control.faxes()).toHaveLength(0);
  }, 60_000); // a 21 MB file read and checked page by page: slow on a loaded machine

  it.each([
    ['more files than Welkin takes', Array.from({ length: 11 }, (_v, n) => ({ name: `p${n}.pdf`, contentType: 'application/pdf', sizeBytes: 1_000 })),
      'too_many_files', 'This fax would upload 11 files; Welkin accepts at most 10.'],
    ['more bytes than Welkin takes per fax', [{ name: 'a.pdf', contentType: 'application/pdf', sizeBytes: 60 * 1024 * 1024 }, { name: 'b.pdf', contentType: 'application/pdf', sizeBytes: 41 * 1024 * 1024 }],
      'files_too_large', 'This fax\'s files add up to 101.0 MB; Welkin accepts at most 100 MB per fax.'],
    ['a type Welkin does not take', [{ name: 'scan.tiff', contentType: 'image/tiff', sizeBytes: 1_000 }],
      'unsupported_file', 'Welkin does not accept scan.tiff as it is.'],
  ])('Welkin: %s', (_label, files, code, message) => {
    const welkinLimits = { maxFiles: 10, maxTotalBytes: 100 * 1024 * 1024, contentTypes: ['application/pdf', 'image/jpeg', 'image/png'] };
    expect(() => checkAccountLimits(files, welkinLimits, 'Welkin')).toThrow(expect.objectContaining({ info: expect.objectContaining({ code, message }) }));
  });

  it('Welkin: the limits an account reports are the ones checked', async () => {
    h = startTestCore({ demo: false, providerFactory: fastFactory() });
    await addWelkinAccount(h, welkin.url);
    const [account] = ((await h.core.dispatch('accounts.list', {})) as { value: Array<{ limits: unknown }> }).value;
    expect(account!.limits).toEqual({ maxFiles: 10, maxTotalBytes: 100 * 1024 * 1024, contentTypes: expect.arrayContaining(['application/pdf', 'image/png']) });
  });
});

describe('documents.addFile and the document content', () => {
  it('adds a file by path (as Electron hands it over), leaves the original alone, and serves what is sent', async () => {
    h = startTestCore({ demo: false });
    const path = join(h.dataDir, 'Referral from disk.pdf');
    const bytes = await pdfBytes({ pages: 2 });
    writeFileSync(path, bytes);
    const result = await h.core.dispatch('documents.addFile', { path, name: 'Referral from disk.pdf' });
    expect(result).toMatchObject({ ok: true, value: { name: 'Referral from disk.pdf', pages: 2, kind: 'pdf', sentAs: 'pdf', warnings: [] } });
    const info = (result as { value: DocumentInfo }).value;
    const content = await h.core.documentContent(info.id);
    expect(content).toMatchObject({ contentType: 'application/pdf', sizeBytes: info.sentBytes });
    expect(await h.core.documentContent('../../etc/passwd')).toBeUndefined();
    expect(await h.core.dispatch('documents.addFile', { path: join(h.dataDir, 'gone.pdf'), name: 'gone.pdf' }))
      .toMatchObject({ ok: false, error: { code: 'unsupported_file', message: 'gone.pdf could not be read.' } });
  });
});

describe('settings', () => {
  it('keeps the paper size, auto by default', async () => {
    h = startTestCore({ demo: false });
    expect(await h.core.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { paperSize: 'auto', hideDemoAccounts: false, inboxPollSeconds: 30, newFaxSound: true } }); // (and the office's region, where the system says it)
    expect(await h.core.dispatch('settings.update', { paperSize: 'a4', hideDemoAccounts: true })).toMatchObject({ ok: true, value: { paperSize: 'a4', hideDemoAccounts: true, inboxPollSeconds: 30, newFaxSound: true } });
    expect(await h.core.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { paperSize: 'a4', hideDemoAccounts: true, inboxPollSeconds: 30, newFaxSound: true } });
    expect(await h.core.dispatch('settings.update', { newFaxSound: false })).toMatchObject({ ok: true, value: { newFaxSound: false } });
    expect(await h.core.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { newFaxSound: false } });
    expect(await h.core.dispatch('settings.update', { paperSize: 'tabloid' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the document sweep', () => {
  it('removes documents no fax uses once they are old enough, and keeps those a fax uses', async () => {
    h = startTestCore({ demo: false, providerFactory: fastFactory() });
    const accountId = await addSinchAccount(h, sinch.url);
    const used = await add(h, 'used.pdf', 1);
    const left = await add(h, 'left.pdf', 1);
    expect((await send(h, { accountId, documentIds: [used.id] })).ok).toBe(true);
    expect(await h.services.documents.sweep(60_000)).toBe(0); // both are young
    expect(await h.services.documents.sweep(-1)).toBe(1);
    expect(await h.core.documentContent(left.id)).toBeUndefined();
    expect(await h.core.documentContent(used.id)).toBeDefined();
  });
});
