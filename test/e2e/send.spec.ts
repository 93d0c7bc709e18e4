import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { dropFiles, makePdf, sinchControl, watchFaxes, expectDelivered } from './support/fixtures';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('drop a PDF, send to the demo number, watch it reach Completed', async ({ page }) => {
  const addedFaxes = await watchFaxes(sinchControl());
  const pdf = await makePdf(2, 'Referral');
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await dropFiles(page, [{ name: 'referral.pdf', mimeType: 'application/pdf', buffer: pdf }]);
  const tile = page.getByRole('listitem').filter({ hasText: 'referral.pdf' });
  await expect(tile).toContainText('2 pages');
  await expect(page.getByRole('button', { name: 'Remove referral.pdf' })).toBeVisible();

  await page.getByLabel('Fax number').fill('+19898989898');
  const send = page.getByRole('button', { name: /^Send/ });
  await expect(send).toHaveText('Send 2 pages to 1 recipient');
  await send.click();

  // Compose clears and the Outbox shows the job, live, until the provider confirms delivery; then it
  // moves to Sent and the Outbox says so.
  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Outbox faxes' }).getByRole('listitem').filter({ hasText: '+1 989 898 9898' }).first()).toBeVisible();
  const row = await expectDelivered(page, '+1 989 898 9898');

  const added = await addedFaxes();
  expect(added).toHaveLength(1);
  const fax = added[0]!;
  expect(fax.to).toBe('+19898989898');
  const uploads = fax.uploads as Array<{ filename: string; sha256: string; bytes: number }>;
  expect(uploads).toHaveLength(1);
  expect(uploads[0]!.filename).toContain('referral');
  // The document that reached the provider is the one that was dropped (or its normalised copy with the same pages).
  expect(fax.numberOfPages === 2 || uploads[0]!.sha256 === sha256(pdf)).toBe(true);

  // The detail pane tells the whole story.
  await row.getByRole('button').first().click();
  const detail = page.getByRole('region', { name: 'Fax details' });
  await expect(detail).toContainText('referral.pdf');
  await expect(detail).toContainText('Provider fax ID');
  await expect(detail).toContainText(fax.id);

  // Sent from the sidebar puts focus on its heading.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Outbox' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sent' }).click();
  await expect(page.getByRole('heading', { name: 'Sent', level: 1 })).toBeFocused();
});

test('single number path: type a number, press Ctrl+Enter', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New fax' }).click();
  await page.getByLabel('Choose files').setInputFiles({ name: 'one.pdf', mimeType: 'application/pdf', buffer: await makePdf(1) });
  await expect(page.getByRole('listitem').filter({ hasText: 'one.pdf' })).toContainText('1 page');
  await page.getByLabel('Fax number').fill('(989) 898-9898');
  await expect(page.getByRole('button', { name: /^Send/ })).toHaveText('Send 1 page to 1 recipient');
  await page.getByLabel('Fax number').press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '+1 989 898 9898' }).first()).toBeVisible();
});
