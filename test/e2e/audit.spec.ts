import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { sinchControl } from './support/fixtures';

/** The bridge as the page sees it (typed structurally: this file compiles without the DOM library). */
interface PageBridge { faxdesk: { inbox: { syncNow(input?: object): Promise<{ ok: boolean }> } } }

const display = (e164: string) => `+1 ${e164.slice(2, 5)} ${e164.slice(5, 8)} ${e164.slice(8)}`;
const day = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

test('the audit log: opening and reviewing a fax are listed with the initials, filtered, verified, exported as CSV; an entry edited in the file is named', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  const from = '+13125557401';
  await sinchControl().inbound({ from, to: '+12015550100', pages: 1 });
  await page.evaluate(() => (globalThis as unknown as PageBridge).faxdesk.inbox.syncNow({}));
  const row = page.getByRole('listbox', { name: 'Inbox faxes' }).getByRole('option').filter({ hasText: display(from) });
  await expect(row).toHaveCount(1, { timeout: 20_000 });

  // Initials first, so what follows is logged with them.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeFocused();
  await page.getByLabel('Your initials on this desk').fill('JD');
  await page.getByLabel('Your initials on this desk').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'logged as JD' })).toBeVisible();

  await nav.getByRole('button', { name: /^Inbox/ }).click();
  await row.click();
  await page.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(page.getByRole('button', { name: 'Mark not reviewed' })).toBeVisible();

  await nav.getByRole('button', { name: 'Audit log' }).click();
  const entries = page.getByRole('table', { name: 'Audit entries, newest first' });
  await expect(entries.getByRole('row').filter({ hasText: 'Marked reviewed' })).toHaveCount(1);
  await expect(entries.getByRole('row').filter({ hasText: 'Viewed' }).first()).toContainText('(JD)');
  await expect(entries.getByRole('row').filter({ hasText: 'Initials changed' })).toHaveCount(1);
  // No number, name or subject on the screen.
  await expect(entries).not.toContainText(from.slice(-4));

  // Filter by action, by keyboard.
  await page.getByLabel('Action').selectOption({ label: 'Marked reviewed' });
  await page.getByRole('button', { name: 'Show' }).press('Enter');
  await expect(entries.getByRole('row')).toHaveCount(2); // the header and the one entry

  // A range that ends before it starts is refused in words.
  const today = new Date();
  await page.getByLabel('From').fill(day(new Date(today.getTime() + 2 * 86_400_000)));
  await page.getByLabel('To (inclusive)').fill(day(today));
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'ends before it starts' })).toBeVisible();

  // Verify: intact.
  await page.getByRole('button', { name: 'Verify audit log' }).click();
  await expect(page.getByRole('status').filter({ hasText: /The audit log is intact \(\d+ entries\)/ })).toBeVisible();

  // Export CSV of today.
  await page.getByLabel('From').fill(day(today));
  await page.getByLabel('Action').selectOption({ label: 'All actions' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^faxdesk-audit-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  expect(csv.split('\r\n')[0]).toBe('id,time_utc,os_user,profile,action,target_type,target_id,detail,prev_hash,hash');
  expect(csv).toMatch(/,JD,reviewed,fax,[^,]+,value=true,/);
  expect(csv).not.toContain(from.slice(1));
  await expect(entries.getByRole('row').filter({ hasText: 'Audit log exported' })).toHaveCount(1);

  // Someone with the file drops the trigger and edits entry 2: Verify names it.
  const db = new DatabaseSync(join(process.env.E2E_DATA_DIR!, 'faxdesk.sqlite'));
  db.exec(`DROP TRIGGER IF EXISTS audit_log_no_update; UPDATE audit_log SET action = 'printed' WHERE id = 2`);
  db.close();
  await page.getByRole('button', { name: 'Verify audit log' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Entry #2 was changed or removed' })).toBeVisible();
});
