import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../common/domain/document';
import type { CoreHarness } from '../support/coreKit';
import { makePdfBytes, startTestCore } from '../support/coreKit';

let h: CoreHarness;
beforeAll(() => { h = startTestCore({ demo: false }); });
afterAll(() => h.close());

const add = (name: string, bytes: Uint8Array) => h.core.dispatch('documents.add', { name, bytes });
const documentFiles = () => readdirSync(join(h.dataDir, 'documents'));

describe('documents.add', () => {
  it('stores a PDF under its id and reports its pages', async () => {
    const result = await add('Referral letter.pdf', await makePdfBytes(3));
    expect(result).toMatchObject({ ok: true, value: { name: 'Referral letter.pdf', pages: 3, contentType: 'application/pdf' } });
    const id = (result as { value: { id: string } }).value.id;
    expect(documentFiles()).toContain(`${id}.pdf`);
    // Stored sealed, never as the PDF it is.
    expect(readFileSync(join(h.dataDir, 'documents', `${id}.pdf`)).includes('%PDF')).toBe(false);
  });

  it('refuses an executable, naming the file, and stores nothing', async () => {
    const before = documentFiles().length;
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    expect(await add('setup.exe', exe)).toMatchObject({ ok: false, error: { code: 'unsupported_file', message: 'setup.exe is not a kind of file Faxdesk can fax.' } });
    expect(documentFiles()).toHaveLength(before);
    // Its plain copy, made in the private folder for the converter, is gone too.
    expect(readdirSync(join(h.dataDir, 'private-tmp'), { recursive: true })).toEqual(['drafts-incoming']); // plain forms are gone after use (server drafts' folder is empty)
  });

  it('judges a file by its content: a text file renamed to .pdf is faxed as text', async () => {
    const text = new TextEncoder().encode('Dear Dr Smith, please find attached…');
    expect(await add('notes.pdf', text)).toMatchObject({ ok: true, value: { name: 'notes.pdf', kind: 'text', pages: 1, sentAs: 'pdf' } });
  });

  it('refuses a damaged PDF with a next step', async () => {
    const pdf = await makePdfBytes(2);
    const broken = new Uint8Array([...pdf.slice(0, 40), ...new TextEncoder().encode('garbage'.repeat(20))]);
    const result = await add('scan.pdf', broken);
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported_file', message: expect.stringContaining('scan.pdf') } });
  });

  it('refuses an empty file', async () => {
    expect(await add('empty.pdf', new Uint8Array())).toMatchObject({ ok: false, error: { message: 'empty.pdf is empty.' } });
  });

  it('refuses a document over the size limit before reading it, and stores nothing', async () => {
    const before = documentFiles().length;
    const huge = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    huge.set(new TextEncoder().encode('%PDF-1.7\n'));
    expect(await add('scan.pdf', huge)).toMatchObject({ ok: false, error: { code: 'unsupported_file', message: 'scan.pdf is larger than 100 MB.' } });
    expect(documentFiles()).toHaveLength(before);
  });

  it('keeps only the base name of a path-like name', async () => {
    const result = await add('../../etc/evil.pdf', await makePdfBytes(1));
    expect(result).toMatchObject({ ok: true, value: { name: 'evil.pdf' } });
  });

  it('removes a document nobody uses', async () => {
    const added = (await add('temp.pdf', await makePdfBytes(1))) as { value: { id: string } };
    expect(await h.core.dispatch('documents.remove', { id: added.value.id })).toEqual({ ok: true, value: { removed: true } });
    expect(existsSync(join(h.dataDir, 'documents', `${added.value.id}.pdf`))).toBe(false);
  });
});
