import { expect, test, type Page } from '@playwright/test';
import { dropFiles, makePdf, sinchControl, sinchUrl, watchFaxes } from './support/fixtures';
import { readPages, sinchDocument } from './support/sentPages';

const pdf = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/pdf', buffer });
const preview = (page: Page) => page.getByRole('region', { name: 'Preview' });
/** The pages' pictures in order, by accessible name ("Page 2 of 5 (a.pdf, page 2, turned 90°)"). */
const order = (page: Page) => preview(page).getByRole('list', { name: 'Pages to send' }).getByRole('img')
  .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
const thumb = (page: Page, name: RegExp) => preview(page).getByRole('button', { name });

test('keyboard page operations: arrows between pages, R rotates, Delete removes, Alt+arrows move, Ctrl+Z undoes', async ({ page }) => {
  await page.goto('/');
  await dropFiles(page, [pdf('a.pdf', await makePdf(3, 'Alpha')), pdf('b.pdf', await makePdf(2, 'Bravo'))]);
  await expect(preview(page).getByRole('heading', { name: 'Preview — 5 pages' })).toBeVisible();

  // One page of the grid is a Tab stop; arrows go from page to page.
  await thumb(page, /^Page 1 of 5/).focus();
  await page.keyboard.press('ArrowRight');
  await expect(thumb(page, /^Page 2 of 5 \(a\.pdf, page 2\)/)).toBeFocused();
  await page.keyboard.press('r');
  await expect(thumb(page, /^Page 2 of 5 \(a\.pdf, page 2, turned 90°\)/)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Delete');
  await expect(preview(page).getByRole('heading', { name: 'Preview — 4 pages' })).toBeVisible();
  // The page that took the removed one's place has the focus.
  await expect(thumb(page, /^Page 3 of 4 \(b\.pdf, page 1\)/)).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(thumb(page, /^Page 3 of 4 \(b\.pdf, page 2\)/)).toBeFocused();
  expect(await order(page)).toEqual([
    'Page 1 of 4 (a.pdf, page 1)', 'Page 2 of 4 (a.pdf, page 2, turned 90°)', 'Page 3 of 4 (b.pdf, page 2)', 'Page 4 of 4 (b.pdf, page 1)',
  ]);
  await expect(page.getByRole('listitem').filter({ hasText: 'a.pdf' }).first()).toContainText('2 of 3 pages');

  // Undo, step by step: the move, then the removal (with Ctrl+Z), then the turn (with the button that names it).
  await page.keyboard.press('Control+z');
  expect((await order(page))[2]).toBe('Page 3 of 4 (b.pdf, page 1)');
  await page.keyboard.press('Control+z');
  await expect(preview(page).getByRole('heading', { name: 'Preview — 5 pages' })).toBeVisible();
  await preview(page).getByRole('button', { name: 'Undo rotate page 2' }).click();
  expect(await order(page)).toEqual([
    'Page 1 of 5 (a.pdf, page 1)', 'Page 2 of 5 (a.pdf, page 2)', 'Page 3 of 5 (a.pdf, page 3)', 'Page 4 of 5 (b.pdf, page 1)', 'Page 5 of 5 (b.pdf, page 2)',
  ]);
  await expect(preview(page).getByRole('button', { name: /^Undo/ })).toHaveCount(0);

  // Ctrl+Z in a text field is the field's own undo, not the pages'.
  await page.getByLabel('Fax number').fill('+1');
  await preview(page).getByRole('button', { name: 'Rotate page 1', exact: true }).click();
  await page.getByLabel('Fax number').press('Control+z');
  await expect(thumb(page, /^Page 1 of 5 \(a\.pdf, page 1, turned 90°\)/)).toBeVisible();
});

test('buttons and drag and drop reorder pages; what the emulator receives is exactly the page list', async ({ page }) => {
  const addedFaxes = await watchFaxes(sinchControl());
  await page.goto('/');
  await dropFiles(page, [pdf('a.pdf', await makePdf(3, 'Alpha')), pdf('b.pdf', await makePdf(2, 'Bravo'))]);
  await expect(preview(page).getByRole('heading', { name: 'Preview — 5 pages' })).toBeVisible();

  await preview(page).getByRole('button', { name: 'Rotate page 2', exact: true }).click();
  await preview(page).getByRole('button', { name: 'Rotate page 2', exact: true }).click();
  await preview(page).getByRole('button', { name: 'Remove page 3', exact: true }).click();
  await preview(page).getByRole('button', { name: 'Move page 1 later', exact: true }).click();
  // Drag the last page onto the first one's place.
  const items = preview(page).getByRole('list', { name: 'Pages to send' }).getByRole('listitem');
  await items.nth(3).dragTo(items.nth(0), { targetPosition: { x: 5, y: 40 } });
  expect(await order(page)).toEqual([
    'Page 1 of 4 (b.pdf, page 2)', 'Page 2 of 4 (a.pdf, page 2, turned 180°)', 'Page 3 of 4 (a.pdf, page 1)', 'Page 4 of 4 (b.pdf, page 1)',
  ]);

  await page.getByLabel('Fax number').fill('+19898989898');
  await expect(page.getByRole('button', { name: /^Send/ })).toHaveText('Send 4 pages to 1 recipient');
  await page.getByRole('button', { name: /^Send/ }).click();
  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();

  await expect.poll(async () => (await addedFaxes()).length).toBe(1);
  const [fax] = await addedFaxes();
  const sent = await readPages(await sinchDocument(sinchUrl(), fax!.id));
  expect(sent.map((p) => [p.text, p.rotation])).toEqual([['Bravo 2/2', 0], ['Alpha 2/3', 180], ['Alpha 1/3', 0], ['Bravo 1/2', 0]]);
});
