import { expect, test } from '@playwright/test';
import { dropFiles, makePdf } from './support/fixtures';

const pdf = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/pdf', buffer });

/** A canvas as seen from the page; typed structurally because this file compiles without the DOM library. */
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

test('the preview shows every page that will be sent, in order, and follows removals', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await dropFiles(page, [pdf('referral.pdf', await makePdf(3, 'Referral')), pdf('labs.pdf', await makePdf(2, 'Labs'))]);
  await expect(page.getByRole('listitem').filter({ hasText: 'labs.pdf' })).toContainText('2 pages');

  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: 'Preview — 5 pages' })).toBeVisible();
  const expected = [
    'Page 1 of 5 (referral.pdf, page 1)', 'Page 2 of 5 (referral.pdf, page 2)', 'Page 3 of 5 (referral.pdf, page 3)',
    'Page 4 of 5 (labs.pdf, page 1)', 'Page 5 of 5 (labs.pdf, page 2)',
  ];
  for (const name of expected) await expect(preview.getByRole('button', { name, exact: true })).toBeVisible();

  // The first page really is drawn: some pixel of its canvas is not white.
  const first = preview.getByRole('img', { name: expected[0], exact: true });
  await expect.poll(() => first.evaluate((el) => {
    const canvas = el as unknown as Canvas;
    if (canvas.width === 0 || canvas.height === 0) return false;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) return true;
    return false;
  })).toBe(true);

  // Open a page larger, step through, and Escape back to the grid (compose stays open).
  await preview.getByRole('button', { name: expected[2], exact: true }).click();
  const viewer = preview.getByRole('group', { name: /^Page 3 of 5/ });
  await expect(viewer).toBeFocused();
  await expect(viewer.getByRole('img', { name: expected[2], exact: true })).toBeVisible();
  await preview.getByRole('button', { name: 'Next' }).click();
  await expect(preview.getByRole('img', { name: expected[3], exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(preview.getByRole('button', { name: expected[3], exact: true })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'New fax', level: 1 })).toBeVisible();

  // Keyboard: Enter on a thumbnail opens it too.
  await preview.getByRole('button', { name: expected[0], exact: true }).press('Enter');
  await expect(preview.getByRole('button', { name: 'Previous' })).toBeDisabled();
  await page.keyboard.press('Escape');

  // Reordering renumbers the pages; removing a document drops its pages.
  await page.getByRole('button', { name: 'Move labs.pdf earlier' }).click();
  await expect(preview.getByRole('button', { name: 'Page 1 of 5 (labs.pdf, page 1)', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Remove referral.pdf' }).click();
  await expect(preview.getByRole('heading', { name: 'Preview — 2 pages' })).toBeVisible();
  await expect(preview.getByRole('button', { name: /^Page \d of \d/ })).toHaveCount(2);
  await expect(preview.getByRole('button', { name: 'Page 2 of 2 (labs.pdf, page 2)', exact: true })).toBeVisible();

  // With nothing left to preview, pdf.js lets go of everything: its worker is gone.
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Remove labs.pdf' }).click();
  await expect(preview.getByRole('heading', { name: 'Preview', exact: true })).toBeVisible();
  await expect.poll(() => page.workers().length).toBe(0);
});

test('a long document renders lazily: far pages wait until scrolled to', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New fax' }).click();
  await page.getByLabel('Choose files').setInputFiles(pdf('long.pdf', await makePdf(120, 'Long')));
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: 'Preview — 120 pages' })).toBeVisible();
  const drawn = (name: string) => preview.getByRole('img', { name, exact: true }).evaluate((el) => (el as unknown as Canvas).width > 0);
  await expect.poll(() => drawn('Page 1 of 120 (long.pdf, page 1)')).toBe(true);
  expect(await drawn('Page 120 of 120 (long.pdf, page 120)')).toBe(false);
  await preview.getByRole('button', { name: 'Page 120 of 120 (long.pdf, page 120)', exact: true }).scrollIntoViewIfNeeded();
  await expect.poll(() => drawn('Page 120 of 120 (long.pdf, page 120)')).toBe(true);
  // Pages far out of view give their pixels back.
  await expect.poll(() => drawn('Page 1 of 120 (long.pdf, page 1)')).toBe(false);
});
