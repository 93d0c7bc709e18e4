import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test, type Page } from '@playwright/test';
import { SinchControlClient } from '../../main/emulators/sinch/sinchControlClient';
import { ownPorts, startDevWeb, stopDevWeb } from './support/devWebProcess';
import { makePdf } from './support/fixtures';

/**
 * PHI out of the side channels over a whole flow in Chromium (issue 13, item 5): every value
 * `document.title` takes (a MutationObserver installed before the app loads) and everything the
 * dev bridge's core writes to its log (its own dev:web, FAXDESK_LOG=debug) while a fax with a cover
 * page, a subject and a patient-named file is sent, a fax from a contact is received and read, and
 * retention removes an old document. None may hold a fixture name, subject or full number.
 */
const ports = ownPorts(4);
const url = ports.url;

const NAMES = ['Margaret Hamilton', 'Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Biopsy results'];
const NUMBERS = ['+14155550123', '+12125550188'];
const numberPattern = (e164: string) => new RegExp(e164.slice(2).split('').join('[\\s().+-]*'));
const LEAKS = [...NAMES.map((name) => new RegExp(name.replace(' ', '\\s+'), 'i')), ...NUMBERS.map(numberPattern)];
const leaksIn = (texts: readonly string[]) => texts.flatMap((text) => LEAKS.filter((p) => p.test(text)).map((p) => `${p} in: ${text}`));

/** Records every title the page shows, across navigations and reloads. */
async function recordTitles(page: Page, titles: string[]): Promise<void> {
  await page.exposeFunction('__faxdeskTitle', (title: string) => { titles.push(title); });
  // A string: this file is typed without the DOM, the script runs in the page before the app.
  await page.addInitScript(`(() => {
    let last;
    const check = () => { if (document.title !== last) { last = document.title; window.__faxdeskTitle(document.title); } };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
    document.addEventListener('DOMContentLoaded', check);
  })();`);
}

type Bridge = { faxdesk: { inbox: { syncNow(input: object): Promise<unknown> }; contacts: { add(input: object): Promise<unknown> } } };

test('window titles and the core\'s log carry no names, subjects or full numbers through a send, a receive, reading it and retention', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-phi-'));
  const output: string[] = [];
  const titles: string[] = [];
  let server: ChildProcess | undefined;
  try {
    server = await startDevWeb(ports, dataDir, { FAXDESK_LOG: 'debug' }, output);
    await recordTitles(page, titles);
    await page.goto(url);
    await page.evaluate(() => (globalThis as unknown as Bridge).faxdesk.contacts.add({ name: 'Margaret Hamilton', faxNumber: '+14155550123' }));

    // Send: a patient-named file, a cover page with a subject, to a named recipient.
    await page.keyboard.press('Control+n');
    await page.getByLabel('Choose files').setInputFiles({ name: 'Referral Alan Turing.pdf', mimeType: 'application/pdf', buffer: await makePdf(1, 'Ada Lovelace') });
    await expect(page.getByRole('listitem').filter({ hasText: 'Referral Alan Turing.pdf' })).toContainText('1 page', { timeout: 30_000 });
    await page.getByLabel('Fax number').fill('+1 212 555 0188');
    await page.getByLabel('Cover page template').selectOption({ label: 'Healthcare (confidential)' });
    await page.getByLabel('Recipient name', { exact: true }).fill('Grace Hopper');
    await page.getByLabel('Subject', { exact: true }).fill('Biopsy results Ada Lovelace');
    await page.getByRole('button', { name: /^Send 2 pages to 1 recipient/ }).click();
    await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Sent/ }).click();
    await expect(page.getByRole('list', { name: 'Sent faxes' }).getByRole('listitem')).toHaveCount(1, { timeout: 60_000 });

    // Receive from a contact, open it and read it in the viewer.
    await new SinchControlClient(`http://127.0.0.1:${ports.sinch}`).inbound({ from: '+14155550123', to: '+12015550100', pages: 2 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Inbox/ }).click();
    await page.evaluate(() => (globalThis as unknown as Bridge).faxdesk.inbox.syncNow({}));
    const row = page.getByRole('listbox', { name: 'Inbox faxes' }).getByRole('option').filter({ hasText: '+1 415 555 0123' });
    await expect(row).toHaveCount(1, { timeout: 30_000 });
    await expect.poll(() => titles.some((title) => /^Faxdesk \(\d+\)$/.test(title)), { timeout: 10_000 }).toBe(true); // the unread count shows
    await row.click();
    await page.getByRole('button', { name: 'Open the pages' }).click({ timeout: 30_000 });
    await expect(page.getByRole('img', { name: /^Page 1 of 2/ })).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
    await page.keyboard.press('Escape');

    // Retention: the fax dated 40 days back, then a 30-day setting chosen in Settings.
    const file = new DatabaseSync(join(dataDir, 'faxdesk.sqlite'));
    file.prepare(`UPDATE faxes SET created_at = ? WHERE from_number = '+14155550123'`).run(new Date(Date.now() - 40 * 86_400_000).toISOString());
    file.close();
    await page.keyboard.press('Control+,');
    const received = page.getByLabel('Keep received faxes’ documents for');
    await expect(received).toHaveValue('forever');
    await received.selectOption({ label: '30 days' });
    await expect(page.getByText('Saved. Older documents are removed now, then once a day.')).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Inbox/ }).click();
    await row.click();
    await expect(page.getByText(/^Document removed by retention on .*The fax service was not asked/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Print' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Print' })).toHaveAccessibleDescription(/^Document removed by retention on /);

    await stopDevWeb(server);
    server = undefined;
    const log = output.join('').split('\n').filter(Boolean);
    expect(log.some((line) => line.includes('retention removed documents'))).toBe(true); // the log was captured
    expect(titles.length).toBeGreaterThan(1);
    expect(leaksIn(titles)).toEqual([]);
    expect(leaksIn(log)).toEqual([]);
  } finally {
    await stopDevWeb(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
