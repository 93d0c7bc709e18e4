import { expect, test } from '@playwright/test';
import { dropFiles, emulatorControl, emulatorFaxes, makePdf } from './support/fixtures';

test.afterEach(async () => {
  await emulatorControl('faults', { rate: 0, kinds: ['500'] });
});

test('a provider 500 on send shows Failed with the reason; Retry then delivers it once', async ({ page }) => {
  const before = new Set((await emulatorFaxes()).map((f) => f.id));
  await emulatorControl('faults', { rate: 1, kinds: ['500'], method: 'POST', pathPattern: '/faxes$', count: 1 });

  await page.goto('/');
  await dropFiles(page, [{ name: 'labs.pdf', mimeType: 'application/pdf', buffer: await makePdf(1, 'Labs') }]);
  await expect(page.getByRole('listitem').filter({ hasText: 'labs.pdf' })).toContainText('1 page');
  await page.getByLabel('Fax number').fill('+19898989898');
  await page.getByRole('button', { name: /^Send/ }).click();

  // Newest first: the job just sent is the top row.
  const row = page.getByRole('list', { name: 'Outbox faxes' }).getByRole('listitem').first();
  await expect(row).toContainText(/Failed — \S/, { timeout: 20_000 });
  await expect(row.getByRole('button', { name: 'Retry' })).toBeVisible();
  // Said in words in the sidebar too, not only in red.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Outbox/ })).toContainText('1 failed');
  expect((await emulatorFaxes()).filter((f) => !before.has(f.id))).toHaveLength(0);

  // The detail explains why and what to do next.
  await row.getByRole('button').first().click();
  const detail = page.getByRole('region', { name: 'Fax details' });
  await expect(detail).toContainText('Why:');
  await expect(detail).toContainText('Attempts');

  await row.getByRole('button', { name: 'Retry' }).click();
  await expect(row).toContainText('Completed', { timeout: 25_000 });
  expect((await emulatorFaxes()).filter((f) => !before.has(f.id))).toHaveLength(1);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Outbox/ })).not.toContainText('failed');
});
