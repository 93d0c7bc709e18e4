import { expect, test } from '@playwright/test';
import { makePdf, watchFaxes, welkinControl, expectDelivered } from './support/fixtures';

test('send from the Welkin demo account and watch it reach Completed', async ({ page }) => {
  const addedFaxes = await watchFaxes(welkinControl());
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByText('Connected')).toHaveCount(2);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New fax' }).click();
  await page.getByLabel('Choose files').setInputFiles({ name: 'welkin.pdf', mimeType: 'application/pdf', buffer: await makePdf(1, 'Welkin') });
  await expect(page.getByRole('listitem').filter({ hasText: 'welkin.pdf' })).toContainText('1 page');

  const from = page.getByLabel('Send from');
  const welkin = from.getByRole('option', { name: /Welkin/ });
  await from.selectOption((await welkin.getAttribute('value'))!);
  await expect(from.locator('option:checked')).toContainText('Welkin');

  await page.getByLabel('Fax number').fill('+19898989898');
  const send = page.getByRole('button', { name: /^Send/ });
  await expect(send).toHaveText('Send 1 page to 1 recipient');
  await send.click();

  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  await expectDelivered(page, '+1 989 898 9898');

  const added = await addedFaxes();
  expect(added).toHaveLength(1);
  expect(added[0]!.direction).toBe('OUTGOING');
  expect(added[0]!.receiverFaxNumber).toBe('+19898989898');
});
