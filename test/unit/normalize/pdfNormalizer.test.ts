import { PDFDocument, PDFName, PDFNumber, StandardFonts } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { filledFormPdf, protectedPdf } from '../../support/documentFixtures';
import { accepted, normalizeBytes } from '../../support/normalizeKit';
import { pageFacts, pageTexts } from '../../support/pdfReadback';

/** Pages that say which they are, with text long enough to fill a few objects. */
async function letterPdf(pages: number, options: { useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) doc.addPage([612, 792]).drawText(`Page ${n} of the referral. `.repeat(60), { x: 36, y: 740, size: 10, font, maxWidth: 540, lineHeight: 12 });
  return doc.save(options);
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('PDF: a faithful copy of its pages', () => {
  it('keeps each page’s size and rotation, inherited ones included', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([612, 792]);
    doc.addPage([841.89, 595.28]).setRotation({ type: 'degrees', angle: 90 } as never);
    doc.addPage([595.28, 841.89]);
    doc.catalog.Pages().set(PDFName.of('Rotate'), PDFNumber.of(180)); // page 1 and 3 inherit it from the page tree
    const result = accepted(await normalizeBytes('mixed.pdf', await doc.save()));
    expect(result).toMatchObject({ kind: 'pdf', pages: 3, sentAs: 'pdf', contentType: 'application/pdf', warnings: [] });
    expect(await pageFacts(result.pdf)).toEqual([
      { width: 612, height: 792, rotation: 180, annotations: 0 },
      { width: 841.89, height: 595.28, rotation: 90, annotations: 0 },
      { width: 595.28, height: 841.89, rotation: 180, annotations: 0 },
    ]);
  });

  it('sends only the pages: not what an earlier edit deleted but left in the file, nor attachments', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Courier);
    for (let n = 1; n <= 3; n++) {
      const page = doc.addPage([612, 792]);
      page.node.setFontDictionary(PDFName.of('F1'), font.ref);
      page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(`BT /F1 12 Tf 72 700 Td (PAGE-${n}-TEXT) Tj ET`)));
    }
    await doc.attach(new TextEncoder().encode('notes'), 'notes.txt', { mimeType: 'text/plain' });
    const original = await doc.save({ useObjectStreams: false });
    const edited = await PDFDocument.load(original, { forIncrementalUpdate: true });
    edited.removePage(1); // an incremental save appends the change: page 2's objects stay in the file
    const withEdit = await edited.commit();
    expect(latin1(withEdit)).toContain('PAGE-2-TEXT');
    expect(latin1(withEdit)).toContain('/EmbeddedFile');

    const result = accepted(await normalizeBytes('edited.pdf', withEdit));
    expect(result.pages).toBe(2);
    expect(await pageTexts(result.pdf)).toEqual(['PAGE-1-TEXT', 'PAGE-3-TEXT']);
    // Every object of the result written out plainly (no object streams): the deleted page and the attachment are gone.
    const everything = latin1(await (await PDFDocument.load(result.pdf)).save({ useObjectStreams: false }));
    expect(everything).toContain('PAGE-1-TEXT');
    expect(everything).not.toContain('PAGE-2-TEXT');
    expect(everything).not.toContain('/EmbeddedFile');
  });

  it('reports the SHA-256 of the file as given, and leaves nothing beside the output', async () => {
    const bytes = await letterPdf(2);
    const run = await normalizeBytes('letter.pdf', bytes);
    const { createHash } = await import('node:crypto');
    expect(accepted(run).sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(run.leftovers).toEqual([]);
  });
});

describe('PDF: passwords', () => {
  it.each(['AES-256', 'AES-128', 'RC4-128'] as const)('accepts a file protected only by an owner password (%s) and writes it decrypted', async (algorithm) => {
    const run = await normalizeBytes('bank statement.pdf', await protectedPdf('Statement for Jane Q. Patient', { userPassword: '', ownerPassword: 'owner-secret' }, algorithm));
    const result = accepted(run);
    expect(result).toMatchObject({ kind: 'pdf', pages: 1 });
    expect(latin1(result.pdf)).not.toContain('/Encrypt');
    expect(await pageTexts(result.pdf)).toEqual(['Statement for Jane Q. Patient']);
  });

  it('refuses a file that needs a password to open, and writes nothing', async () => {
    const run = await normalizeBytes('records.pdf', await protectedPdf('secret', { userPassword: 'open-me', ownerPassword: 'owner' }));
    expect(run.output).toEqual({
      ok: false, code: 'unsupported_file', reason: 'password', message: 'records.pdf needs a password to open.',
      nextStep: 'Open it with its password, save a copy without one, and add that copy.',
    });
    expect(run.pdf).toBeUndefined();
  });
});

