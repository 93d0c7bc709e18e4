import { expect, test, type Page } from '@playwright/test';
import { sinchControl } from './support/fixtures';

/** The bridge as the page sees it (typed structurally: this file compiles without the DOM library). */
type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
interface PageBridge {
  faxdesk: {
    inbox: { syncNow(input?: object): Promise<Answer>; list(query: object): Promise<Answer> };
    contacts: { add(draft: object): Promise<Answer> };
    settings: { update(change: object): Promise<Answer> };
    lock: { unlock(input: object): Promise<Answer>; setPin(input: object): Promise<Answer>; activity(input?: object): Promise<Answer> };
  };
}
/** The page's own `window.faxdesk` (page.evaluate runs outside the page's CSP; the page itself allows no eval). */
const faxdesk = (page: Page) => ({
  inboxList: () => page.evaluate(() => (globalThis as unknown as PageBridge).faxdesk.inbox.list({})),
  syncNow: () => page.evaluate(() => (globalThis as unknown as PageBridge).faxdesk.inbox.syncNow({})),
  addContact: (name: string, faxNumber: string) => page.evaluate((d) => (globalThis as unknown as PageBridge).faxdesk.contacts.add(d), { name, faxNumber }),
  settings: (change: object) => page.evaluate((c) => (globalThis as unknown as PageBridge).faxdesk.settings.update(c), change),
  unlock: (pin: string) => page.evaluate((p) => (globalThis as unknown as PageBridge).faxdesk.lock.unlock({ pin: p }), pin),
  activity: () => page.evaluate(() => (globalThis as unknown as PageBridge).faxdesk.lock.activity({})),
  removePin: (pin: string) => page.evaluate((p) => (globalThis as unknown as PageBridge).faxdesk.lock.setPin({ current: p, pin: null }), pin),
});

const PIN = '731946';
const SENDER = '+14155557342';
const SENDER_NAME = 'Hopper Cardiology';
const LATE_SENDER = '+13125558861';
const display = (e164: string) => `+1 ${e164.slice(2, 5)} ${e164.slice(5, 8)} ${e164.slice(8)}`;
const listOf = (page: Page) => page.getByRole('listbox', { name: 'Inbox faxes' });
/** The app itself (the inbox list exists only once a fax is there). */
const appShown = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const lockHeading = (page: Page) => page.getByRole('heading', { name: 'Faxdesk is locked' });
const pinField = (page: Page) => page.getByLabel('PIN', { exact: true });

/** Everything the page holds as text: the DOM (attributes included), what is rendered, and the title. */
const pageText = (page: Page) => page.evaluate(() => {
  const { document: doc } = globalThis as unknown as { document: { title: string; documentElement: { outerHTML: string }; body: { innerText: string } } };
  return `${doc.title}\n${doc.documentElement.outerHTML}\n${doc.body.innerText}`;
});

test.describe.configure({ mode: 'serial' });

test.afterAll(async ({ browser }) => {
  // The rest of the suite shares this core: leave it unlocked, without a PIN, at the usual settings.
  const page = await browser.newPage();
  await page.goto('/');
  const f = faxdesk(page);
  await f.unlock(PIN);
  await f.removePin(PIN);
  await f.settings({ lockAfterMinutes: 5, inboxPollSeconds: 30 });
  await page.close();
});

test('Ctrl+L without a PIN says to set one first, and nothing locks', async ({ page }) => {
  await page.goto('/');
  await expect(appShown(page)).toBeVisible();
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('status').filter({ hasText: 'Set a PIN in Settings, under Lock, first: then Ctrl+L locks Faxdesk.' })).toBeVisible();
  await expect(lockHeading(page)).toHaveCount(0);
});

