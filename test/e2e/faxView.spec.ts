import { expect, test, type Page } from '@playwright/test';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { canvasPixels } from './support/canvasPixels';
import { dropFiles } from './support/fixtures';
import { makeScannedPdf, SCAN, SCAN_INK_ROWS } from './support/scanPdf';

const pdf = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/pdf', buffer });

/** A letter page of black text, a page with a photo-like grey panel and fine print, and a page of pale yellow text. */
async function mixedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const text = doc.addPage([612, 792]);
  for (let i = 0; i < 20; i++) text.drawText('Referral letter: the patient was seen on Monday.', { x: 72, y: 700 - i * 18, size: 12, font });
  const photo = doc.addPage([612, 792]);
  photo.drawRectangle({ x: 72, y: 250, width: 460, height: 400, color: rgb(0.55, 0.6, 0.65) });
  photo.drawText('Fine print under the photo', { x: 72, y: 200, size: 5, font });
  const pale = doc.addPage([612, 792]);
  for (let i = 0; i < 20; i++) pale.drawText('Highlighted in yellow', { x: 72, y: 700 - i * 18, size: 12, font, color: rgb(0.95, 0.85, 0.3) });
  return Buffer.from(await doc.save());
}

const preview = (page: Page) => page.getByRole('region', { name: 'Preview' });

async function sendFrom(page: Page, account: string) {
  const picker = page.getByLabel('Send from');
  await picker.selectOption((await picker.locator('option', { hasText: account }).getAttribute('value')) ?? '');
}

test('a scanned page (CCITT G4) previews with its ink; the fax view is only black and white, at fine and standard', async ({ page }) => {
  // pdf.js's worker fetches the decoder from the renderer's own pdfjs/wasm/ folder (shipped by the build).
  const wasm: string[] = [];
  page.context().on('response', (r) => { if (r.url().includes('/pdfjs/wasm/')) wasm.push(`${r.status()} ${new URL(r.url()).pathname}`); });
  await page.goto('/');
  await dropFiles(page, [pdf('scan.pdf', await makeScannedPdf())]);
  await expect(page.getByRole('listitem').filter({ hasText: 'scan.pdf' })).toContainText('1 page');

  // pdf.js needs its wasm folder (wasmUrl) to decode fax images; without it this page is white.
  const thumb = preview(page).getByRole('img', { name: 'Page 1 of 1 (scan.pdf, page 1)', exact: true });
  await expect.poll(async () => (await canvasPixels(thumb)).dark).toBeGreaterThan(500);
  // The ink is where the image has it: the wedge's widest rows are dark at the right edge, the top is white.
  const band = [SCAN_INK_ROWS.from / SCAN.rows + 0.01, SCAN_INK_ROWS.to / SCAN.rows - 0.01] as [number, number];
  const inked = await canvasPixels(thumb, band);
  expect(inked.dark / inked.read).toBeGreaterThan(0.8 * (3 * SCAN.grow) / SCAN.columns);
  expect((await canvasPixels(thumb, [0, 0.08])).dark).toBe(0);
  expect(wasm).toContain('200 /pdfjs/wasm/jbig2.wasm');

  await preview(page).getByRole('button', { name: 'Page 1 of 1 (scan.pdf, page 1)', exact: true }).click();
  await preview(page).getByRole('switch', { name: 'As it will print at the other end' }).check();
  const fax = preview(page).getByRole('img', { name: 'Page 1 of 1 (scan.pdf, page 1), as it will print' });
  // Fine: 204 dots per inch across a Letter page, 196 lines down; every pixel black or white.
  await expect.poll(async () => (await canvasPixels(fax)).width).toBe(1734);
  const fine = await canvasPixels(fax);
  expect(fine).toMatchObject({ width: 1734, height: 2156, grey: 0 });
  expect(fine.dark).toBeGreaterThan(100_000);
  expect(Number(await fax.getAttribute('data-binarize-ms'))).toBeGreaterThan(0);

  await preview(page).getByLabel('Resolution').selectOption('standard');
  await expect.poll(async () => (await canvasPixels(fax)).height).toBe(1078);
  expect(await canvasPixels(fax)).toMatchObject({ width: 1734, height: 1078, grey: 0 });
});

test('the fax view warns, page by page, of what may print badly', async ({ page }) => {
  await page.goto('/');
  await dropFiles(page, [pdf('mixed.pdf', await mixedPdf())]);
  await expect(preview(page).getByRole('heading', { name: 'Preview — 3 pages' })).toBeVisible();
  await preview(page).getByRole('switch', { name: 'As it will print at the other end' }).check();

  const thumb = (n: number) => preview(page).getByRole('button', { name: `Page ${n} of 3 (mixed.pdf, page ${n})`, exact: true });
  await expect(thumb(2)).toHaveAccessibleDescription(/Photos or shading/);
  await expect(thumb(2)).toHaveAccessibleDescription(/Small text \(5\.0 pt\)/);
  await expect(thumb(3)).toHaveAccessibleDescription(/Light or coloured text/);
  // The plain letter draws no warning (its canvas is done once it holds pixels).
  await expect.poll(async () => (await canvasPixels(preview(page).getByRole('img', { name: /^Page 1 of 3/ }))).dark).toBeGreaterThan(0);
  await expect(thumb(1)).not.toHaveAccessibleDescription(/May print badly/);

  await thumb(2).click();
  await expect(preview(page).getByRole('list', { name: 'What may print badly on page 2' }).getByRole('listitem')).toHaveText([
    'Photos or shading: they print as coarse dots.',
    'Small text (5.0 pt): under 7 pt it may be unreadable.',
  ]);
});

test('the fax view draws Sinch’s header line where it will print, and none for Welkin', async ({ page }) => {
  await page.goto('/');
  await dropFiles(page, [pdf('blank-top.pdf', await mixedPdf())]);
  await sendFrom(page, 'Sinch emulator');
  await page.getByLabel(/^Header line/).fill('Riverside Clinic');
  await preview(page).getByRole('switch', { name: 'As it will print at the other end' }).check();
  await preview(page).getByRole('button', { name: 'Page 1 of 3 (blank-top.pdf, page 1)', exact: true }).click();
  const fax = preview(page).getByRole('img', { name: /^Page 1 of 3 .*as it will print$/ });
  // The page itself is white down to its first line of text; the header line prints in the top strip.
  const strip: [number, number] = [0, 0.02];
  await expect.poll(async () => (await canvasPixels(fax, strip)).dark).toBeGreaterThan(200);

  await sendFrom(page, 'Welkin emulator');
  await expect(page.getByLabel(/^Header line/)).toHaveCount(0);
  await expect.poll(async () => {
    const pixels = await canvasPixels(fax, strip);
    return pixels.width > 0 ? pixels.dark : -1;
  }).toBe(0);
});
