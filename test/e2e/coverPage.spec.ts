import { expect, test, type Response } from '@playwright/test';
import { makePdf, sinchControl, sinchUrl, watchFaxes } from './support/fixtures';
import { latestCoverText, readPages, sinchDocument } from './support/sentPages';

test('a healthcare cover page: filled in compose, previewed as page 1, sent first to each of two recipients', async ({ page }) => {
  test.setTimeout(120_000); // two faxes to completion, and the core drawing the cover as the fields change, on a shared machine
  const addedFaxes = await watchFaxes(sinchControl());
  // Every PDF the preview loads, in order: the cover is redrawn by the core as the fields change.
  const pdfs: Response[] = [];
  page.on('response', (response) => { if ((response.headers()['content-type'] ?? '').includes('application/pdf')) pdfs.push(response); });

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New fax' }).click();
  await page.getByLabel('Choose files').setInputFiles({ name: 'referral.pdf', mimeType: 'application/pdf', buffer: await makePdf(2, 'Referral body') });
  await expect(page.getByRole('listitem').filter({ hasText: 'referral.pdf' })).toContainText('2 pages', { timeout: 30_000 });
  await page.getByLabel('Fax number').fill('+1 989 898 9898, +1 989 898 9800,');
  await expect(page.getByRole('button', { name: /^Send/ })).toHaveText('Send 2 pages to 2 recipients');

  await page.getByLabel('Cover page template').selectOption({ label: 'Healthcare (confidential)' });
  await page.getByLabel('Recipient name', { exact: true }).fill('Dr. Ada Okafor');
  await page.getByLabel('Subject', { exact: true }).fill('Referral for J. Doe');
  await page.getByLabel('Message', { exact: true }).fill('Two pages follow.\nPlease call us back to confirm.');
  await page.getByLabel('Urgent').check();

  // The cover is page 1 of the preview, counted in Send, and has no page operations.
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('img', { name: 'Page 1 of 3 (cover page)' })).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByRole('heading', { name: 'Preview — 3 pages' })).toBeVisible();
  await expect(preview.getByRole('button', { name: 'Remove the cover page' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Send/ })).toHaveText('Send 3 pages to 2 recipients');
  await expect(page.getByText(/Estimate: 6 pages \(3 × 2 recipients\)/)).toBeVisible();
  // The page the preview shows is the one the core drew: the first recipient's name and number, the subject, the page count.
  await expect.poll(() => latestCoverText(page, pdfs), { timeout: 15_000 }).toMatch(/Dr\. Ada Okafor.*\+1 989 898 9898.*COVER\) 3.*Referral for J\. Doe/);

  await page.getByRole('button', { name: 'Send 3 pages to 2 recipients' }).click();
  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  // Both complete (the Outbox announces the last one to finish), and both are in Sent as Completed.
  await expect.poll(async () => (await addedFaxes()).filter((fax) => fax.status === 'COMPLETED').length, { timeout: 40_000 }).toBe(2);
  // (expectDelivered expects the one fax's row to be selected; a send to two numbers is shown as a group.)
  await expect(page.getByText(/^Fax to \+1 989 898 98\d\d completed and moved to Sent\.$/)).toBeVisible({ timeout: 25_000 });
  await page.getByRole('button', { name: 'Show it in Sent' }).click();
  await expect(page.getByRole('heading', { name: 'Sent', level: 1 })).toBeVisible();
  const sent = page.getByRole('list', { name: 'Sent faxes' });
  for (const number of ['+1 989 898 9898', '+1 989 898 9800']) await expect(sent.getByRole('listitem').filter({ hasText: number }).first()).toContainText('Completed');

  // What the Sinch emulator holds: the cover first, one per recipient, with its own number, then the two pages.
  const added = await addedFaxes();
  expect(added.map((fax) => fax.to).sort()).toEqual(['+19898989800', '+19898989898']);
  for (const fax of added) {
    const pages = await readPages(await sinchDocument(sinchUrl(), fax.id));
    expect(pages).toHaveLength(3);
    expect(pages[0]!.text).toContain('Dr. Ada Okafor');
    expect(pages[0]!.text).toContain('Referral for J. Doe');
    expect(pages[0]!.text).toMatch(/PAGES \(INCLUDING THIS COVER\) 3/);
    expect(pages[0]!.text).toContain(fax.to === '+19898989800' ? '+1 989 898 9800' : '+1 989 898 9898');
    expect(pages[0]!.text).toContain('Please call us back to confirm.');
    expect(pages[1]!.text).toContain('Referral body');
  }
});
