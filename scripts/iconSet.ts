import sharp from 'sharp';

/**
 * The app icon in every size the platforms ask for, from the one SVG (build/icon.svg):
 * PNGs for Linux (build/icons/NxN.png, electron-builder's layout), an .ico for Windows and an
 * .icns for macOS. Both containers hold PNGs, which Windows (Vista on) and macOS (10.7 on) read.
 */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Windows shows 16–48 in lists and 256 in large views; it refuses an .ico entry over 256. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** The PNG-bearing ICNS types and the pixel size each holds (the @2x types repeat a size on purpose). */
export const ICNS_TYPES: ReadonlyArray<readonly [type: string, size: number]> = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
  ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];

/** Rasterises the SVG straight at `size` (density scaled so librsvg draws it sharp, not downsampled). */
export async function renderPng(svg: Buffer, size: number): Promise<Buffer> {
  const { width } = await sharp(svg).metadata();
  const density = (72 * size) / (width ?? size);
  return sharp(svg, { density }).resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png({ compressionLevel: 9 }).toBuffer();
}

/** ICONDIR + one ICONDIRENTRY per image + the PNGs, little-endian (Microsoft's ICO layout). */
export function encodeIco(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** 'icns' + total length, then (type, length including its 8-byte header, PNG) per entry, big-endian. */
export function encodeIcns(entries: ReadonlyArray<{ type: string; png: Buffer }>): Buffer {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** The images in an .ico: each entry's declared size and its PNG bytes. */
export function decodeIco(ico: Buffer): Array<{ size: number; png: Buffer }> {
  if (ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an .ico file');
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + 16 * index;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    return { size: ico.readUInt8(entry) || 256, png: ico.subarray(offset, offset + length) };
  });
}

/** The entries of an .icns: type and PNG bytes. */
export function decodeIcns(icns: Buffer): Array<{ type: string; png: Buffer }> {
  if (icns.toString('ascii', 0, 4) !== 'icns' || icns.readUInt32BE(4) !== icns.length) throw new Error('not an .icns file');
  const entries: Array<{ type: string; png: Buffer }> = [];
  for (let offset = 8; offset < icns.length;) {
    const length = icns.readUInt32BE(offset + 4);
    entries.push({ type: icns.toString('ascii', offset, offset + 4), png: icns.subarray(offset + 8, offset + length) });
    offset += length;
  }
  return entries;
}

/** Every file `npm run icons` writes, relative to the repository, with its bytes. */
export async function iconFiles(svg: Buffer): Promise<Map<string, Buffer>> {
  const pngs = new Map<number, Buffer>();
  for (const size of PNG_SIZES) pngs.set(size, await renderPng(svg, size));
  const png = (size: number) => pngs.get(size)!;
  const files = new Map<string, Buffer>();
  for (const size of PNG_SIZES) files.set(`build/icons/${size}x${size}.png`, png(size));
  files.set('build/icon.png', png(1024)); // electron-builder's fallback for every platform
  files.set('build/icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
  files.set('build/icon.icns', encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) }))));
  files.set('renderer/public/favicon.svg', svg);
  files.set('renderer/public/favicon-32.png', png(32));
  return files;
}
