import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bmp1, bmp24, cmykJpeg, pictureSvg, png, rotatedJpeg } from '../../support/documentFixtures';
import { accepted, normalizeBytes } from '../../support/normalizeKit';
import { firstImage, pageFacts, pageImages, renderPage } from '../../support/pdfReadback';

/** The one image of a one-page result. */
async function onlyImage(pdf: Uint8Array) {
  expect((await pageImages(pdf))[0]).toHaveLength(1);
  return firstImage(pdf);
}

describe('pictures: one page each, fitted inside the margins', () => {
  it('puts a PNG on a Letter page, aspect kept, losslessly', async () => {
    const result = accepted(await normalizeBytes('chart.png', await png(800, 600)));
    expect(result).toMatchObject({ kind: 'image', pages: 1, sentAs: 'pdf', contentType: 'application/pdf', warnings: [] });
    expect(await pageFacts(result.pdf)).toEqual([{ width: 612, height: 792, rotation: 0, annotations: 0 }]);
    expect(await onlyImage(result.pdf)).toMatchObject({ filter: 'FlateDecode', width: 800, height: 600, colorSpace: 'DeviceRGB' });
    // 540 pt wide (Letter less two half-inch margins) and 405 pt tall, centred: ink only inside that box.
    const page = await renderPage(result.pdf, 1, 1);
    expect(page.isDark(40, 200)).toBe(true); // the picture's black corner, at the left margin
    expect(page.isDark(30, 200)).toBe(false); // the margin
  });

  it('uses A4 when asked', async () => {
    const result = accepted(await normalizeBytes('chart.png', await png(300, 300), { paper: 'a4' }));
    expect(await pageFacts(result.pdf)).toEqual([expect.objectContaining({ width: 595.28, height: 841.89 })]);
  });

  it('resamples a 24-megapixel photo to 200 dpi as placed, and keeps it JPEG', async () => {
    const photo = await sharp(pictureSvg(6000, 4000)).jpeg({ quality: 90 }).toBuffer();
    const run = await normalizeBytes('photo.jpg', photo);
    const image = await onlyImage(accepted(run).pdf);
    expect(image).toMatchObject({ filter: 'DCTDecode', width: 1500, height: 1000 }); // 7.5 in × 200 dpi
    expect(accepted(run).pdf.length).toBeLessThan(photo.length);
  });

  it('turns a photo upright by its EXIF orientation', async () => {
    // Stored 400×200 with the black block top-left; orientation 6 means "turn a quarter right to view".
    const result = accepted(await normalizeBytes('sideways.jpg', await rotatedJpeg(400, 200, 6)));
    expect(await onlyImage(result.pdf)).toMatchObject({ width: 200, height: 400 });
    const page = await renderPage(result.pdf, 1, 1);
    // Upright it is 200×400 (enlarged to 144×288 pt at the 100 dpi floor), centred: the block is now top-right.
    const [left, top] = [(612 - 144) / 2, (792 - 288) / 2];
    expect(page.isDark(Math.round(left + 144 - 10), Math.round(top + 20))).toBe(true);
    expect(page.isDark(Math.round(left + 10), Math.round(top + 20))).toBe(false);
  });

  it('converts a CMYK JPEG to RGB that still looks red', async () => {
    const result = accepted(await normalizeBytes('flyer.jpg', await cmykJpeg(300, 300, { r: 220, g: 20, b: 20 })));
    expect(await onlyImage(result.pdf)).toMatchObject({ filter: 'DCTDecode', colorSpace: 'DeviceRGB' });
    const page = await renderPage(result.pdf, 1, 1);
    const [r, g, b] = page.pixel(306, 396);
    expect(r).toBeGreaterThan(150);
    expect(g! + b!).toBeLessThan(120);
  });

  it('keeps black-and-white line art in 1 bit, and grey pictures grey', async () => {
    const bilevel = await sharp(pictureSvg(600, 800)).toColourspace('b-w').threshold(128).png().toBuffer();
    expect(await onlyImage(accepted(await normalizeBytes('signature.png', bilevel)).pdf)).toMatchObject({ bitsPerComponent: 1, colorSpace: 'DeviceGray' });
    const grey = await sharp(pictureSvg(600, 800, 'Grey', '#ccc')).toColourspace('b-w').png().toBuffer();
    expect(await onlyImage(accepted(await normalizeBytes('xray.png', grey)).pdf)).toMatchObject({ bitsPerComponent: 8, colorSpace: 'DeviceGray' });
  });

  it('stores a photograph saved as PNG as JPEG, where lossless would be more than twice the size', async () => {
    const noise = Uint8Array.from({ length: 900 * 700 * 3 }, (_, i) => (Math.sin(i * 0.37) * 60 + (i % 7) * 20 + ((i * 2654435761) >>> 24) % 50) & 0xff);
    const photo = await sharp(noise, { raw: { width: 900, height: 700, channels: 3 } }).blur(1.2).png().toBuffer();
    expect(await onlyImage(accepted(await normalizeBytes('holiday.png', photo)).pdf)).toMatchObject({ filter: 'DCTDecode', width: 900, height: 700 });
  });

  it('reads 16-bit PNGs into 8-bit samples with their tones kept', async () => {
    const grey16 = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#404040' } }).toColourspace('grey16').png().toBuffer();
    const result = accepted(await normalizeBytes('xray16.png', grey16));
    expect(await onlyImage(result.pdf)).toMatchObject({ bitsPerComponent: 8, colorSpace: 'DeviceGray' });
    const [r] = (await renderPage(result.pdf, 1, 1)).pixel(306, 396);
    expect(r).toBeGreaterThan(40);
    expect(r).toBeLessThan(90);
  });

  it('puts transparency on white paper', async () => {
    const clear = await sharp({ create: { width: 400, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const page = await renderPage(accepted(await normalizeBytes('logo.png', clear)).pdf, 1, 1);
    expect(page.dark).toBe(0);
  });

  it('reads GIF, WebP and BMP (1 and 24 bit), and sends only the first frame of an animation', async () => {
    const frame = (colour: string) => sharp({ create: { width: 100, height: 100, channels: 3, background: colour } });
    for (const [name, bytes] of [['a.gif', await frame('#123456').gif().toBuffer()], ['a.webp', await frame('#123456').webp().toBuffer()]] as const) {
      expect(accepted(await normalizeBytes(name, bytes))).toMatchObject({ kind: 'image', pages: 1 });
    }
    const red = await renderPage(accepted(await normalizeBytes('scan.bmp', bmp24(64, 32))).pdf, 1, 1);
    const [r, , b] = red.pixel(306 - 20, 396);
    const [r2, , b2] = red.pixel(306 + 20, 396);
    expect([r! > 200, b! < 60, r2! < 60, b2! > 200]).toEqual([true, true, true, true]); // red left, blue right: rows and BGR order right
    const mono = accepted(await normalizeBytes('fax.bmp', bmp1(64, 64)));
    const monoPage = await renderPage(mono.pdf, 1, 1);
    expect([monoPage.isDark(306, 396 - 10), monoPage.isDark(306, 396 + 10)]).toEqual([true, false]); // top-down rows: black on top

    const animated = await sharp([await frame('#000').png().toBuffer(), await frame('#fff').png().toBuffer()], { join: { animated: true } }).gif().toBuffer();
    expect(accepted(await normalizeBytes('blink.gif', animated)).warnings).toEqual(['Only the first frame of this animated picture is sent.']);
  });
});

describe('pictures: odd sizes and bad files', () => {
  it('refuses a 1×1 picture as too small, and writes nothing', async () => {
    const run = await normalizeBytes('pixel.png', await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer());
    expect(run.output).toEqual({
      ok: false, code: 'unsupported_file', reason: 'too_small', message: 'pixel.png is only 1×1 pixels: too small to fax.',
      nextStep: 'Use a larger picture or a scan of the document.',
    });
    expect(run.pdf).toBeUndefined();
  });

  it('places a 4000×300 banner across the page width, at 200 dpi', async () => {
    const result = accepted(await normalizeBytes('banner.png', await png(4000, 300)));
    expect(await onlyImage(result.pdf)).toMatchObject({ width: 1500, height: 113 });
    const page = await renderPage(result.pdf, 1, 1);
    expect(page.isDark(40, 396 - 15)).toBe(true); // the left half's black strip, from the left margin, mid-page
  });

  it.each([['png', () => png(400, 300)], ['jpeg', () => sharp(pictureSvg(400, 300)).jpeg().toBuffer()]] as const)('refuses a truncated %s as damaged', async (_, make) => {
    const full = await make();
    const run = await normalizeBytes('scan.img', full.subarray(0, Math.round(full.length * 0.6)));
    expect(run.output).toMatchObject({ ok: false, reason: 'damaged', message: 'scan.img is damaged and cannot be read as a picture.' });
    expect(run.pdf).toBeUndefined();
  });

  it('refuses a binary file renamed .png, and faxes a text file renamed .png as the text it is', async () => {
    expect((await normalizeBytes('photo.png', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]))).output).toMatchObject({ ok: false, reason: 'unknown_type' });
    expect(accepted(await normalizeBytes('photo.png', new TextEncoder().encode('Not a picture at all.')))).toMatchObject({ kind: 'text', pages: 1 });
  });
});
