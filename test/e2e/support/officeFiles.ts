import type { Page } from '@playwright/test';
import { g4Strip, SCAN } from './scanPdf';

/** Files an office faxes, made by the test itself: a multi-page G4 fax TIFF, a Word document, pictures. */

/** A fax TIFF as fax machines write it: one G4 (T.6) strip per page, 204 × 196 dpi, one page per height given. */
export function makeFaxTiff(pageRows: readonly number[]): Buffer {
  const strips = pageRows.map((rows) => g4Strip(rows));
  const TAGS = 12;
  const ifdSize = 2 + TAGS * 12 + 4;
  // Header, then per page: its IFD, its two resolutions (8 bytes each), its strip.
  const sizes = strips.map((strip) => ifdSize + 16 + strip.length);
  const out = Buffer.alloc(8 + sizes.reduce((a, b) => a + b, 0));
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(8, 4);
  let at = 8;
  strips.forEach((strip, i) => {
    const ifd = at;
    const xres = ifd + ifdSize;
    const data = xres + 16;
    const next = i < strips.length - 1 ? data + strip.length : 0;
    const tags: Array<[number, number, number, number]> = [
      // tag, type (3 SHORT, 4 LONG, 5 RATIONAL), count, value or offset
      [256, 4, 1, SCAN.columns], [257, 4, 1, pageRows[i]!], [258, 3, 1, 1], [259, 3, 1, 4], [262, 3, 1, 0],
      [273, 4, 1, data], [277, 3, 1, 1], [278, 4, 1, pageRows[i]!], [279, 4, 1, strip.length],
      [282, 5, 1, xres], [283, 5, 1, xres + 8], [296, 3, 1, 2],
    ];
    out.writeUInt16LE(TAGS, ifd);
    tags.forEach(([tag, type, count, value], t) => {
      const entry = ifd + 2 + t * 12;
      out.writeUInt16LE(tag, entry);
      out.writeUInt16LE(type, entry + 2);
      out.writeUInt32LE(count, entry + 4);
      if (type === 3) out.writeUInt16LE(value, entry + 8);
      else out.writeUInt32LE(value, entry + 8);
    });
    out.writeUInt32LE(next, ifd + 2 + TAGS * 12);
    [204, 1, 196, 1].forEach((v, k) => out.writeUInt32LE(v, xres + k * 4));
    Buffer.from(strip).copy(out, data);
    at = data + strip.length;
  });
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_v, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => (bytes.reduce((c, b) => CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

/** A zip of stored (uncompressed) entries: all a Word document needs to be one. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A one-page Word document (.docx) holding `text`. */
export function makeDocx(text: string): Buffer {
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  });
}

/** A picture drawn and encoded by the browser itself (PNG or JPEG), `width` × `height`. */
export async function makePicture(page: Page, type: 'image/png' | 'image/jpeg', width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(({ type, width, height }) => {
    const web = globalThis as unknown as { document: { createElement(tag: 'canvas'): {
      width: number; height: number; toDataURL(type: string): string;
      getContext(kind: '2d'): { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void };
    } } };
    const canvas = web.document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = '#1d5fc9';
    ctx.fillRect(width / 8, height / 8, width / 2, height / 2);
    return canvas.toDataURL(type).split(',')[1]!;
  }, { type, width, height });
  return Buffer.from(base64, 'base64');
}
