import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOneIntactRevision } from '../../../main/core/documents/normalize/pdfInspection';
import { checkPdfFile } from '../../../main/core/documents/normalize/pdfPageCheck';
import { filledFormPdf, protectedPdf } from '../../support/documentFixtures';
import { accepted, normalizeBytes } from '../../support/normalizeKit';
import { pageTexts } from '../../support/pdfReadback';

/** A plain PDF is faxed byte for byte; anything that must change is re-written (pdfInspection.ts). */

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function textPdf(pages: number, options: { useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) doc.addPage([612, 792]).drawText(`Page ${n}`, { x: 72, y: 700, size: 14, font });
  return doc.save(options);
}

/** Pages each painting an uncompressed grey image of `imageBytes` random pixels; `broken` pages get a JPEG cut after its first marker. */
async function scanPdf(pages: number, imageBytes: number, broken: number[] = []): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const side = Math.ceil(Math.sqrt(imageBytes));
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([612, 792]);
    const image = broken.includes(n)
      ? doc.context.stream(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]), {
        Type: 'XObject', Subtype: 'Image', Width: 1700, Height: 2200, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'DCTDecode',
      })
      : doc.context.stream(randomBytes(side * side), { Type: 'XObject', Subtype: 'Image', Width: side, Height: side, ColorSpace: 'DeviceGray', BitsPerComponent: 8 });
    const name = page.node.newXObject('Scan', doc.context.register(image));
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(`q 612 0 0 792 0 0 cm ${name.toString()} Do Q`)));
  }
  return doc.save();
}

describe('a plain PDF is faxed as it is', () => {
  it('byte for byte, with its pages checked and counted (object streams or not)', async () => {
    for (const useObjectStreams of [true, false]) {
      const bytes = await textPdf(3, { useObjectStreams });
      const result = accepted(await normalizeBytes('letter.pdf', bytes));
      expect(result.pages).toBe(3);
      expect(sha(result.pdf)).toBe(sha(bytes));
    }
  });

  it('a scan whose page cannot be decoded is still refused, naming the page', async () => {
    const run = await normalizeBytes('scan.pdf', await scanPdf(3, 1000, [3]));
    expect(run.output).toMatchObject({ ok: false, reason: 'page_failed', message: 'Page 3 of scan.pdf cannot be read, so it would not fax correctly.' });
    expect(run.pdf).toBeUndefined();
  });
});

describe('what is re-written instead', () => {
  const rewritten = async (name: string, bytes: Uint8Array, pages: number) => {
    const result = accepted(await normalizeBytes(name, bytes));
    expect(result.pages).toBe(pages);
    expect(sha(result.pdf)).not.toBe(sha(bytes));
    return result;
  };

  it('a file with an attachment, a script or an incremental update', async () => {
    const attached = await PDFDocument.load(await textPdf(1));
    await attached.attach(new TextEncoder().encode('private notes'), 'notes.txt', { mimeType: 'text/plain' });
    await rewritten('attached.pdf', await attached.save(), 1);

    const scripted = await PDFDocument.load(await textPdf(1));
    scripted.addJavaScript('hello', 'app.alert("hi")');
    await rewritten('scripted.pdf', await scripted.save(), 1);

    const edited = await PDFDocument.load(await textPdf(2, { useObjectStreams: false }), { forIncrementalUpdate: true });
    edited.removePage(0);
    const result = await rewritten('edited.pdf', await edited.commit(), 1);
    expect(await pageTexts(result.pdf)).toEqual(['Page 2']);
  });

  it('a form, and a PDF protected by an owner password', async () => {
    await rewritten('form.pdf', await filledFormPdf('Ada Lovelace'), 1);
    const owner = accepted(await normalizeBytes('statement.pdf', await protectedPdf('Statement', { userPassword: '', ownerPassword: 'bank' })));
    expect(owner.pages).toBeGreaterThan(0);
  });
});

describe('the file scans', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'faxdesk-revision-')); });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const file = async (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return path;
  };

  it('finds an end marker that straddles two pieces of the read, and a second one anywhere', async () => {
    const plain = await textPdf(1);
    expect(await isOneIntactRevision(await file('plain.pdf', plain))).toBe(true);
    // A comment holding a second %%EOF split across the 256 KiB piece boundary.
    const padding = Buffer.alloc(256 * 1024 - 2 - 9, 0x20);
    const straddling = Buffer.concat([Buffer.from(plain.subarray(0, 9)), padding, Buffer.from('%%EOF\n'), Buffer.from(plain.subarray(9))]);
    expect(straddling.indexOf('%%EOF')).toBe(256 * 1024 - 2);
    expect(await isOneIntactRevision(await file('straddling.pdf', straddling))).toBe(false);
  });

  it('refuses a startxref that points at nothing, or a file without one', async () => {
    const plain = Buffer.from(await textPdf(1));
    const text = plain.toString('latin1');
    const at = text.lastIndexOf('startxref');
    const moved = Buffer.from(text.slice(0, at) + 'startxref\n12\n%%EOF\n', 'latin1');
    expect(await isOneIntactRevision(await file('moved.pdf', moved))).toBe(false);
    expect(await isOneIntactRevision(await file('none.pdf', '%PDF-1.7\n%%EOF\n'))).toBe(false);
  });

  it('checks a long scan in stretches, counting every page and naming a bad one near the end', async () => {
    // 12 pages of 1.5 MB each: many 2 MB stretches, so the file is opened again and again on the way.
    const good = await file('long.pdf', await scanPdf(12, 1_500_000));
    expect(await checkPdfFile(good)).toBe(12);
    const bad = await file('long-bad.pdf', await scanPdf(12, 1_500_000, [11]));
    await expect(checkPdfFile(bad)).rejects.toMatchObject({ reason: 'page_failed', facts: { page: 11 } });
  });
});
