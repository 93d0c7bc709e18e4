import { expect, test, type Page } from '@playwright/test';
import { dropFiles, dropPdf, makePdf, sinchControl } from './support/fixtures';

const sendButton = (page: Page) => page.getByRole('button', { name: /^Send/ });

test('an invalid fax number keeps Send disabled and says why', async ({ page }) => {
  await page.goto('/');
  await dropPdf(page, 'letter.pdf');

  const number = page.getByLabel('Fax number');
  await number.fill('555-12');
  await number.blur();
  const alert = page.getByRole('alert').filter({ hasText: 'not a complete fax number' });
  await expect(alert).toBeVisible();
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(number).toHaveAccessibleDescription(/not a complete fax number/);
  await expect(sendButton(page)).toBeDisabled();
  await expect(page.getByText('Fix the fax number to send.')).toBeVisible();

  await number.fill('fax me');
  await expect(page.getByRole('alert').filter({ hasText: 'can only contain digits' })).toBeVisible();
  await expect(sendButton(page)).toBeDisabled();

  // Fixing it enables Send and formats the number.
  await number.fill('201 555 0123');
  await expect(page.getByRole('alert').filter({ hasText: 'fax number' })).toHaveCount(0);
  await expect(sendButton(page)).toBeEnabled();
  await number.blur();
  await expect(number).toHaveValue('+1 201 555 0123');
  await expect(sendButton(page)).toHaveText('Send 1 page to 1 recipient');
});

test('no document: Send is disabled with the reason', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+n');
  await page.getByLabel('Fax number').fill('+19898989898');
  await expect(sendButton(page)).toBeDisabled();
  await expect(page.getByText('Add a document to send.')).toBeVisible();
});

test('several recipients as chips; each removable', async ({ page }) => {
  await page.goto('/');
  await dropPdf(page, 'a.pdf', 3);
  const number = page.getByLabel('Fax number');
  await number.fill('+1 201 555 0123');
  await number.press('Enter');
  await number.fill('+1 201 555 0124,');
  await expect(page.getByRole('list', { name: 'Recipients' }).getByRole('listitem')).toHaveCount(2);
  await expect(sendButton(page)).toHaveText('Send 3 pages to 2 recipients');
  await page.getByRole('button', { name: 'Remove +1 201 555 0124' }).click();
  await expect(sendButton(page)).toHaveText('Send 3 pages to 1 recipient');
});

test('files the core cannot fax are refused with a message naming the file, and nothing is uploaded', async ({ page }) => {
  const before = (await sinchControl().faxes()).length;
  await page.goto('/');
  // Judged by content, never by name: a program, and random bytes named .pdf (the core's words say why).
  await dropFiles(page, [
    { name: 'notes.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00 not really a program', 'latin1') },
    { name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from(Array.from({ length: 600 }, (_v, i) => (i * 37 + 11) % 256)) },
    { name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
  ]);
  // Several refusals at once are one summary; its details say why for each file.
  const summary = page.getByRole('alert').filter({ hasText: '3 files were not added' });
  await expect(summary).toBeVisible();
  await summary.getByText('3 files were not added. Show why').click();
  const reasons = summary.getByRole('listitem');
  await expect(reasons.filter({ hasText: /^notes\.exe is not a/ })).toBeVisible();
  await expect(reasons.filter({ hasText: /^notes\.pdf is not a/ })).toBeVisible();
  await expect(reasons.filter({ hasText: 'empty.pdf is empty.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Documents to send' })).toHaveCount(0);
  await expect(page.getByText(/^Drop files anywhere in the window/)).toBeVisible();

  // A good file still goes in next to the refusals; Dismiss clears the summary.
  await page.getByLabel('Choose files').setInputFiles({ name: 'good.pdf', mimeType: 'application/pdf', buffer: await makePdf(2) });
  await expect(page.getByRole('list', { name: 'Documents to send' }).getByRole('listitem')).toHaveCount(1);
  await summary.getByRole('button', { name: 'Dismiss' }).click();
  await expect(summary).toHaveCount(0);
  // One refusal alone is said on its own line.
  await dropFiles(page, [{ name: 'again.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ\x90\x00 not a program either', 'latin1') }]);
  await expect(page.getByRole('alert').filter({ hasText: /^again\.exe is not a/ })).toBeVisible();
  expect((await sinchControl().faxes()).length).toBe(before);
});
