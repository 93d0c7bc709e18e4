/**
 * Turns a rendered page into what a fax machine prints, the way fax conversion does it
 * (Ghostscript's tiffg3/g4 behind HylaFAX, Sinch's HALFTONE): text and lines drawn solid, every
 * grey or colour halftoned. Per 4×4 block: where the block holds both ink and paper it is
 * thresholded at mid-grey; any other block that is not white is ordered-dithered (8×8 Bayer).
 * Pure, so it runs in a worker and in unit tests alike.
 */

/** An RGBA buffer as canvas ImageData holds it. */
export interface Raster {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface FaxStats {
  pixels: number;
  blackPixels: number;
  blocks: number;
  /** Blocks holding anything but paper. */
  markedBlocks: number;
  /** Blocks that came out as a halftone pattern (both black and white dots): photos, tints. */
  ditheredBlocks: number;
  /** Blocks of light strokes on paper with no dark ink in or beside them: pale or coloured text. */
  faintBlocks: number;
}

const BLOCK = 4;
/** At or above: paper. */
const PAPER = 248;
/** At or above, beside ink: the paper side of a stroke's edge. */
const LIGHT = 192;
/** At or below: ink, dark enough to print solid. */
const INK = 96;
/** Below this with paper beside it and no ink near: a faint stroke. */
const FAINT = 224;
const MID = 128;

// prettier-ignore
const BAYER_8 = [
  0, 32, 8, 40, 2, 34, 10, 42, 48, 16, 56, 24, 50, 18, 58, 26,
  12, 44, 4, 36, 14, 46, 6, 38, 60, 28, 52, 20, 62, 30, 54, 22,
  3, 35, 11, 43, 1, 33, 9, 41, 51, 19, 59, 27, 49, 17, 57, 25,
  15, 47, 7, 39, 13, 45, 5, 37, 63, 31, 55, 23, 61, 29, 53, 21,
];
/** Luminance below the cell's threshold prints black: 0 always, 254 and up never. */
const DITHER = Uint8Array.from(BAYER_8, (b) => Math.round((b + 0.5) * 4));

/** Grey level of every pixel, composited over white paper (pdf.js leaves no transparency, others may). */
function luminance({ data, width, height }: Raster): Uint8Array {
  const lum = new Uint8Array(width * height);
  for (let i = 0, p = 0; p < lum.length; i += 4, p++) {
    const l = (77 * data[i]! + 150 * data[i + 1]! + 29 * data[i + 2]!) >> 8;
    const a = data[i + 3]!;
    lum[p] = a === 255 ? l : 255 - (((255 - l) * a) / 255 | 0);
  }
  return lum;
}

/** Each block's darkest and lightest grey level. */
function blockExtremes(lum: Uint8Array, width: number, height: number, bw: number, bh: number) {
  const min = new Uint8Array(bw * bh).fill(255);
  const max = new Uint8Array(bw * bh);
  for (let y = 0; y < height; y++) {
    const row = ((y / BLOCK) | 0) * bw;
    for (let x = 0; x < width; x++) {
      const l = lum[y * width + x]!;
      const b = row + ((x / BLOCK) | 0);
      if (l < min[b]!) min[b] = l;
      if (l > max[b]!) max[b] = l;
    }
  }
  return { min, max };
}

function inkNear(min: Uint8Array, bx: number, by: number, bw: number, bh: number): boolean {
  for (let y = Math.max(0, by - 1); y <= Math.min(bh - 1, by + 1); y++) {
    for (let x = Math.max(0, bx - 1); x <= Math.min(bw - 1, bx + 1); x++) if (min[y * bw + x]! <= INK) return true;
  }
  return false;
}

/** Rewrites `raster` in place so that every pixel is black or white (alpha opaque); returns what it saw. */
export function binarizeForFax(raster: Raster): FaxStats {
  const { data, width, height } = raster;
  const lum = luminance(raster);
  const bw = Math.ceil(width / BLOCK);
  const bh = Math.ceil(height / BLOCK);
  const { min, max } = blockExtremes(lum, width, height, bw, bh);
  const stats: FaxStats = { pixels: width * height, blackPixels: 0, blocks: bw * bh, markedBlocks: 0, ditheredBlocks: 0, faintBlocks: 0 };

  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      const b = by * bw + bx;
      const lo = min[b]!;
      const hi = max[b]!;
      const paper = lo >= PAPER;
      if (!paper) stats.markedBlocks++;
      const threshold = lo <= INK && hi >= LIGHT;
      if (!paper && lo > INK && lo < FAINT && hi >= PAPER && !inkNear(min, bx, by, bw, bh)) stats.faintBlocks++;
      let black = 0;
      let white = 0;
      for (let y = by * BLOCK; y < Math.min(height, by * BLOCK + BLOCK); y++) {
        for (let x = bx * BLOCK; x < Math.min(width, bx * BLOCK + BLOCK); x++) {
          const p = y * width + x;
          const l = lum[p]!;
          const isBlack = paper ? false : threshold ? l < MID : l < DITHER[(y & 7) * 8 + (x & 7)]!;
          const v = isBlack ? 0 : 255;
          const i = p * 4;
          data[i] = v;
          data[i + 1] = v;
          data[i + 2] = v;
          data[i + 3] = 255;
          if (isBlack) black++;
          else white++;
        }
      }
      stats.blackPixels += black;
      if (!paper && !threshold && black > 0 && white > 0) stats.ditheredBlocks++;
    }
  }
  return stats;
}
