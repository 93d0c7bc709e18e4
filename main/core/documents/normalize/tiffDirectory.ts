/**
 * Reads the page directories (IFDs) of a classic TIFF: the tags that decide how a page is put
 * into a PDF. Tags only, no pixel data, so it cannot spin on damaged image data; every offset
 * and count is checked against the file, and a directory chain that loops is cut.
 */
export interface TiffPage {
  width: number;
  height: number;
  /** 1 none, 2 CCITT MH, 3 CCITT T.4 (G3), 4 CCITT T.6 (G4), 5 LZW, 7 JPEG, 32773 PackBits … */
  compression: number;
  /** 0 white is zero, 1 black is zero, 2 RGB … */
  photometric: number | undefined;
  bitsPerSample: number;
  samplesPerPixel: number;
  /** 2: the bits of each byte are stored least significant first. */
  fillOrder: number;
  orientation: number;
  t4Options: number;
  t6Options: number;
  rowsPerStrip: number;
  stripOffsets: number[];
  stripByteCounts: number[];
  tiled: boolean;
  /** Pixels per inch, when the file states a usable absolute resolution. */
  xDpi: number | undefined;
  yDpi: number | undefined;
  /** Width over height of one pixel (from the resolutions, even without a unit); 1 when unknown. */
  pixelAspect: number;
}

const MAX_PAGES = 5000;
const MAX_ENTRIES = 1000;
/** Type → size in bytes of one value. */
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };

/** The pages of a classic TIFF, or undefined for a BigTIFF (sharp reads those whole). Throws on a malformed file. */
export function readTiffPages(file: Uint8Array): TiffPage[] | undefined {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (file.length < 8) throw new Error('TIFF header cut short');
  const little = file[0] === 0x49;
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  const magic = u16(2);
  if (magic === 43) return undefined;
  if (magic !== 42) throw new Error('not a TIFF');

  const pages: TiffPage[] = [];
  const seen = new Set<number>();
  for (let offset = u32(4); offset !== 0; ) {
    if (seen.has(offset) || pages.length >= MAX_PAGES) break;
    seen.add(offset);
    if (offset + 2 > file.length) throw new Error('TIFF directory outside the file');
    const count = u16(offset);
    if (count > MAX_ENTRIES || offset + 2 + count * 12 + 4 > file.length) throw new Error('TIFF directory cut short');
    const tags = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const values = readValues(view, little, u16(entry + 2), u32(entry + 4), entry + 8);
      if (values) tags.set(u16(entry), values);
    }
    pages.push(toPage(tags));
    offset = u32(offset + 2 + count * 12);
  }
  if (pages.length === 0) throw new Error('TIFF without pages');
  return pages;
}

function readValues(view: DataView, little: boolean, type: number, count: number, at: number): number[] | undefined {
  const size = TYPE_SIZE[type];
  if (!size || count > 1_000_000) return undefined;
  const start = size * count <= 4 ? at : view.getUint32(at, little);
  if (start + size * count > view.byteLength) return undefined;
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const p = start + i * size;
    switch (type) {
      case 3: values.push(view.getUint16(p, little)); break;
      case 8: values.push(view.getInt16(p, little)); break;
      case 4: case 13: values.push(view.getUint32(p, little)); break;
      case 9: values.push(view.getInt32(p, little)); break;
      case 5: values.push(view.getUint32(p, little) / view.getUint32(p + 4, little)); break;
      case 10: values.push(view.getInt32(p, little) / view.getInt32(p + 4, little)); break;
      case 11: values.push(view.getFloat32(p, little)); break;
      case 12: values.push(view.getFloat64(p, little)); break;
      default: values.push(view.getUint8(p));
    }
  }
  return values;
}

function toPage(tags: Map<number, number[]>): TiffPage {
  const one = (tag: number, fallback: number) => tags.get(tag)?.[0] ?? fallback;
  const width = one(256, 0);
  const height = one(257, 0);
  const stripOffsets = tags.get(273) ?? [];
  const unit = one(296, 2);
  const toDpi = (value: number | undefined) => {
    if (value === undefined || unit === 1) return undefined;
    const dpi = unit === 3 ? value * 2.54 : value;
    return Number.isFinite(dpi) && dpi >= 10 && dpi <= 10_000 ? dpi : undefined;
  };
  const [xRes, yRes] = [tags.get(282)?.[0], tags.get(283)?.[0]];
  const aspect = xRes && yRes && Number.isFinite(xRes / yRes) ? yRes / xRes : 1;
  return {
    width, height,
    compression: one(259, 1),
    photometric: tags.get(262)?.[0],
    bitsPerSample: one(258, 1),
    samplesPerPixel: one(277, 1),
    fillOrder: one(266, 1),
    orientation: one(274, 1),
    t4Options: one(292, 0),
    t6Options: one(293, 0),
    rowsPerStrip: Math.min(one(278, height), height),
    stripOffsets,
    stripByteCounts: tags.get(279) ?? [],
    tiled: tags.has(322) || tags.has(324),
    xDpi: toDpi(xRes),
    yDpi: toDpi(yRes),
    pixelAspect: aspect > 0.1 && aspect < 10 ? aspect : 1,
  };
}
