import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { sinchControl, welkinControl } from './support/fixtures';

/** The bridge as the page sees it (typed structurally: this file compiles without the DOM library). */
interface PageBridge {
  faxdesk: { inbox: {
    syncNow(input?: object): Promise<{ ok: boolean }>;
    list(query: object): Promise<{ ok: boolean; value: { total: number } }>;
  } };
}

const display = (e164: string) => `+1 ${e164.slice(2, 5)} ${e164.slice(5, 8)} ${e164.slice(8)}`;
const listOf = (page: Page) => page.getByRole('listbox', { name: 'Inbox faxes' });

/** A fax received at a demo emulator from `from`, polled in at once; answers its row in the Inbox. */
async function receive(page: Page, at: 'sinch' | 'welkin', from: string, pages: number) {
  const control = at === 'sinch' ? sinchControl() : welkinControl();
  const received = await control.inbound({ from, to: '+12015550100', pages });
  await page.evaluate(() => (globalThis as unknown as PageBridge).faxdesk.inbox.syncNow({}));
  const row = listOf(page).getByRole('option').filter({ hasText: display(from) });
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  return { row, received: received as unknown as { id: string } };
}

/** Opens the fax in the viewer once its document has downloaded. */
async function openViewer(page: Page, row: ReturnType<Page['getByRole']>) {
  await row.click();
  await page.getByRole('button', { name: 'Open the pages' }).click({ timeout: 20_000 });
  await expect(page.getByRole('img', { name: /^Page 1 of \d+/ })).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
}

test.describe.configure({ mode: 'serial' });

