import { expect, test } from '@playwright/test';
import { sendFacingFault, sinchControl } from './support/fixtures';

test.afterEach(async () => {
  await sinchControl().clearFaults();
});

test('a send cut off mid-request is Uncertain; sending again needs a confirmation', async ({ page }) => {
  const { row, addedFaxes } = await sendFacingFault(page, 'reset', 'consent.pdf', 'Consent');
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
  expect(await addedFaxes()).toHaveLength(1);
});
