import { describe, expect, it } from 'vitest';
import { detectKind, refuseEarly } from '../../../main/core/documents/normalize/detectKind';
import { cmykJpeg, docx, png, zip } from '../../support/documentFixtures';
import { pdfBytes } from '../../support/testKit';
import sharp from 'sharp';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('detectKind judges a file by its first bytes', () => {
  it('knows each kind Faxdesk converts', async () => {
    const picture = sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } });
    expect(detectKind(await pdfBytes())).toBe('pdf');
    expect(detectKind(await png(20, 20))).toBe('png');
    expect(detectKind(await cmykJpeg(20, 20, { r: 0, g: 0, b: 0 }))).toBe('jpeg');
    expect(detectKind(await picture.clone().gif().toBuffer())).toBe('gif');
    expect(detectKind(await picture.clone().webp().toBuffer())).toBe('webp');
    expect(detectKind(await picture.clone().tiff().toBuffer())).toBe('tiff');
    expect(detectKind(bytes(0x42, 0x4d, 0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0))).toBe('bmp');
    expect(detectKind(docx(1))).toBe('zip');
    expect(detectKind(text('Dear Dr Smith,\r\n\tplease find…\f'))).toBe('text');
    expect(detectKind(bytes(0xff, 0xfe, 0x44, 0x00))).toBe('text'); // UTF-16 with its byte-order mark
  });

  it('finds a PDF header after junk in the first kilobyte, as readers do', () => {
    expect(detectKind(text(`${'\n'.repeat(300)}%PDF-1.4\n`))).toBe('pdf');
  });

  it('does not trust the name: text or binary renamed .pdf, .png or .docx stays what it is', () => {
    expect(detectKind(text('This is not really a PDF.'))).toBe('text');
    expect(detectKind(bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00))).toBe('unknown'); // an .exe
    expect(detectKind(text('BM is how this note starts'))).toBe('text'); // "BM" alone is no bitmap
  });

  it('tells empty, unknown and old Office files apart, and refuses them in words naming the file', () => {
    expect(refuseEarly(new Uint8Array(), 'scan.pdf')).toMatchObject({ reason: 'empty', message: 'scan.pdf is empty.' });
    expect(refuseEarly(bytes(0, 1, 2, 3, 0, 0xff), 'photo.png')).toMatchObject({ reason: 'unknown_type', message: 'photo.png is not a kind of file Faxdesk can fax.' });
    expect(refuseEarly(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'letter.doc')).toMatchObject({
      reason: 'unknown_type', message: expect.stringMatching(/^letter\.doc is an old-style Office file/),
    });
    expect(refuseEarly(zip({ 'a.txt': 'x' }), 'archive.docx')).toBeUndefined(); // the worker reads the zip's contents
  });
});
