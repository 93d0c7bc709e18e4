import { expect, test, type Page } from '@playwright/test';
import { SINCH_DEMO_CREDENTIALS } from '../../main/emulators/sinch/constants';
import { sinchUrl } from './support/fixtures';

const dialog = (page: Page) => page.getByRole('dialog');
const card = (page: Page, name: string) => page.getByRole('list', { name: 'Accounts' }).getByRole('listitem').filter({ hasText: name });

test('first run shows the Demo account and how to add a real one', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByText('Demo', { exact: false }).first()).toBeVisible();
  // Accounts are checked at start-up: both demo accounts come up connected.
  await expect(nav.getByText('Connected')).toHaveCount(2);
  await page.keyboard.press('Control+,');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  const demo = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem').first();
  await expect(demo).toContainText('Demo');
  await expect(page.getByText(/To send real faxes, add your Sinch account/)).toBeVisible();
});

test('add a Sinch account, test it, a wrong secret fails clearly, remove it', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+,');
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByLabel('Account name')).toBeFocused();

  // Saving an empty form shows each problem next to its input and changes nothing.
  await dialog(page).getByRole('button', { name: 'Add account' }).click();
  await expect(dialog(page).getByLabel('Account name')).toHaveAccessibleDescription('Give the account a name');
  await expect(dialog(page).getByLabel('Project ID')).toHaveAccessibleDescription('Project ID is required');
  await expect(dialog(page).getByLabel('Key secret')).toHaveAccessibleDescription(/Enter the key secret/);

  await dialog(page).getByLabel('Account name').fill('Clinic Sinch');
  await dialog(page).getByLabel('Project ID').fill(SINCH_DEMO_CREDENTIALS.projectId);
  await dialog(page).getByLabel('Key ID').fill(SINCH_DEMO_CREDENTIALS.keyId);
  await dialog(page).getByLabel('Key secret').fill(SINCH_DEMO_CREDENTIALS.keySecret);
  await expect(dialog(page).getByLabel('Key secret')).toHaveAttribute('type', 'password');
  await dialog(page).getByLabel('Authentication').selectOption('oauth2');
  await dialog(page).getByLabel('Region').selectOption('eu1');
  await dialog(page).getByText('Advanced').click();
  await dialog(page).getByLabel('API base URL').fill('not a url');
  await dialog(page).getByRole('button', { name: 'Add account' }).click();
  await expect(dialog(page).getByLabel('API base URL')).toHaveAccessibleDescription(/full address/);
  await dialog(page).getByLabel('API base URL').fill(sinchUrl());
  await dialog(page).getByLabel('Auth URL').fill(sinchUrl());
  await dialog(page).getByRole('button', { name: 'Add account' }).click();
  await expect(dialog(page)).toBeHidden();

  const clinic = card(page, 'Clinic Sinch');
  await expect(clinic).toBeVisible();
  await clinic.getByRole('button', { name: 'Test connection' }).click();
  await expect(clinic.getByRole('status')).toContainText('Connection works', { timeout: 15_000 });
  await expect(page.getByRole('navigation', { name: 'Main' }).getByText('Clinic Sinch')).toBeVisible();

  // Edit: the stored secret is never shown; empty keeps it; a wrong one fails the test in words.
  await clinic.getByRole('button', { name: 'Edit' }).click();
  await expect(dialog(page).getByLabel('Key secret')).toHaveValue('');
  await expect(dialog(page).getByText('A secret is stored. Leave this empty to keep it.')).toBeVisible();
  await expect(dialog(page).getByLabel('Project ID')).toHaveValue(SINCH_DEMO_CREDENTIALS.projectId);
  await dialog(page).getByLabel('Key secret').fill('wrong-secret');
  await dialog(page).getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog(page)).toBeHidden();
  await clinic.getByRole('button', { name: 'Test connection' }).click();
  await expect(clinic.getByRole('status')).toContainText('Connection failed', { timeout: 15_000 });

  // With two accounts, compose asks which one to send from.
  await page.keyboard.press('Control+n');
  await expect(page.getByLabel('Send from')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+,');

  // Remove asks first; Cancel keeps it.
  await card(page, 'Clinic Sinch').getByRole('button', { name: 'Remove' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove Clinic Sinch?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(card(page, 'Clinic Sinch')).toBeVisible();
  await card(page, 'Clinic Sinch').getByRole('button', { name: 'Remove' }).click();
  await confirm.getByRole('button', { name: 'Remove account' }).click();
  await expect(card(page, 'Clinic Sinch')).toHaveCount(0);
  await expect(page.getByText('Clinic Sinch was removed.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByText('Clinic Sinch')).toHaveCount(0);
});

test('add a Welkin account form shows its own fields and default base URL', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+,');
  await page.getByRole('button', { name: 'Add account' }).click();
  await dialog(page).getByRole('radio', { name: 'Welkin Health' }).check();
  await expect(dialog(page).getByLabel('Tenant')).toBeVisible();
  await expect(dialog(page).getByLabel('API base URL')).toHaveValue('https://api.live.welkincloud.io');
  await expect(dialog(page).getByLabel('Client secret')).toHaveAttribute('type', 'password');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
});

test('how often the inbox is checked and whether a new fax sounds are settings that survive a reload', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+,');
  const poll = page.getByLabel('Check for new faxes');
  const sound = page.getByRole('checkbox', { name: 'Play a sound when a fax arrives' });
  await expect(sound).toBeChecked();
  await poll.selectOption({ label: 'Every minute' });
  await expect(page.getByRole('status').filter({ hasText: 'Each account is checked this often' })).toBeVisible();
  await sound.uncheck();
  await expect(page.getByRole('status').filter({ hasText: 'New faxes arrive silently' })).toBeVisible();
  await page.reload();
  await page.keyboard.press('Control+,');
  await expect(page.getByLabel('Check for new faxes')).toHaveValue('60');
  await expect(page.getByRole('checkbox', { name: 'Play a sound when a fax arrives' })).not.toBeChecked();
  // Back as they were, for the specs that follow.
  await page.getByLabel('Check for new faxes').selectOption({ label: 'Every 30 seconds' });
  await page.getByRole('checkbox', { name: 'Play a sound when a fax arrives' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'New faxes play a sound' })).toBeVisible();
});
