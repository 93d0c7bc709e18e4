import { expect, test } from '@playwright/test';
import { sendFacingFault, sinchControl, expectDelivered } from './support/fixtures';

test.afterEach(async () => {
  await sinchControl().clearFaults();
});

test('a send cut off mid-request is Uncertain; sending again needs a confirmation', async ({ page }) => {
  const { row, addedFaxes } = await sendFacingFault(page, 'reset', 'consent.pdf', 'Consent');
  await expect(row).toContainText('Uncertain', { timeout: 20_000 });
  await row.getByRole('button').first().click();
  await expect(page.getByRole('region', { name: 'Fax details' })).toContainText('Uncertain — check before resending');
  await expect(page.getByRole('region', { name: 'Fax details' })).toContainText('What to do: Check with the recipient before sending it again.');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Outbox/ })).toContainText('1 uncertain');

  // Not re-sent behind anyone's back, and not without asking.
  await row.getByRole('button', { name: 'Retry fax to …9898' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Send this fax again?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Uncertain');

  await row.getByRole('button', { name: 'Retry fax to …9898' }).click();
  await expect(confirm).toContainText('may already have reached …9898');
  await confirm.getByRole('button', { name: 'Send again anyway' }).click();
  await expectDelivered(page, '+1 989 898 9898');
  expect(await addedFaxes()).toHaveLength(1);
});
