import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import sharp from 'sharp';

/** Files of every kind a front desk faxes, made in the test (sharp, pdf-lib, libtiff's tools). */

const run = promisify(execFile);

/** A picture with dark text and a black bar on white, as SVG for sharp to render. */
export function pictureSvg(width: number, height: number, label = 'Faxdesk', fill = 'white'): Buffer {
  const size = Math.max(8, Math.round(Math.min(width, height) / 6));
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${fill}"/>
    <rect x="0" y="0" width="${Math.ceil(width / 2)}" height="${Math.ceil(height / 4)}" fill="black"/>
    <text x="${width / 10}" y="${height / 2}" font-size="${size}" font-family="sans-serif" fill="black">${label}</text></svg>`);
}

export const png = (width: number, height: number) => sharp(pictureSvg(width, height)).png().toBuffer();

/** A JPEG whose pixels are stored sideways, with the EXIF orientation that turns them upright. */
export const rotatedJpeg = (width: number, height: number, orientation: number) =>
  sharp(pictureSvg(width, height)).jpeg().withMetadata({ orientation }).toBuffer();

/** A CMYK JPEG (as print workflows and some scanners write them), filled with one colour. */
export const cmykJpeg = (width: number, height: number, rgb: { r: number; g: number; b: number }) =>
  sharp({ create: { width, height, channels: 3, background: rgb } }).toColourspace('cmyk').jpeg().toBuffer();

/** A one-page PDF drawing `text`, protected as asked (pdf-lib's encryption, AES-256 unless told). */
export async function protectedPdf(text: string, passwords: { userPassword: string; ownerPassword: string }, algorithm?: 'AES-256' | 'AES-128' | 'RC4-128'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([612, 792]).drawText(text, { x: 72, y: 700, size: 14, font });
  doc.encrypt({ ...passwords, permissions: { printing: 'highResolution' }, algorithm, allowWeakCryptography: true });
  return doc.save();
}

/** A form with a filled text field and a ticked box, filled as apps do: values set, appearances left to the viewer. */
export async function filledFormPdf(value: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const form = doc.getForm();
  const field = form.createTextField('patient.name');
  field.addToPage(page, { x: 72, y: 650, width: 300, height: 24 });
  field.setText(value);
  const box = form.createCheckBox('consent');
  box.addToPage(page, { x: 72, y: 600, width: 16, height: 16 });
  box.check();
  form.acroForm.dict.set(form.acroForm.dict.context.obj('NeedAppearances') as never, form.acroForm.dict.context.obj(true));
  return doc.save({ updateFieldAppearances: false });
}

export interface FaxPageSpec {
  /** Vertical resolution: 98 (standard) or 196 (fine); horizontal is always 204. */
  yDpi: 98 | 196;
  /** libtiff's names: g4, g3:1d, g3:2d, with :fill for byte-aligned lines. */
  compression?: string;
  /** lsb2msb writes FillOrder 2. */
  fillOrder?: 'msb2lsb' | 'lsb2msb';
  /** Rows per strip; by default the whole page is one strip. */
  rowsPerStrip?: number;
}

/** Whether Debian's libtiff-tools (ppm2tiff, tiffset, tiffcp) are here to make fax TIFFs. */
export async function hasLibtiffTools(): Promise<boolean> {
  return run('tiffcp', ['-h']).then(() => true, (error: { code?: unknown }) => error.code !== 'ENOENT');
}

/**
 * A fax TIFF made the way fax software makes them: 1728 pixels across at 204 dpi, each page at
 * its own vertical resolution and a page height of 11 inches, white is zero, one strip per page.
 * Each page shows a black bar whose height is one inch, and ruled lines.
 */
export async function faxTiff(pages: FaxPageSpec[]): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'faxdesk-tiff-'));
  try {
    const files: string[] = [];
    for (const [index, spec] of pages.entries()) {
      const [pbm, tif] = [join(dir, `${index}.pbm`), join(dir, `${index}.tif`)];
      await writeFile(pbm, faxPbm(1728, spec.yDpi * 11, spec.yDpi));
      const single = join(dir, `${index}-g4.tif`);
      await run('ppm2tiff', ['-c', 'g4', '-r', '100000', '-R', '204', pbm, single]);
      await run('tiffset', ['-s', '283', String(spec.yDpi), single]);
      await run('tiffcp', ['-c', spec.compression ?? 'g4', '-f', spec.fillOrder ?? 'msb2lsb', '-r', String(spec.rowsPerStrip ?? 100000), single, tif]);
      files.push(tif);
    }
    const out = join(dir, 'fax.tif');
    await run('tiffcp', [...files, out]);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A PBM (1 = black) with a one-inch black bar near the top and a thin line every inch. */
function faxPbm(width: number, height: number, yDpi: number): Buffer {
  const rowBytes = width / 8;
  const data = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const row = data.subarray(y * rowBytes, (y + 1) * rowBytes);
    if (y >= yDpi && y < 2 * yDpi) row.fill(0xff, 20, 120); // the bar: one inch tall at any resolution
    if (y % yDpi === 0) row.fill(0xff, 0, rowBytes);
  }
  return Buffer.concat([Buffer.from(`P4\n${width} ${height}\n`), data]);
}

/** A zip (stored, not compressed) of the given files. */
export function zip(files: Record<string, string | Uint8Array>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(centrals.length / 2, 8); end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A Word document of `pages` pages: a heading and a paragraph each, separated by page breaks. */
export function docx(pages: number): Buffer {
  const body = Array.from({ length: pages }, (_, i) => `<w:p><w:r><w:t>Referral letter, page ${i + 1}</w:t></w:r></w:p>`
    + '<w:p><w:r><w:t>Dear Dr Smith, please find the patient notes below.</w:t></w:r></w:p>'
    + (i < pages - 1 ? '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' : '')).join('');
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
      + `<w:body>${body}</w:body></w:document>`,
  });
}

/** A 24-bit Windows bitmap (bottom row first), red on the left half and blue on the right. */
export function bmp24(width: number, height: number): Buffer {
  const row = Math.ceil((width * 3) / 4) * 4;
  const file = Buffer.alloc(54 + row * height);
  file.write('BM', 0);
  file.writeUInt32LE(file.length, 2); file.writeUInt32LE(54, 10); file.writeUInt32LE(40, 14);
  file.writeInt32LE(width, 18); file.writeInt32LE(height, 22); file.writeUInt16LE(1, 26); file.writeUInt16LE(24, 28);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) file.set(x < width / 2 ? [0, 0, 255] : [255, 0, 0], 54 + y * row + x * 3); // stored as B, G, R
  }
  return file;
}

/** A 1-bit Windows bitmap with a black top half (its palette: black, white), stored top-down. */
export function bmp1(width: number, height: number): Buffer {
  const row = Math.ceil(width / 32) * 4;
  const file = Buffer.alloc(62 + row * height);
  file.write('BM', 0);
  file.writeUInt32LE(file.length, 2); file.writeUInt32LE(62, 10); file.writeUInt32LE(40, 14);
  file.writeInt32LE(width, 18); file.writeInt32LE(-height, 22); file.writeUInt16LE(1, 26); file.writeUInt16LE(1, 28);
  file.set([0, 0, 0, 0, 255, 255, 255, 0], 54);
  for (let y = height / 2; y < height; y++) file.fill(0xff, 62 + y * row, 62 + (y + 1) * row);
  return file;
}

/** Each page's strips as libtiff's tiffinfo lists them: [offset, byte count] (independent of Faxdesk's reader). */
export async function tiffStrips(tiff: Uint8Array): Promise<Array<Array<[number, number]>>> {
  const dir = await mkdtemp(join(tmpdir(), 'faxdesk-tiff-'));
  try {
    await writeFile(join(dir, 'in.tif'), tiff);
    const { stdout } = await run('tiffinfo', ['-s', join(dir, 'in.tif')]);
    return stdout.split('=== TIFF directory').slice(1).map((page) =>
      [...page.matchAll(/^\s+\d+: \[\s*(\d+),\s*(\d+)\]/gm)].map((match) => [Number(match[1]), Number(match[2])] as [number, number]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Joins single-page TIFFs into one file, keeping each page's compression and strips. */
export async function joinTiffs(pages: Uint8Array[], options: string[] = []): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'faxdesk-tiff-'));
  try {
    const files = await Promise.all(pages.map(async (page, i) => {
      await writeFile(join(dir, `${i}.tif`), page);
      return join(dir, `${i}.tif`);
    }));
    await run('tiffcp', [...options, ...files, join(dir, 'out.tif')]);
    return await readFile(join(dir, 'out.tif'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
