import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { TRAY_ICON_DATA_URL } from '../../main/shell/tray';
import { decodeIcns, decodeIco, ICNS_TYPES, ICO_SIZES, iconFiles, PNG_SIZES, renderPng } from '../../scripts/iconSet';

/**
 * Issue 12 (identity): the committed icon files are what `npm run icons` makes of build/icon.svg
 * today, at the sizes each platform reads. Editing the SVG without rerunning the script fails here.
 */
const root = resolve(import.meta.dirname, '../..');
const svg = readFileSync(resolve(root, 'build/icon.svg'));
const read = (path: string) => readFileSync(resolve(root, path));

async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Largest per-channel difference between two same-sized images (a re-encode may differ by rounding). */
async function largestDifference(a: Buffer, b: Buffer): Promise<number> {
  const [left, right] = [await pixels(a), await pixels(b)];
  expect([left.width, left.height]).toEqual([right.width, right.height]);
  let largest = 0;
  for (let i = 0; i < left.data.length; i++) largest = Math.max(largest, Math.abs(left.data[i]! - right.data[i]!));
  return largest;
}

describe('app icon', () => {
  it('is the tray icon too (the 32 px rendering, inline in the shell)', () => {
    expect(Buffer.from(TRAY_ICON_DATA_URL.replace(/^data:image\/png;base64,/, ''), 'base64').equals(read('build/icons/32x32.png'))).toBe(true);
  });

  it('is rendered to every committed file, and nothing else is expected', async () => {
    const expected = await iconFiles(svg);
    for (const path of expected.keys()) expect(existsSync(resolve(root, path)), path).toBe(true);
    expect([...expected.keys()]).toEqual(expect.arrayContaining(['build/icon.ico', 'build/icon.icns', 'build/icon.png', 'renderer/public/favicon.svg']));
  });

  it('has a PNG per Linux size whose pixels are the SVG rendered at that size', async () => {
    for (const size of PNG_SIZES) {
      const committed = read(`build/icons/${size}x${size}.png`);
      const { width, height } = await sharp(committed).metadata();
      expect([width, height], `${size}px`).toEqual([size, size]);
      expect(await largestDifference(committed, await renderPng(svg, size)), `${size}px`).toBeLessThanOrEqual(2);
    }
  });

  it('has a Windows .ico holding 16–256 px PNGs, each the size its entry declares', async () => {
    const images = decodeIco(read('build/icon.ico'));
    expect(images.map((image) => image.size)).toEqual([...ICO_SIZES]);
    for (const { size, png } of images) {
      expect((await sharp(png).metadata()).width, `${size}px`).toBe(size);
      expect(await largestDifference(png, await renderPng(svg, size)), `${size}px`).toBeLessThanOrEqual(2);
    }
  });

  it('has a macOS .icns with each PNG type at its size, up to 1024 px', async () => {
    const entries = decodeIcns(read('build/icon.icns'));
    expect(entries.map((entry) => entry.type)).toEqual(ICNS_TYPES.map(([type]) => type));
    for (const { type, png } of entries) {
      const size = ICNS_TYPES.find(([known]) => known === type)![1];
      expect(png.subarray(1, 4).toString('ascii'), type).toBe('PNG');
      expect((await sharp(png).metadata()).width, type).toBe(size);
    }
  });

  it('is the page’s favicon, and the window title names the app only', () => {
    expect(read('renderer/public/favicon.svg').equals(svg)).toBe(true);
    const html = read('renderer/index.html').toString();
    expect(html).toContain('<title>Faxdesk</title>');
    expect(html).toMatch(/<link rel="icon" type="image\/svg\+xml" href="\/favicon\.svg"/);
  });

  it('refuses files that are not icon containers', () => {
    expect(() => decodeIco(Buffer.from('PK\u0003\u0004 not an icon'))).toThrow(/not an \.ico/);
    expect(() => decodeIcns(Buffer.from('icnsXXXX'))).toThrow(/not an \.icns/);
  });
});
