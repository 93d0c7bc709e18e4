import { expect, test, type Page } from '@playwright/test';
import { sinchControl, welkinControl } from './support/fixtures';

/**
 * The inbox through the real renderer and core: faxes injected at both demo emulators arrive by
 * the poll alone (no refresh), in the one Inbox, Needs review and each account's own inbox.
 * The data folder is shared by every spec of a run, so counts are taken before and after, and a
 * to-number of this run's own narrows the list to exactly its six faxes.
 */

/** The bridge as the page sees it (typed structurally: this file compiles without the DOM library). */
interface PageBridge {
  faxdesk: {
    settings: { update(change: { inboxPollSeconds: number }): Promise<{ ok: boolean }> };
    accounts: { list(): Promise<{ ok: boolean; value: Array<{ id: string; demo: boolean }> }> };
    inbox: {
      syncNow(input?: object): Promise<{ ok: boolean }>;
      syncState(): Promise<{ ok: boolean; value: Array<{ accountId: string; state: string; lastSyncAt?: string }> }>;
    };
  };
}

const POLL_SECONDS = 10;
// Last four digits no other number of this run contains (the search matches any 3+ digits of a number).
const SINCH_SENDERS = ['+14155558361', '+14155558472', '+14155559583'];
const WELKIN_SENDERS = ['+12125559614', '+12125558725', '+12125559836'];
const display = (e164: string) => `+1 ${e164.slice(2, 5)} ${e164.slice(5, 8)} ${e164.slice(8)}`;
/** This run's own number the six faxes are sent to (1000–7999: never holds a sender's last four). */
const TO = `+1201555${1000 + Math.floor(Math.random() * 7000)}`;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const pane = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
const listOf = (page: Page, title: string) => page.getByRole('listbox', { name: `${title} faxes` });
const countText = (page: Page, title: string) => pane(page, title).getByText(/^[\d,]+ fax(es)?$/);

async function countOf(page: Page, title: string): Promise<number> {
  await expect(countText(page, title)).toBeVisible();
  return Number((await countText(page, title).textContent())!.replace(/\D/g, ''));
}

async function search(page: Page, text: string) {
  await page.keyboard.press('Control+f');
  const field = page.getByRole('searchbox', { name: 'Search faxes' });
  await expect(field).toBeFocused();
  await field.fill(text);
}

test.describe.configure({ mode: 'serial' });

test.afterAll(async ({ browser }) => {
  // Later specs of the run poll at the default interval again.
  const page = await browser.newPage();
  await page.goto('/');
  await page.evaluate(() => (globalThis as unknown as PageBridge).faxdesk.settings.update({ inboxPollSeconds: 30 }));
  await page.close();
});

