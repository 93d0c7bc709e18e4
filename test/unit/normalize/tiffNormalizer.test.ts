import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { faxTiff, hasLibtiffTools, joinTiffs, pictureSvg, tiffStrips } from '../../support/documentFixtures';
import { accepted, normalizeBytes } from '../../support/normalizeKit';
import { firstImage, pageFacts, pageImages, renderPage } from '../../support/pdfReadback';

/**
 * Fax TIFFs are made with Debian's libtiff-tools, as fax software makes them (.ci/run installs
 * them); without them these tests say so and skip.
 */
const libtiff = await hasLibtiffTools();
if (!libtiff) console.warn('Skipping the fax TIFF tests: libtiff-tools (ppm2tiff, tiffcp, tiffinfo) are not installed; .ci/run installs them.');

async function firstStrip(tiff: Uint8Array): Promise<[number, number]> {
  const strip = (await tiffStrips(tiff))[0]?.[0];
  if (!strip) throw new Error('no strip');
  return strip;
}

/** The tallest run of dark rows in column x: the one-inch bar every fax page carries, in points at scale 1. */
function barHeight(page: Awaited<ReturnType<typeof renderPage>>, x = 200): number {
  let [longest, run, previous] = [0, 0, -2];
  for (const y of page.darkRows(x)) {
    run = y === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = y;
  }
  return longest;
}

describe.runIf(libtiff)('TIFF: fax pages', () => {
  let fax: Buffer;
  beforeAll(async () => { fax = await faxTiff([{ yDpi: 98 }, { yDpi: 196 }, { yDpi: 98 }]); });

  it('turns a 3-page G4 fax (standard, fine, standard) into 3 Letter pages', async () => {
    const result = accepted(await normalizeBytes('fax.tif', fax));
    expect(result).toMatchObject({ kind: 'tiff', pages: 3, sentAs: 'pdf', contentType: 'application/pdf', warnings: [] });
    expect((await pageFacts(result.pdf)).map(({ width, height }) => [width, height])).toEqual([[612, 792], [612, 792], [612, 792]]);
  });

  it('copies each CCITT strip into the PDF byte for byte, with the parameters that decode it', async () => {
    const result = accepted(await normalizeBytes('fax.tif', fax));
    const strips = await tiffStrips(fax);
    const images = await pageImages(result.pdf);
    images.forEach(([image], page) => {
      const [[offset, length]] = strips[page]! as [[number, number]];
      expect(image).toMatchObject({ filter: 'CCITTFaxDecode', width: 1728, height: page === 1 ? 2156 : 1078, bitsPerComponent: 1 });
      expect(image!.params).toMatchObject({ K: '-1', Columns: '1728', Rows: String(page === 1 ? 2156 : 1078), BlackIs1: 'false' });
      expect(Buffer.from(image!.data).equals(fax.subarray(offset, offset + length))).toBe(true);
    });
  });

  it('renders with ink, and a standard page (tall pixels) is not squashed: its one-inch bar is an inch tall', async () => {
    const result = accepted(await normalizeBytes('fax.tif', fax));
    for (const pageNumber of [1, 2]) {
      const page = await renderPage(result.pdf, pageNumber, 1);
      expect(page.dark).toBeGreaterThan(10_000);
      expect(barHeight(page)).toBeGreaterThanOrEqual(70);
      expect(barHeight(page)).toBeLessThanOrEqual(74);
    }
  });

  it.each([
    ['g3:1d', { K: '0', EncodedByteAlign: 'false' }],
    ['g3:2d', { K: '1', EncodedByteAlign: 'false' }],
    ['g3:2d:fill', { K: '1', EncodedByteAlign: 'true' }],
  ])('copies G3 (%s) as it is and renders it the same', async (compression, params) => {
    const tiff = await faxTiff([{ yDpi: 98, compression }]);
    const result = accepted(await normalizeBytes('fax.tif', tiff));
    const image = await firstImage(result.pdf);
    expect(image.filter).toBe('CCITTFaxDecode');
    expect(image.params).toMatchObject(params);
    const [offset, length] = await firstStrip(tiff);
    expect(Buffer.from(image.data).equals(tiff.subarray(offset, offset + length))).toBe(true);
    expect(barHeight(await renderPage(result.pdf, 1, 1))).toBeGreaterThanOrEqual(70);
  });

  it('reverses the bits of a FillOrder 2 strip, which PDF readers do not know', async () => {
    const tiff = await faxTiff([{ yDpi: 196, compression: 'g3:2d', fillOrder: 'lsb2msb' }]);
    const result = accepted(await normalizeBytes('fax.tif', tiff));
    const image = await firstImage(result.pdf);
    const [offset, length] = await firstStrip(tiff);
    const reversed = Buffer.from(tiff.subarray(offset, offset + length)).map((byte) => parseInt(byte.toString(2).padStart(8, '0').split('').reverse().join(''), 2));
    expect(Buffer.from(image.data).equals(reversed)).toBe(true); // stored reversed…
    expect(barHeight(await renderPage(result.pdf, 1, 1))).toBeGreaterThanOrEqual(70); // …and reads right
  });

  it('decodes a fax stored in many strips (which cannot be copied) into a 1-bit image', async () => {
    const tiff = await faxTiff([{ yDpi: 98, rowsPerStrip: 64 }]);
    const result = accepted(await normalizeBytes('fax.tif', tiff));
    expect(await firstImage(result.pdf)).toMatchObject({ filter: 'FlateDecode', bitsPerComponent: 1, width: 1728, height: 1078 });
    expect(barHeight(await renderPage(result.pdf, 1, 1))).toBeGreaterThanOrEqual(70);
  });

  it('copies a black-is-zero CCITT page with /BlackIs1, so it looks as libtiff shows it', async () => {
    // sharp writes G4 as min-is-black; tiffcp makes it one strip.
    const minIsBlack = await sharp(pictureSvg(800, 1000)).flatten({ background: '#fff' }).toColourspace('b-w').threshold(128)
      .tiff({ compression: 'ccittfax4', bitdepth: 1, xres: 200 / 25.4, yres: 200 / 25.4 }).toBuffer();
    const tiff = await joinTiffs([minIsBlack], ['-r', '100000']);
    const result = accepted(await normalizeBytes('scan.tif', tiff));
    expect(await firstImage(result.pdf)).toMatchObject({ filter: 'CCITTFaxDecode', params: expect.objectContaining({ BlackIs1: 'true' }) });
    const page = await renderPage(result.pdf, 1, 1);
    // The picture's black block is its top-left quarter: dark there, white below it.
    const [left, top] = [(612 - 288) / 2, (792 - 360) / 2]; // 800×1000 at 200 dpi = 288×360 pt, centred
    expect(page.isDark(Math.round(left + 20), Math.round(top + 20))).toBe(true);
    expect(page.isDark(Math.round(left + 20), Math.round(top + 300))).toBe(false);
  });

  it('refuses a fax TIFF cut short, and writes nothing', async () => {
    const run = await normalizeBytes('fax.tif', fax.subarray(0, Math.round(fax.length / 2)));
    expect(run.output).toMatchObject({ ok: false, code: 'unsupported_file', message: expect.stringMatching(/^fax\.tif /) });
    expect(run.pdf).toBeUndefined();
  });
});

