import { expect, test } from '@playwright/test';
import { dropFiles, makePdf, sinchControl, watchFaxes } from './support/fixtures';

/** Faxes sent twice by mistake are what people complain about most: both ways of doing it are asked about. */
test('the same file added twice, and the same pages sent to the same number again, are asked about', async ({ page }) => {
  const addedFaxes = await watchFaxes(sinchControl());
  const pdf = await makePdf(1, 'Lab results for the duplicate check');
  await page.goto('/');
  await dropFiles(page, [
    { name: 'lab-results.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: 'lab-results (1).pdf', mimeType: 'application/pdf', buffer: pdf },
  ]);
  const notice = page.getByRole('list', { name: 'Files added twice' }).getByRole('alert');
  await expect(notice).toContainText('lab-results (1).pdf is the same file as lab-results.pdf. Send it twice?');
  await notice.getByRole('button', { name: 'Remove the copy' }).click();
  await expect(page.getByRole('list', { name: 'Documents to send' }).getByRole('listitem')).toHaveCount(1);

  await page.getByLabel('Fax number').fill('+12015550188');
  await page.getByRole('button', { name: /^Send/ }).click();
  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  await expect.poll(async () => (await addedFaxes()).length).toBe(1);

  // The same pages to the same number again: asked, with when they went; sent only when confirmed.
  await page.getByRole('button', { name: /New fax/ }).first().click();
  await dropFiles(page, [{ name: 'lab-results.pdf', mimeType: 'application/pdf', buffer: pdf }]);
  await expect(page.getByRole('list', { name: 'Documents to send' }).getByRole('listitem')).toContainText('1 page');
  await page.getByLabel('Fax number').fill('+12015550188');
  await page.getByRole('button', { name: /^Send/ }).click();
  const asked = page.getByRole('alert').filter({ hasText: 'Send these pages again?' });
  await expect(asked).toContainText(/You sent these pages to …0188 at \d{1,2}:\d{2} [AP]M today\./);
  expect(await addedFaxes()).toHaveLength(1);
  await asked.getByRole('button', { name: 'Send again anyway' }).click();
  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  await expect.poll(async () => (await addedFaxes()).length).toBe(2);
});
