import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { FaxdeskApi } from '../../common/ipc/bridge';
import { SINCH_DEMO_CREDENTIALS } from '../../main/emulators/sinch/constants';
import { dropPdf, paste, sinchControl, sinchUrl, watchFaxes } from './support/fixtures';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/contacts', name));

/** The page's window.faxdesk, for the calls this spec makes from the page (account set-up and clean-up). */
type PageApi = { faxdesk: FaxdeskApi };

test('import an Outlook CSV: the preview shows what will be imported and why rows are skipped, then Import adds them', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Contacts' }).click();
  await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Import…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  await dialog.getByLabel('Contacts file').setInputFiles({ name: 'outlook.csv', mimeType: 'text/csv', buffer: fixture('outlook.csv') });
  await expect(dialog.getByText('Read as an Outlook contacts export (CSV).')).toBeVisible();
  const rows = dialog.getByRole('table', { name: 'Contacts to import' }).getByRole('row');
  await expect(rows).toHaveCount(4); // the header and three contacts
  await expect(rows.nth(1)).toContainText('Amelia Okafor');
  await expect(rows.nth(1)).toContainText('+1 201 555 0140');
  const skipped = dialog.getByRole('table', { name: 'Skipped rows' });
  await expect(skipped.getByRole('row').filter({ hasText: 'Tom Baker' })).toContainText('No fax number (it has 2 phone numbers, none marked as fax)');
  await expect(skipped.getByRole('row').filter({ hasText: 'Broken Number' })).toContainText('is not a complete fax number');
  await dialog.getByRole('button', { name: 'Import 3 contacts' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 contacts.' }).first()).toBeVisible();
  const list = page.getByRole('list', { name: 'Contacts' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await list.getByRole('button', { name: /^Amelia Okafor/ }).click();
  await expect(page.getByRole('heading', { name: 'Amelia Okafor', level: 2 })).toBeVisible();

  // Search narrows the list by organisation; delete asks first.
  await page.getByLabel('Search contacts').fill('hudson');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: /^Hudson Imaging/ }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete Hudson Imaging?' });
  await confirm.getByRole('button', { name: 'Delete contact' }).click();
  await expect(page.getByText('No contact matches.')).toBeVisible();
});

test('compose: pick a contact by typing part of its organisation, paste two more numbers, hear about a duplicate', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+n');
  const to = page.getByRole('combobox', { name: 'Fax number' });
  await expect(to).toBeFocused();
  await to.pressSequentially('cardio');
  const listbox = page.getByRole('listbox', { name: 'Contacts and numbers' });
  await expect(listbox.getByRole('option').first()).toContainText('Amelia Okafor');
  await expect(to).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(listbox.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const chips = page.getByRole('list', { name: 'Recipients' }).getByRole('listitem');
  await expect(chips).toHaveCount(1);
  await expect(chips.first()).toContainText('Amelia Okafor');
  await expect(to).toHaveValue('');

  // A pasted list: newline- or semicolon-separated, national and 00-prefixed numbers.
  await paste(page, '(201) 555-0188\n0012015550189');
  await expect(chips).toHaveCount(3);
  await expect(chips.nth(1)).toContainText('+1 201 555 0188');
  await expect(chips.nth(2)).toContainText('+1 201 555 0189');
  await paste(page, '+1 201 555 0140; +1 201 555 0188');
  await expect(chips).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'already in the list' })).toHaveText('+1 201 555 0140 and +1 201 555 0188 were already in the list.');

  // Escape closes the list first, then compose.
  await to.pressSequentially('okaf');
  await expect(listbox).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(page.getByRole('heading', { name: 'New fax', level: 1 })).toBeVisible();
});

test('the first fax from a real account to a number never used before asks first; saying yes sends it', async ({ page }) => {
  test.setTimeout(240_000); // two faxes through the emulator on a shared machine
  await page.goto('/');
  const added = await page.evaluate(async ({ url, creds }) => (globalThis as unknown as PageApi).faxdesk.accounts.add({
    name: 'Clinic line', secret: creds.keySecret,
    settings: { provider: 'sinch', sinch: { projectId: creds.projectId, keyId: creds.keyId, authMode: 'basic', region: 'global', baseUrl: url, authUrl: url } },
  }), { url: sinchUrl(), creds: SINCH_DEMO_CREDENTIALS });
  expect(added.ok).toBe(true);
  const accountId = added.ok ? added.value.id : '';
  try {
    await page.keyboard.press('Control+n');
    await page.getByLabel('Send from').selectOption(accountId);
    await dropPdf(page, 'referral.pdf');
    await page.getByLabel('Fax number').fill('+1 201 555 0177');
    await page.getByRole('button', { name: /^Send 1 page/ }).click();
    const question = page.getByRole('alert').filter({ hasText: 'First fax to +1 201 555 0177?' });
    await expect(question).toBeVisible();
    await expect(question).toContainText('one wrong digit sends these pages to a stranger');
    await expect(page.getByRole('heading', { name: 'New fax', level: 1 })).toBeVisible(); // nothing sent yet
    await question.getByRole('button', { name: 'The number is right — send' }).click();
    await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
    await expect(page.getByText('Fax to +1 201 555 0177 completed and moved to Sent.')).toBeVisible({ timeout: 25_000 });
    const added = await watchFaxes(sinchControl());

    // The number is known now: the next fax to it goes without the question.
    await page.keyboard.press('Control+n');
    await page.getByLabel('Send from').selectOption(accountId);
    await dropPdf(page, 'second.pdf', 1, 'Second letter');
    await page.getByLabel('Fax number').fill('+1 201 555 0177');
    await page.getByRole('button', { name: /^Send 1 page/ }).click();
    await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
    await expect.poll(async () => (await added()).map((fax) => fax.to), { timeout: 25_000 }).toEqual(['+12015550177']);
    // Let the second fax finish too, so the account can be removed below.
    await expect(page.getByText('Fax to +1 201 555 0177 completed and moved to Sent.')).toBeVisible({ timeout: 60_000 });
  } finally {
    // Later specs expect only the Demo accounts (an account is removed once its faxes are done).
    await expect.poll(async () => {
      const r = await page.evaluate((id) => (globalThis as unknown as PageApi).faxdesk.accounts.remove({ id }), accountId);
      return r.ok ? r.value.removed : r.error.code === 'not_found';
    }, { timeout: 120_000, intervals: [500] }).toBe(true);
  }
});