test('faxes sent to both demo accounts reach the one Inbox by the poll alone: unread, counted, reviewable, findable', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();

  // Poll every 10 s; one poll now puts each loop on that interval, and it must finish before the faxes exist.
  const started = new Date().toISOString();
  await page.evaluate(async (seconds) => {
    const { faxdesk } = globalThis as unknown as PageBridge;
    await faxdesk.settings.update({ inboxPollSeconds: seconds });
    await faxdesk.inbox.syncNow({});
  }, POLL_SECONDS);
  // (Only the Demo accounts: other specs of the run may have left accounts that cannot sign in.)
  await expect.poll(async () => page.evaluate(async (since) => {
    const { faxdesk } = globalThis as unknown as PageBridge;
    const demos = new Set((await faxdesk.accounts.list()).value.filter((a) => a.demo).map((a) => a.id));
    const states = (await faxdesk.inbox.syncState()).value.filter((s) => demos.has(s.accountId));
    return states.length === 2 && states.every((s) => s.state === 'ok' && (s.lastSyncAt ?? '') > since);
  }, started), { timeout: 20_000 }).toBe(true);

  const before = await countOf(page, 'Inbox');
  const titleBefore = Number(/\((\d+)\)/.exec(await page.title())?.[1] ?? 0);
  for (const [n, from] of SINCH_SENDERS.entries()) await sinchControl().inbound({ from, to: TO, pages: n + 1 });
  for (const [n, from] of WELKIN_SENDERS.entries()) await welkinControl().inbound({ from, to: TO, pages: n + 2 });

  // No click, no refresh: the next poll (10 s ± 15 %) brings all six.
  await expect(countText(page, 'Inbox')).toHaveText(`${before + 6} faxes`, { timeout: POLL_SECONDS * 1_150 + 3_000 });
  const list = listOf(page, 'Inbox');
  for (const from of [...SINCH_SENDERS, ...WELKIN_SENDERS]) {
    const row = list.getByRole('option').filter({ hasText: display(from) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('New');
    await expect(row.getByText(display(from))).toHaveCSS('font-weight', '700');
  }
  // The window title carries the unread count, and no names or numbers.
  await expect(page).toHaveTitle(`Faxdesk (${titleBefore + 6})`);
  await expect(nav(page).getByRole('button', { name: /^Inbox/ })).toContainText(String(titleBefore + 6));

  // This run's six, by the number they were sent to.
  await search(page, TO.slice(2));
  await expect(countText(page, 'Inbox')).toHaveText('6 faxes');
  await expect(list.getByRole('option')).toHaveCount(6);

  // Needs review holds them (received, not reviewed); the search carries over.
  await nav(page).getByRole('button', { name: /^Needs review/ }).click();
  await expect(countText(page, 'Needs review')).toHaveText('6 faxes');

  // Each account's own inbox: its three.
  await nav(page).getByRole('button', { name: /^Demo \(Sinch emulator\)/ }).click();
  await expect(countText(page, 'Demo (Sinch emulator)')).toHaveText('3 faxes');
  for (const from of SINCH_SENDERS) await expect(listOf(page, 'Demo (Sinch emulator)').getByRole('option').filter({ hasText: display(from) })).toHaveCount(1);
  await nav(page).getByRole('button', { name: /^Demo \(Welkin emulator\)/ }).click();
  await expect(countText(page, 'Demo (Welkin emulator)')).toHaveText('3 faxes');
  for (const from of WELKIN_SENDERS) await expect(listOf(page, 'Demo (Welkin emulator)').getByRole('option').filter({ hasText: display(from) })).toHaveCount(1);

  // Search by a sender's last four digits finds exactly that fax, across every account.
  await nav(page).getByRole('button', { name: /^Inbox/ }).click();
  await search(page, WELKIN_SENDERS[1]!.slice(-4));
  await expect(countText(page, 'Inbox')).toHaveText('1 fax');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText(display(WELKIN_SENDERS[1]!));
});

test('↑/↓, Home/End and Enter in the list; Enter opens the viewer and marks read, Mark reviewed leaves Needs review', async ({ page }) => {
  await page.goto('/');
  await search(page, TO.slice(2));
  const list = listOf(page, 'Inbox');
  await expect(list.getByRole('option')).toHaveCount(6);
  const options = list.getByRole('option');

  // ↓ from the search field goes into the list, on the first fax.
  await page.keyboard.press('ArrowDown');
  await expect(list).toBeFocused();
  await expect(list).toHaveCSS('outline-style', 'solid');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(list).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await page.keyboard.press('End');
  await expect(options.nth(5)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(options.nth(4)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  const first = (await options.nth(0).textContent())!;
  const sender = [...SINCH_SENDERS, ...WELKIN_SENDERS].map(display).find((d) => first.includes(d))!;

  // Enter opens it in the viewer once its pages are here, and the fax is read; Escape comes back to the list.
  const detail = page.getByRole('region', { name: 'Fax details' });
  await expect(detail.getByRole('button', { name: 'Open the pages' })).toBeVisible({ timeout: 20_000 });
  await list.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: new RegExp(`^Fax from ${sender.replace(/\+/g, '\\+')}`), level: 1 })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail).toContainText('To review');
  const row = list.getByRole('option').filter({ hasText: sender });
  await expect(row).toContainText('To review');

  const review = await countOf(page, 'Inbox').then(async () => {
    await nav(page).getByRole('button', { name: /^Needs review/ }).click();
    return countOf(page, 'Needs review');
  });
  await listOf(page, 'Needs review').getByRole('option').filter({ hasText: sender }).click();
  await detail.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(countText(page, 'Needs review')).toHaveText(`${review - 1} ${review - 1 === 1 ? 'fax' : 'faxes'}`);
  await expect(detail).toContainText('Reviewed');
});

test('a Demo account receives a test fax on request; it is announced politely and opens from the list', async ({ page }) => {
  await page.goto('/');
  await nav(page).getByRole('button', { name: /^Demo \(Welkin emulator\)/ }).click();
  const before = await countOf(page, 'Demo (Welkin emulator)');
  await pane(page, 'Demo (Welkin emulator)').getByRole('button', { name: 'Receive a test fax at Demo (Welkin emulator)' }).click();
  await expect(countText(page, 'Demo (Welkin emulator)')).toHaveText(`${before + 1} faxes`, { timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: /^New fax — \d pages?, from …\d{4} \(Demo\)$/ })).toHaveCount(1);
  // The sidebar says how the account's inbox sync stands, in words.
  await expect(nav(page)).toContainText('Inbox up to date');
});