describe('TIFF: other compressions, decoded by sharp', () => {
  it.each([
    ['LZW', { compression: 'lzw' }, 'FlateDecode'],
    ['PackBits', { compression: 'packbits' }, 'FlateDecode'],
    ['JPEG', { compression: 'jpeg' }, 'DCTDecode'],
    ['tiled deflate', { compression: 'deflate', tile: true, tileWidth: 128, tileHeight: 128 }, 'FlateDecode'],
  ] as const)('%s', async (_, options, filter) => {
    const tiff = await sharp(pictureSvg(600, 800)).tiff({ ...options, xres: 100 / 25.4, yres: 100 / 25.4 }).toBuffer();
    const result = accepted(await normalizeBytes('scan.tif', tiff));
    expect(result).toMatchObject({ kind: 'tiff', pages: 1 });
    expect((await pageImages(result.pdf))[0]).toEqual([expect.objectContaining({ filter, width: 600, height: 800 })]);
    const page = await renderPage(result.pdf, 1, 1);
    // 600×800 at 100 dpi = 432×576 pt, centred; its black block is the top-left quarter.
    expect(page.isDark(Math.round((612 - 432) / 2 + 20), Math.round((792 - 576) / 2 + 20))).toBe(true);
  });

  it('keeps the tones of 16-bit grey and CMYK pages', async () => {
    const flat = (colour: string) => sharp({ create: { width: 300, height: 300, channels: 3, background: colour } });
    const grey16 = await flat('#404040').toColourspace('grey16').tiff({ compression: 'lzw' }).toBuffer();
    const cmyk = await flat('#d01010').toColourspace('cmyk').tiff({ compression: 'lzw' }).toBuffer();
    const [grey] = (await renderPage(accepted(await normalizeBytes('xray.tif', grey16)).pdf, 1, 1)).pixel(306, 396);
    expect(grey).toBeGreaterThan(40);
    expect(grey).toBeLessThan(90);
    const [r, g, b] = (await renderPage(accepted(await normalizeBytes('flyer.tif', cmyk)).pdf, 1, 1)).pixel(306, 396);
    expect(r).toBeGreaterThan(150);
    expect(g! + b!).toBeLessThan(120);
  });

  it('refuses a 1×1 TIFF as too small', async () => {
    const tiny = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).tiff().toBuffer();
    expect((await normalizeBytes('dot.tif', tiny)).output).toMatchObject({ ok: false, reason: 'too_small', message: 'dot.tif is only 1×1 pixels: too small to fax.' });
  });

  it('refuses a truncated TIFF as damaged (its page directory is at the end)', async () => {
    const tiff = await sharp(pictureSvg(600, 800)).tiff({ compression: 'lzw' }).toBuffer();
    const run = await normalizeBytes('scan.tif', tiff.subarray(0, Math.round(tiff.length * 0.7)));
    expect(run.output).toMatchObject({ ok: false, reason: 'damaged', message: 'scan.tif is damaged and cannot be read as a TIFF image.' });
    expect(run.pdf).toBeUndefined();
  });

  it.runIf(libtiff)('refuses a TIFF whose compressed data is corrupt, naming the page', async () => {
    const page = () => sharp(pictureSvg(600, 800)).tiff({ compression: 'lzw' }).toBuffer();
    const tiff = await joinTiffs([await page(), await page()]);
    for (const [offset, length] of (await tiffStrips(tiff))[1]!) tiff.fill(0xff, offset, offset + length); // every strip of page 2: not LZW any more
    const run = await normalizeBytes('scan.tif', tiff);
    expect(run.output).toMatchObject({
      ok: false, reason: 'page_failed', message: 'Page 2 of scan.tif cannot be read, so it would not fax correctly.',
      nextStep: 'Open it in the program that made it or an image viewer, save it again, and add the new file.',
    });
    expect(run.pdf).toBeUndefined();
  });
});
