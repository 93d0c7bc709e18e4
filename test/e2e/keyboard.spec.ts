import { expect, test, type Page } from '@playwright/test';
import { dropFiles, makePdf } from './support/fixtures';

/** The focused element (never the page itself) draws a visible focus outline. */
async function expectVisibleFocus(page: Page) {
  const focused = page.locator(':focus');
  await expect(focused).toHaveCount(1);
  await expect(focused).toHaveCSS('outline-style', 'solid');
  await expect(focused).not.toHaveCSS('outline-width', '0px');
}

test('Ctrl+N, Ctrl+, and Escape; focus is always visible', async ({ page }) => {
  await page.goto('/');
  // The app opens on the Inbox.
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();

  await page.keyboard.press('Control+n');
  await expect(page.getByRole('heading', { name: 'New fax', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Fax number')).toBeFocused();
  await page.keyboard.type('+1 201 555 0123');

  // Escape closes compose, back where it was opened from, and keeps the draft.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+n');
  await expect(page.getByLabel('Fax number')).toHaveValue('+1 201 555 0123');

  await page.keyboard.press('Control+,');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

  // Focus moved to the pane's heading; Tab and Shift+Tab stops all show their focus.
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeFocused();
  for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    await expectVisibleFocus(page);
  }

  await page.getByRole('button', { name: 'Add account' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Add account' })).toBeFocused();
});

test('↑/↓ move through the Outbox and Enter opens the detail', async ({ page }) => {
  await page.goto('/');
  await dropFiles(page, [{ name: 'two.pdf', mimeType: 'application/pdf', buffer: await makePdf(1, 'Keyboard walk') }]);
  const number = page.getByLabel('Fax number');
  // Two numbers that end failed, so both stay in the Outbox (a completed fax moves to Sent).
  await number.fill('+19898989801, +19898989807');
  await expect(page.getByRole('button', { name: /^Send/ })).toHaveText('Send 1 page to 2 recipients');
  await page.keyboard.press('Control+Enter');

  // Fax rows (a multi-recipient send also has a line above its faxes that says how they went).
  const rows = page.getByRole('list', { name: 'Outbox faxes' }).getByRole('listitem').filter({ has: page.getByRole('button') });
  await expect(page.getByRole('list', { name: 'Outbox faxes' }).getByRole('listitem').first()).toContainText('One send to 2 numbers');
  // Newest first: the two just sent lead the list (older unfinished jobs may follow).
  await expect(rows.filter({ hasText: '+1 989 898 9801' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: '+1 989 898 9807' }).first()).toBeVisible();
  await rows.nth(0).getByRole('button').first().focus();
  await expectVisibleFocus(page);
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(rows.nth(1).getByRole('button').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(rows.nth(0)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Fax to / })).toBeFocused();
});