describe('PDF: forms', () => {
  it('flattens filled fields into the page, so the value prints and no field is left', async () => {
    const result = accepted(await normalizeBytes('intake form.pdf', await filledFormPdf('Jane Q. Patient')));
    expect(result.warnings).toEqual(['Filled form fields were flattened so they print.']);
    expect(await pageTexts(result.pdf)).toEqual([expect.stringContaining('Jane Q. Patient')]);
    expect(await pageFacts(result.pdf)).toEqual([expect.objectContaining({ annotations: 0 })]);
    expect(latin1(result.pdf)).not.toContain('/AcroForm');
  });

  it('says nothing about forms when no field was filled', async () => {
    const doc = await PDFDocument.create();
    doc.getForm().createTextField('empty').addToPage(doc.addPage(), { x: 50, y: 50 });
    const result = accepted(await normalizeBytes('blank form.pdf', await doc.save()));
    expect(result.warnings).toEqual([]);
    expect(await pageFacts(result.pdf)).toEqual([expect.objectContaining({ annotations: 0 })]);
  });
});

describe('PDF: damaged files', () => {
  it('re-saves a file whose cross-reference table points nowhere (pdf-lib reads objects in file order)', async () => {
    const text = latin1(await letterPdf(3, { useObjectStreams: false }));
    const xref = text.lastIndexOf('\nxref');
    const broken = Buffer.from(text.slice(0, xref) + text.slice(xref).replace(/\d{10} 00000 n/g, '0000000099 00000 n'), 'latin1');
    const result = accepted(await normalizeBytes('scan.pdf', broken));
    expect(result.pages).toBe(3);
    expect((await pageTexts(result.pdf))[2]).toContain('Page 3');
  });

  it('rebuilds a lost page tree from the page objects, and says to check the pages', async () => {
    const doc = await PDFDocument.create();
    for (let n = 1; n <= 2; n++) doc.addPage().drawText(`Page ${n}`);
    doc.context.delete(doc.catalog.get(PDFName.of('Pages')) as never); // what 017-unreadable-meta-data in the corpus has lost
    const result = accepted(await normalizeBytes('lost tree.pdf', await doc.save({ useObjectStreams: false })));
    expect(result.pages).toBe(2);
    expect(result.warnings).toEqual(['This PDF was damaged; Faxdesk recovered 2 pages from it. Check every page before sending: some may be missing or out of order.']);
    expect(await pageTexts(result.pdf)).toEqual(['Page 1', 'Page 2']);
  });

  it.each([0.3, 0.6, 0.9])('refuses a PDF cut short at %s of its length: its pages cannot all be there', async (fraction) => {
    const full = await letterPdf(5);
    const run = await normalizeBytes('download.pdf', full.slice(0, Math.round(full.length * fraction)));
    expect(run.output).toMatchObject({ ok: false, reason: 'damaged', message: 'download.pdf is incomplete: the file was cut short, so some of its pages are missing.' });
    expect(run.pdf).toBeUndefined();
  });

  it('names the page whose scan cannot be decoded (the preview would show it blank)', async () => {
    const doc = await PDFDocument.create();
    for (let n = 1; n <= 3; n++) doc.addPage().drawText(`Page ${n}`);
    // A scanned page whose JPEG lost everything after its first marker.
    const scan = doc.context.stream(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]), {
      Type: 'XObject', Subtype: 'Image', Width: 1700, Height: 2200, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'DCTDecode',
    });
    const page = doc.getPage(1);
    const name = page.node.newXObject('Scan', doc.context.register(scan));
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(`q 612 0 0 792 0 0 cm ${name.toString()} Do Q`)));
    const run = await normalizeBytes('report.pdf', await doc.save());
    expect(run.output).toEqual({
      ok: false, code: 'unsupported_file', reason: 'page_failed', message: 'Page 2 of report.pdf cannot be read, so it would not fax correctly.',
      nextStep: 'Open the file in a PDF viewer, print it to a new PDF, and add that.',
    });
    expect(run.pdf).toBeUndefined();
  });

  it('refuses a PDF without pages', async () => {
    const run = await normalizeBytes('cover.pdf', await (await PDFDocument.create()).save({ addDefaultPage: false }));
    expect(run.output).toMatchObject({ ok: false, reason: 'no_pages', message: 'cover.pdf has no pages to fax.' });
    expect(run.pdf).toBeUndefined();
  });

  it('judges a file renamed .pdf by what it is: text is faxed as text, binary refused', async () => {
    expect(accepted(await normalizeBytes('notes.pdf', new TextEncoder().encode('Call me back.')))).toMatchObject({ kind: 'text', pages: 1 });
    expect((await normalizeBytes('setup.pdf', Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]))).output).toMatchObject({
      ok: false, reason: 'unknown_type', message: 'setup.pdf is not a kind of file Faxdesk can fax.',
    });
  });

  it('refuses a file that only looks like a PDF', async () => {
    const run = await normalizeBytes('notes.pdf', new TextEncoder().encode('%PDF-1.7\nthis is all there is\n%%EOF\n'));
    expect(run.output).toMatchObject({ ok: false, reason: 'damaged', message: 'notes.pdf is damaged and cannot be read as a PDF.' });
  });
});
