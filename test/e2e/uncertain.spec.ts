import { expect, test } from '@playwright/test';
import { dropFiles, emulatorControl, emulatorFaxes, makePdf } from './support/fixtures';

test.afterEach(async () => {
  await emulatorControl('faults', { rate: 0, kinds: ['reset'] });
});

test('a send cut off mid-request is Uncertain; sending again needs a confirmation', async ({ page }) => {
  const before = new Set((await emulatorFaxes()).map((f) => f.id));
  await emulatorControl('faults', { rate: 1, kinds: ['reset'], method: 'POST', pathPattern: '/faxes$', count: 1 });

  await page.goto('/');
  await dropFiles(page, [{ name: 'consent.pdf', mimeType: 'application/pdf', buffer: await makePdf(1, 'Consent') }]);
  await expect(page.getByRole('listitem').filter({ hasText: 'consent.pdf' })).toContainText('1 page');
  await page.getByLabel('Fax number').fill('+19898989898');
  await page.getByRole('button', { name: /^Send/ }).click();

  const row = page.getByRole('list', { name: 'Outbox faxes' }).getByRole('listitem').first();
  await expect(row).toContainText('Uncertain — check before resending', { timeout: 20_000 });
  await expect(row).toContainText('Check with the recipient before sending it again.');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Outbox/ })).toContainText('1 uncertain');

  // Not re-sent behind anyone's back, and not without asking.
  await row.getByRole('button', { name: /Send again anyway/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Send this fax again?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Uncertain');

  await row.getByRole('button', { name: /Send again anyway/ }).click();
  await confirm.getByRole('button', { name: 'Send again anyway' }).click();
  await expect(row).toContainText('Completed', { timeout: 25_000 });
  expect((await emulatorFaxes()).filter((f) => !before.has(f.id))).toHaveLength(1);
});