test('locked with Ctrl+L the window shows no fax data; three wrong PINs back off; a fax that arrives meanwhile is in the inbox after unlock', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const f = faxdesk(page);
  expect(await f.addContact(SENDER_NAME, SENDER)).toMatchObject({ ok: true });
  // Polls every 10 s from now on: the fax sent while locked arrives by the loop alone (the window may not ask).
  expect(await f.settings({ inboxPollSeconds: 10 })).toMatchObject({ ok: true });
  await f.syncNow();

  // Settings → Lock: a PIN, typed twice.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByLabel('Lock after this long idle')).toBeDisabled();
  await pinField(page).fill(PIN);
  await page.getByLabel('PIN again', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await expect(page.getByText('The PIN was set.')).toBeVisible();
  await expect(page.getByLabel('Lock after this long idle')).toHaveValue('5');
  await page.getByRole('heading', { name: 'Lock', level: 2 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('lock-settings.png') }); // for a person to look at

  // The lock screen before any fax is here: what it looks like with nothing to hide.
  await page.keyboard.press('Control+l');
  await expect(lockHeading(page)).toBeVisible();
  await expect(pinField(page)).toBeFocused();
  const emptyLock = await page.screenshot({ animations: 'disabled', path: test.info().outputPath('lock-screen.png') });
  await pinField(page).fill(PIN);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible(); // back where the person was

  // The sender in the address book, and a fax from them, opened in the inbox.
  await page.getByRole('button', { name: 'Contacts' }).click();
  await expect(page.getByText(SENDER_NAME).first()).toBeVisible();
  await sinchControl().inbound({ from: SENDER, to: '+12015550100', pages: 2 });
  await f.syncNow();
  await page.getByRole('button', { name: /^Inbox/ }).first().click();
  const row = listOf(page).getByRole('option').filter({ hasText: display(SENDER) });
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  await row.click();
  await expect(page.getByRole('region', { name: 'Fax details' })).toContainText(display(SENDER));

  // Ctrl+L from the list: no number, name, count or page of the fax anywhere in the page.
  await page.keyboard.press('Control+l');
  await expect(lockHeading(page)).toBeVisible();
  await expect(page).toHaveTitle('Faxdesk — locked');
  const text = await pageText(page);
  for (const secret of [SENDER, display(SENDER), SENDER.slice(2), '555 7342', SENDER_NAME, 'Hopper']) expect(text, secret).not.toContain(secret);
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(page.getByRole('img')).toHaveCount(0);
  // The screenshot is the lock screen as it was before the fax came, pixel for pixel: nothing of it is drawn.
  expect((await page.screenshot({ animations: 'disabled' })).equals(emptyLock)).toBe(true);
  // The core refuses the page fax data, whatever asks.
  expect(await f.inboxList()).toMatchObject({ ok: false, error: { code: 'locked', message: 'Faxdesk is locked.' } });

  // A reload is no way in: the page asks, the core says locked, and refuses the page everything else.
  await page.reload();
  await expect(lockHeading(page)).toBeVisible();
  const reloaded = await pageText(page);
  for (const secret of [SENDER, display(SENDER), SENDER.slice(2), SENDER_NAME]) expect(reloaded, secret).not.toContain(secret);

  // A fax arrives while locked.
  await sinchControl().inbound({ from: LATE_SENDER, to: '+12015550100', pages: 1 });

  // Three wrong PINs: the third makes Faxdesk wait 30 s; even the right PIN is refused meanwhile.
  for (const wrong of ['000000', '111111']) {
    await pinField(page).fill(wrong);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toContainText('That PIN is not right.');
    await expect(pinField(page)).toHaveValue('');
  }
  await pinField(page).fill('222222');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('That PIN is not right. Try again in 30 s.');
  await expect(page.getByText(/^Try again in (29|30) s\.$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeDisabled();
  await expect(page.getByText(/^Try again in 2\d s\.$/)).toBeVisible({ timeout: 5_000 }); // it counts down
  expect(await f.unlock(PIN)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });

  // After the wait the right PIN unlocks, and the fax that came meanwhile is in the inbox.
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeEnabled({ timeout: 35_000 });
  await pinField(page).fill(PIN);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(appShown(page)).toBeVisible();
  await expect(listOf(page).getByRole('option').filter({ hasText: display(LATE_SENDER) })).toHaveCount(1, { timeout: 20_000 });
  await expect(listOf(page).getByRole('option').filter({ hasText: display(SENDER) })).toHaveCount(1);
});

test('locks by itself after the idle time (3 s here), and the PIN can be removed in Settings', async ({ page }) => {
  await page.goto('/');
  const f = faxdesk(page);
  await expect(appShown(page)).toBeVisible();
  await f.activity(); // the idle time starts now (the window reports a person's use the same way)
  const idleFrom = Date.now();
  expect(await f.settings({ lockAfterMinutes: 0.05 })).toMatchObject({ ok: true });
  await expect(lockHeading(page)).toBeVisible({ timeout: 10_000 });
  expect(Date.now() - idleFrom).toBeGreaterThanOrEqual(2_900);
  await pinField(page).fill(PIN);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(appShown(page)).toBeVisible();
  await f.settings({ lockAfterMinutes: 5 }); // before 3 s pass again
  await page.reload(); // the page's copy of the settings is from before the change the test made behind its back
  await expect(appShown(page)).toBeVisible();

  // The PIN removed in Settings: auto-lock is off.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByLabel('Lock after this long idle')).toHaveValue('5');
  await page.getByLabel('Current PIN').fill(PIN);
  await page.getByRole('button', { name: 'Remove PIN' }).click();
  await expect(page.getByText('The PIN was removed. Faxdesk no longer locks.')).toBeVisible();
  await expect(page.getByLabel('Lock after this long idle')).toBeDisabled();
});
