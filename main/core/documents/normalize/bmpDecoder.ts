import { Refusal } from './refusal';
import { MAX_PIXELS } from './sharpLoader';

export interface DecodedBmp {
  /** RGB samples, top row first. */
  rgb: Uint8Array;
  width: number;
  height: number;
}

/**
 * A Windows bitmap as RGB samples (sharp's libvips has no BMP reader). Uncompressed 1, 4, 8 bit
 * (palette), 16, 24 and 32 bit, with bit-field masks, bottom-up or top-down: what Paint, scanners
 * and screenshot tools write. Run-length compressed bitmaps (rare) are refused. Every offset is
 * checked against the file, so a damaged header cannot read past it.
 */
export function decodeBmp(file: Uint8Array): DecodedBmp {
  const damaged = () => new Refusal('damaged', { readAs: 'picture' });
  if (file.length < 26) throw damaged();
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const dataOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  const core = headerSize === 12; // OS/2 1.x: 16-bit sizes, 3-byte palette entries
  const width = core ? view.getUint16(18, true) : view.getInt32(18, true);
  const signedHeight = core ? view.getInt16(20, true) : view.getInt32(22, true);
  const bits = view.getUint16(core ? 24 : 28, true);
  const compression = core || file.length < 34 ? 0 : view.getUint32(30, true);
  const height = Math.abs(signedHeight);
  if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) throw damaged();
  if (compression !== 0 && compression !== 3 && compression !== 6) {
    throw new Refusal('unknown_type', { message: '{name} is a compressed BMP picture, which Faxdesk cannot read.', nextStep: 'Save it as PNG or JPEG and add that.' });
  }
  const masks = bitMasks(view, headerSize, bits, compression);
  const paletteStart = 14 + headerSize + (compression === 3 && headerSize === 40 ? 12 : 0);
  const palette = (index: number): [number, number, number] => {
    const at = paletteStart + index * (core ? 3 : 4);
    return at + 2 < file.length ? [file[at + 2]!, file[at + 1]!, file[at]!] : [0, 0, 0];
  };
  const rowBytes = Math.ceil((width * bits) / 32) * 4;
  if (![1, 4, 8, 16, 24, 32].includes(bits) || dataOffset + rowBytes * height > file.length) throw damaged();

  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = dataOffset + (signedHeight > 0 ? height - 1 - y : y) * rowBytes; // positive height: bottom row first
    for (let x = 0; x < width; x++) {
      let pixel: [number, number, number];
      if (bits <= 8) {
        const bitOffset = x * bits;
        const byte = file[row + (bitOffset >> 3)]!;
        pixel = palette((byte >> (8 - bits - (bitOffset & 7))) & ((1 << bits) - 1));
      } else if (bits === 24) {
        const at = row + x * 3;
        pixel = [file[at + 2]!, file[at + 1]!, file[at]!];
      } else {
        const value = bits === 16 ? view.getUint16(row + x * 2, true) : view.getUint32(row + x * 4, true);
        pixel = [masks[0]!(value), masks[1]!(value), masks[2]!(value)];
      }
      rgb.set(pixel, (y * width + x) * 3);
    }
  }
  return { rgb, width, height };
}

type Channel = (value: number) => number;

/** Red, green and blue extractors for 16- and 32-bit pixels: the file's masks, or the defaults (5-5-5, 8-8-8). */
function bitMasks(view: DataView, headerSize: number, bits: number, compression: number): Channel[] {
  let masks = bits === 16 ? [0x7c00, 0x03e0, 0x001f] : [0xff0000, 0x00ff00, 0x0000ff];
  if ((compression === 3 || compression === 6) && view.byteLength >= 54 + 12 && headerSize >= 40) {
    masks = [view.getUint32(54, true), view.getUint32(58, true), view.getUint32(62, true)];
  }
  return masks.map((mask) => {
    if (!mask) return () => 0;
    const shift = Math.clz32(1) - Math.clz32(mask & -mask); // position of the lowest set bit
    const max = mask >>> shift;
    return (value: number) => Math.round((((value & mask) >>> shift) / max) * 255);
  });
}
