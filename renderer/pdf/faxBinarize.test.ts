import { describe, expect, it } from 'vitest';
import { binarizeForFax, type Raster } from './faxBinarize';
import { faxWarnings, smallestTextPt } from './faxWarnings';

/** A white page `w`×`h` (RGBA, opaque) with `paint(x, y)` giving the grey level where it is not white. */
function page(w: number, h: number, paint: (x: number, y: number) => number | null): Raster {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = paint(x, y) ?? 255;
      data.set([v, v, v, 255], (y * w + x) * 4);
    }
  }
  return { data, width: w, height: h };
}

const grey = (r: Raster, x: number, y: number) => r.data[(y * r.width + x) * 4]!;
const onlyBlackAndWhite = (r: Raster) => {
  for (let i = 0; i < r.data.length; i += 4) {
    const [red, g, b, a] = [r.data[i], r.data[i + 1], r.data[i + 2], r.data[i + 3]];
    if (!((red === 0 || red === 255) && g === red && b === red && a === 255)) return false;
  }
  return true;
};
const kinds = (r: Raster, textPt: number | null = null) => faxWarnings(binarizeForFax(r), textPt).map((w) => w.kind);

describe('fax binarisation', () => {
  it('leaves every pixel black or white, whatever it was (colour, grey, transparent, odd sizes)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    const r: Raster = { width: 37, height: 23, data: new Uint8ClampedArray(37 * 23 * 4).map(random) };
    const stats = binarizeForFax(r);
    expect(onlyBlackAndWhite(r)).toBe(true);
    expect(stats.pixels).toBe(37 * 23);
    expect(stats.blocks).toBe(10 * 6);
  });

  it('draws text solid: a black stroke with grey edges on paper is thresholded at mid-grey, no dots', () => {
    // A 2-pixel stroke at x=5..6 with anti-aliased edges (100 inside the ink side, 200 on the paper side).
    const r = page(16, 8, (x) => (x === 5 || x === 6 ? 0 : x === 4 ? 100 : x === 7 ? 200 : null));
    const stats = binarizeForFax(r);
    expect([grey(r, 4, 0), grey(r, 5, 0), grey(r, 6, 3), grey(r, 7, 0), grey(r, 0, 0)]).toEqual([0, 0, 0, 255, 255]);
    expect(stats).toMatchObject({ ditheredBlocks: 0, faintBlocks: 0, blackPixels: 3 * 8 });
  });

  it('halftones a grey area with an ordered dither: about as dark as it was', () => {
    const r = page(64, 64, () => 128);
    const stats = binarizeForFax(r);
    expect(stats.blackPixels / stats.pixels).toBeCloseTo(0.5, 1);
    expect(stats.ditheredBlocks).toBe(stats.blocks);
    const light = page(64, 64, () => 224);
    const s2 = binarizeForFax(light);
    expect(s2.blackPixels / s2.pixels).toBeGreaterThan(0.05);
    expect(s2.blackPixels / s2.pixels).toBeLessThan(0.2);
  });

  it('treats near-white (scanner noise, paper tint) as paper', () => {
    const r = page(32, 32, (x, y) => ((x + y) % 3 === 0 ? 250 : null));
    expect(binarizeForFax(r)).toMatchObject({ blackPixels: 0, markedBlocks: 0 });
  });

  it('warns of a dark page above 25% black, and of photos or shading above 15% halftone', () => {
    expect(kinds(page(40, 40, (x) => (x < 11 ? 0 : null)))).toEqual(['dark']);
    expect(kinds(page(40, 40, (x) => (x < 9 ? 0 : null)))).toEqual([]);
    expect(kinds(page(40, 40, (x, y) => (y < 8 ? 150 : null)))).toEqual(['halftone']);
    expect(kinds(page(40, 40, (x, y) => (y < 4 ? 150 : null)))).toEqual([]);
  });

  it('warns of light or coloured text, but not of the grey edges of black text', () => {
    // Pale strokes on paper, far from any ink.
    const pale = page(64, 64, (x, y) => (y % 8 === 0 && x % 16 < 12 ? 200 : null));
    expect(kinds(pale)).toContain('faint');
    // The same pale pixels beside black strokes are just anti-aliasing.
    const edged = page(64, 64, (x, y) => (y % 8 === 0 && x % 16 < 12 ? 0 : y % 8 === 1 && x % 16 < 12 ? 200 : null));
    expect(kinds(edged)).not.toContain('faint');
  });

  it('warns of text under 7 pt, measured from pdf.js text items (visible text only)', () => {
    const item = (str: string, size: number) => ({ str, transform: [size, 0, 0, size, 72, 700] });
    expect(smallestTextPt([item('Hello', 12), item('fine print', 6), item(' ', 2), item('hidden', 0)])).toBe(6);
    expect(smallestTextPt([])).toBeNull();
    const blank = page(8, 8, () => null);
    expect(kinds(blank, 6)).toEqual(['small-text']);
    expect(kinds(page(8, 8, () => null), 7)).toEqual([]);
    // Rotated text measures the same.
    expect(smallestTextPt([{ str: 'turned', transform: [0, 9, -9, 0, 0, 0] }])).toBe(9);
  });
});
