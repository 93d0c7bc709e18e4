import { expect, test } from '@playwright/test';
import { dropFiles, makePdf, sinchControl, sinchUrl, watchFaxes } from './support/fixtures';
import { makeDocx, makeFaxTiff, makePicture } from './support/officeFiles';
import { SCAN } from './support/scanPdf';
import { readPages, sinchDocument } from './support/sentPages';

/** The fax TIFF's pages, told apart by their heights (each is copied into the PDF as its own G4 image). */
const TIFF_ROWS = [1800, 1900, 2000];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('every kind of file at once: counted, previewed in order, edited, and sent exactly as previewed', async ({ page }) => {
  test.setTimeout(90_000);
  const addedFaxes = await watchFaxes(sinchControl());
  await page.goto('/');
  await dropFiles(page, [
    { name: 'referral.pdf', mimeType: 'application/pdf', buffer: await makePdf(2, 'Referral') },
    { name: 'wound.png', mimeType: 'image/png', buffer: await makePicture(page, 'image/png', 800, 600) },
    { name: 'insurance-card.jpg', mimeType: 'image/jpeg', buffer: await makePicture(page, 'image/jpeg', 1000, 640) },
    { name: 'received-fax.tif', mimeType: 'image/tiff', buffer: makeFaxTiff(TIFF_ROWS) },
    { name: 'letter.docx', mimeType: DOCX_TYPE, buffer: makeDocx('Word letter from the clinic') },
    { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('Plain text note for the fax.\nSecond line.\n') },
  ]);

  const tiles = page.getByRole('list', { name: 'Documents to send' }).getByRole('listitem');
  const tile = (name: string) => tiles.filter({ hasText: name });
  await expect(tiles).toHaveCount(6);
  await expect(tile('note.txt')).toContainText('1 page', { timeout: 30_000 });
  await expect(tile('referral.pdf')).toContainText('2 pages');
  await expect(tile('wound.png')).toContainText('1 page');
  await expect(tile('insurance-card.jpg')).toContainText('1 page');
  await expect(tile('received-fax.tif')).toContainText('3 pages');
  // A Word file: its real page count where LibreOffice converts it; "pages unknown" where the fax service will.
  await expect(tile('letter.docx')).toContainText(/1 page|pages unknown/);
  const converted = !(await tile('letter.docx').textContent())!.includes('pages unknown');
  if (!converted) await expect(tile('letter.docx')).toContainText('Approximate preview — the fax service converts it');

  // The preview lists the pages in the order they will go.
  const preview = page.getByRole('region', { name: 'Preview' });
  const pictures = () => preview.getByRole('list', { name: 'Pages to send' }).getByRole('img')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  const docxEntry = converted ? 'Page 8 of 9 (letter.docx, page 1)' : 'Place 8 of 9: letter.docx, pages unknown (approximate preview)';
  expect(await pictures()).toEqual([
    'Page 1 of 9 (referral.pdf, page 1)', 'Page 2 of 9 (referral.pdf, page 2)', 'Page 3 of 9 (wound.png, page 1)',
    'Page 4 of 9 (insurance-card.jpg, page 1)', 'Page 5 of 9 (received-fax.tif, page 1)', 'Page 6 of 9 (received-fax.tif, page 2)',
    'Page 7 of 9 (received-fax.tif, page 3)', docxEntry, 'Page 9 of 9 (note.txt, page 1)',
  ]);

  // Rotate page 2, remove page 3, move the last page first.
  const button = (name: string) => preview.getByRole('button', { name, exact: true });
  await button('Rotate page 2').click();
  await button('Remove page 3').click();
  for (let at = 8; at > 1; at--) await button(`Move page ${at} earlier`).click();
  await expect.poll(pictures).toEqual([
    'Page 1 of 8 (note.txt, page 1)', 'Page 2 of 8 (referral.pdf, page 1)', 'Page 3 of 8 (referral.pdf, page 2, turned 90°)',
    'Page 4 of 8 (insurance-card.jpg, page 1)', 'Page 5 of 8 (received-fax.tif, page 1)', 'Page 6 of 8 (received-fax.tif, page 2)',
    'Page 7 of 8 (received-fax.tif, page 3)',
    converted ? 'Page 8 of 8 (letter.docx, page 1)' : 'Place 8 of 8: letter.docx, pages unknown (approximate preview)',
  ]);

  await page.getByLabel('Fax number').fill('+19898989898');
  const send = page.getByRole('button', { name: /^Send/ });
  await expect(send).toHaveText(converted ? 'Send 8 pages to 1 recipient' : 'Send 7 pages + 1 document to 1 recipient');
  await send.click();
  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();

  // What the provider holds: those pages, in that order, turned as previewed.
  await expect.poll(async () => (await addedFaxes()).length, { timeout: 20_000 }).toBe(1);
  const [fax] = await addedFaxes();
  const sent = await readPages(await sinchDocument(sinchUrl(), fax!.id));
  expect(sent).toHaveLength(8);
  expect(sent.map((p) => p.rotation)).toEqual([0, 0, 90, 0, 0, 0, 0, 0]);
  expect(sent[0]!.text).toContain('Plain text note for the fax.');
  expect(sent.slice(1, 3).map((p) => p.text)).toEqual(['Referral 1/2', 'Referral 2/2']);
  // The photo: one picture and no text, not one of the fax TIFF's pages.
  expect(sent[3]).toMatchObject({ text: '' });
  expect(sent[3]!.images).toHaveLength(1);
  expect(sent[3]!.images[0]!.startsWith(`${SCAN.columns}×`)).toBe(false);
  // The fax TIFF's pages, each its own G4 image at its own height, in order.
  expect(sent.slice(4, 7).map((p) => p.images)).toEqual(TIFF_ROWS.map((rows) => [`${SCAN.columns}×${rows}`]));
  expect(sent[7]!.text).toContain(converted ? 'Word letter from the clinic' : 'Converted DOCX document');
});
