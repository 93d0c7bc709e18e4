import { expect, test } from '@playwright/test';

/**
 * Issue 12 (updates): the feed address is a setting, off by default; a wrong address is refused in
 * words and nothing is saved; in the dev bridge (not the installed app) the status says updates
 * come only to the installed app.
 */
test('the update feed: off by default, a wrong address refused, a good one saved and kept after a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
  const feed = page.getByLabel('Update feed address');
  await expect(feed).toHaveValue('');
  await expect(feed).toHaveAccessibleDescription(/Leave it empty to keep updates off.*Updates are off/);

  await feed.fill('http://updates.example.com/faxdesk/');
  await page.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved: The update feed must be an https:// address' })).toBeVisible();

  await feed.fill('https://updates.example.com/faxdesk/');
  await feed.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Only the installed Faxdesk app updates itself.' })).toBeVisible();
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByLabel('Update feed address')).toHaveValue('https://updates.example.com/faxdesk/');

  // Off again: the address is emptied.
  await page.getByLabel('Update feed address').fill('');
  await page.getByRole('button', { name: 'Save address' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Updates are off.' })).toBeVisible();
});