test('a Welkin fax: read in the viewer, a page turned and still turned after a reload, reviewed, filed to a patient, saved byte for byte, printed whole', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const from = '+13125557301';
  const { row } = await receive(page, 'welkin', from, 3);
  await openViewer(page, row);
  await expect(page.getByRole('heading', { name: `Fax from ${display(from)}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Pages' }).getByRole('listitem')).toHaveCount(3);

  // Turn page 1; the turn is kept with the fax: reload, open again, still turned.
  await page.getByRole('button', { name: 'Turn page 1 a quarter clockwise' }).click();
  await expect(page.getByRole('img', { name: 'Page 1 of 3, turned 90°' })).toHaveAttribute('data-phase', 'done');
  await page.reload();
  await openViewer(page, listOf(page).getByRole('option').filter({ hasText: display(from) }));
  await expect(page.getByRole('img', { name: 'Page 1 of 3, turned 90°' })).toHaveAttribute('data-phase', 'done');
  // The next page by keyboard, and back.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('img', { name: 'Page 2 of 3' })).toHaveAttribute('data-phase', 'done');
  await page.keyboard.press('ArrowLeft');

  const faxAtWelkin = async () => (await welkinControl().faxes()).find((fax) => fax.senderFaxNumber === from)!;
  // Reviewed: written back to Welkin.
  await page.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(page.getByRole('button', { name: 'Mark not reviewed' })).toBeVisible();
  await expect.poll(async () => (await faxAtWelkin()).reviewed, { timeout: 20_000 }).toBe(true);

  // Filed to a patient found by part of the last name, with a document type.
  await page.getByRole('button', { name: 'File to patient…' }).click();
  const dialog = page.getByRole('dialog', { name: 'File to patient' });
  await dialog.getByLabel('Find the patient').fill('lovel');
  await dialog.getByRole('list', { name: 'Patients found' }).getByRole('button', { name: /Ada Lovelace/ }).click();
  const type = dialog.getByLabel('Document type');
  const typeName = (await type.locator('option:checked').textContent())!;
  await dialog.getByRole('button', { name: 'File to Ada Lovelace' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await faxAtWelkin()).patientId, { timeout: 20_000 }).toBe('283f50d3-3c4a-4d7e-9a1b-6f2e8c0d1a25');
  await expect(page.getByText(`Filed to Ada Lovelace — ${typeName}`).first()).toBeVisible();

  // Save as PDF: the fax's document byte for byte, under a clean name.
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const saved = await download;
  expect(saved.suggestedFilename()).not.toMatch(/[\\/:]/);
  expect(saved.suggestedFilename()).toMatch(/^Fax .*3 pages\.pdf$/);
  const sha = createHash('sha256').update(readFileSync((await saved.path())!)).digest('hex');
  expect(sha).toBe((await faxAtWelkin()).files[0]!.sha256);

  // Print: exactly the fax's three pages go to the print dialog.
  await page.evaluate(() => {
    const w = globalThis as unknown as { print(): void; printedPages?: number; document: { querySelectorAll(s: string): { length: number } } };
    w.print = () => { w.printedPages = w.document.querySelectorAll('#print-root img').length; };
  });
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { printedPages?: number }).printedPages)).toBe(3);

  // Back to the list: it shows where the fax was filed.
  await page.keyboard.press('Escape');
  await expect(listOf(page).getByRole('option').filter({ hasText: display(from) })).toContainText('Filed to Ada Lovelace');
});

test('a 3-page fax split into 1 + 2; a tag found by search; a Sinch fax deleted: its document gone at Sinch and the fax gone from the list', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const from = '+13125557402';
  const { row } = await receive(page, 'sinch', from, 3);
  await openViewer(page, row);
  await page.getByRole('button', { name: 'Split pages off…' }).click();
  const split = page.getByRole('dialog', { name: 'Split pages off' });
  await split.getByLabel('Page 1', { exact: true }).uncheck();
  await split.getByLabel('Page 2', { exact: true }).check();
  await split.getByLabel('Page 3', { exact: true }).check();
  await split.getByRole('button', { name: 'Split off 2 pages' }).click();
  await expect(split.getByRole('status')).toContainText('Pages 2–3 are now a document of their own');
  await split.getByRole('button', { name: 'Done' }).click();
  // The fax itself stays whole.
  await expect(page.getByRole('list', { name: 'Pages' }).getByRole('listitem')).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(page.getByText(/Pages 2–3 of fax from/)).toBeVisible();

  // A tag, found by the inbox's search.
  await page.getByLabel('Tags', { exact: true }).fill('lab-results-7402');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('list', { name: 'Tags of this fax' })).toContainText('lab-results-7402');
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox', { name: 'Search faxes' }).fill('lab-results-7402');
  await expect(listOf(page).getByRole('option')).toHaveCount(1);
  await expect(listOf(page).getByRole('option')).toContainText(display(from));

  // Delete: Sinch keeps the record but not the document; Faxdesk no longer lists it.
  // The Delete key in the list asks the same question.
  await listOf(page).getByRole('option').first().click();
  await listOf(page).focus();
  await page.keyboard.press('Delete');
  const ask = page.getByRole('alertdialog', { name: 'Delete this fax?' });
  await expect(ask).toContainText('its record');
  await ask.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(listOf(page).getByRole('option').filter({ hasText: display(from) })).toHaveCount(0, { timeout: 15_000 });
  const atSinch = (await sinchControl().faxes()).find((fax) => fax.from === from);
  expect(atSinch?.hasFile).toBe(false);
});

test('print a selection: two faxes picked with Ctrl+click go to the print dialog as one job of all their pages', async ({ page }) => {
  await page.goto('/');
  const first = await receive(page, 'sinch', '+13125557611', 1);
  const second = await receive(page, 'sinch', '+13125557612', 2);
  await first.row.click();
  await second.row.click({ modifiers: ['Control'] });
  const bar = page.getByRole('group', { name: 'Selected faxes' });
  await expect(bar).toContainText('2 faxes selected');
  await expect(second.row).toHaveAttribute('aria-selected', 'true');
  await expect(first.row).toHaveAttribute('aria-selected', 'true');
  await page.evaluate(() => {
    const w = globalThis as unknown as { print(): void; printedPages?: number; document: { querySelectorAll(s: string): { length: number } } };
    w.print = () => { w.printedPages = w.document.querySelectorAll('#print-root img').length; };
  });
  // Both documents must have downloaded before they can be printed: the bar says so until then.
  await expect.poll(async () => {
    await bar.getByRole('button', { name: 'Print 2 faxes' }).click();
    await expect(bar.getByRole('button', { name: 'Print 2 faxes' })).toBeEnabled();
    return page.evaluate(() => (globalThis as unknown as { printedPages?: number }).printedPages);
  }, { timeout: 30_000, intervals: [1000] }).toBe(3);
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  await expect(bar).toBeHidden();

  // Dragged out of the window, a fax is a PDF named like Save as PDF (the browser's download drag here;
  // Electron's OS drag is tested in test/unit/shellDragOut.test.ts).
  const data = await page.evaluateHandle(() => new (globalThis as unknown as { DataTransfer: new () => { getData(type: string): string } }).DataTransfer());
  await second.row.dispatchEvent('dragstart', { dataTransfer: data });
  const downloadUrl = await data.evaluate((d) => d.getData('DownloadURL'));
  expect(downloadUrl).toMatch(/^application\/pdf:Fax \d{4}-\d{2}-\d{2} \d{4} from \+1 312 555 7612, 2 pages\.pdf:http:\/\/.+\/__bridge\/documents\//);
  const body = await page.request.get(downloadUrl.replace(/^application\/pdf:[^:]+:/, ''));
  expect(body.ok()).toBe(true);
  expect((await body.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

test('forward with a cover page; archive instead of delete: the fax leaves the inbox, is kept here and at Welkin, and comes back', async ({ page }) => {
  await page.goto('/');
  const from = '+13125557503';
  const { row } = await receive(page, 'welkin', from, 1);
  await row.click();
  // Forward: compose with the fax's page and a cover page saying what it is.
  await page.getByRole('button', { name: 'Forward' }).click({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'New fax', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Cover page template')).not.toHaveValue('none');
  await expect(page.getByLabel('Subject', { exact: true })).toHaveValue(/^Forwarded fax: 1 page received/);
  await page.getByRole('button', { name: 'Discard…' }).click();
  await page.getByRole('alertdialog', { name: 'Discard this draft?' }).getByRole('button', { name: 'Discard' }).click();
  await page.keyboard.press('Escape'); // back to the inbox
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await row.click();
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(listOf(page).getByRole('option').filter({ hasText: display(from) })).toHaveCount(0);
  // Kept: a search of archived faxes finds it, and Welkin still has it.
  const archived = await page.evaluate((sender) => (globalThis as unknown as PageBridge).faxdesk.inbox.list({ archived: true, sender }), from);
  expect(archived.value.total).toBe(1);
  expect((await welkinControl().faxes()).some((fax) => fax.senderFaxNumber === from)).toBe(true);
  // "With archived" shows it, marked; "Move back to the inbox" brings it back.
  await page.getByRole('checkbox', { name: 'With archived' }).check();
  const again = listOf(page).getByRole('option').filter({ hasText: display(from) });
  await expect(again).toContainText('Archived');
  await again.click();
  await page.getByRole('button', { name: 'Move back to the inbox' }).click();
  await page.getByRole('checkbox', { name: 'With archived' }).uncheck();
  await expect(listOf(page).getByRole('option').filter({ hasText: display(from) })).toHaveCount(1);
  await expect(listOf(page).getByRole('option').filter({ hasText: display(from) })).not.toContainText('Archived');
});
