import { expect, test } from '@playwright/test';
import { sendFacingFault, sinchControl, expectDelivered } from './support/fixtures';

test.afterEach(async () => {
  await sinchControl().clearFaults();
});

test('a provider 500 on send shows Failed with the reason; Retry then delivers it once', async ({ page }) => {
  const { row, addedFaxes } = await sendFacingFault(page, '500', 'labs.pdf', 'Labs');
  await expect(row).toContainText('Failed', { timeout: 20_000 });
  await expect(row.getByRole('button', { name: 'Retry fax to …9898' })).toBeVisible();
  // Said in words in the sidebar too, not only in red.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Outbox/ })).toContainText('1 failed');
  expect(await addedFaxes()).toHaveLength(0);

  // The detail explains why and what to do next.
  await row.getByRole('button').first().click();
  const detail = page.getByRole('region', { name: 'Fax details' });
  await expect(detail).toContainText('Why:');
  await expect(detail).toContainText('Attempts');

  await row.getByRole('button', { name: 'Retry fax to …9898' }).click();
  await expectDelivered(page, '+1 989 898 9898');
  expect(await addedFaxes()).toHaveLength(1);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Outbox/ })).not.toContainText('failed');
});
