// Screenshots of the main screens for a person to look at (not a test): light and dark, 1280×800
// and 900×700. Start `npm run dev:web` first (FAXDESK_DEMO_SPEED=8 FAXDESK_DEMO_SINCH_PORT=4790
// FAXDESK_DEMO_WELKIN_PORT=4791 makes the failures arrive quickly and lets the inbox screens fill the
// inbox at both emulators), then, with the same two ports in the environment:
// node test/screens/screens.mjs [out-dir]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const base = process.env.FAXDESK_URL ?? 'http://127.0.0.1:5180';
const out = process.argv[2] ?? 'screens';
mkdirSync(out, { recursive: true });

const doc = await PDFDocument.create();
const font = await doc.embedFont(StandardFonts.Helvetica);
for (let n = 1; n <= 3; n++) doc.addPage([612, 792]).drawText(`Referral letter, page ${n}`, { x: 72, y: 700, size: 18, font });
const pdf = Buffer.from(await doc.save());
const pdfPath = join(out, 'referral.pdf');
writeFileSync(pdfPath, pdf);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  // One batch of faxes with every kind of outcome, sent once.
  const setup = await browser.newPage();
  await setup.goto(base);
  await setup.getByRole('button', { name: /New fax/ }).first().click();
  await setup.getByLabel('Choose files').setInputFiles(pdfPath);
  await setup.getByLabel('Fax number').fill('+19898989898, +19898989801, +19898989803, +19898989804, +19898989807');
  await setup.getByRole('button', { name: /^Send/ }).click();
  await setup.waitForTimeout(8_000);
  // An address book to show: Outlook's and Google's exports imported through the Contacts screen.
  await setup.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Contacts' }).click();
  for (const file of ['outlook.csv', 'google.csv', 'contacts-3.0.vcf']) {
    await setup.getByRole('button', { name: /^Import/ }).first().click();
    await setup.getByLabel('Contacts file').setInputFiles(join(import.meta.dirname, '../fixtures/contacts', file));
    await setup.getByRole('button', { name: /^Import \d+ contacts?$/ }).click({ timeout: 15_000 }).catch(() => setup.keyboard.press('Escape'));
    await setup.waitForTimeout(500);
  }
  // Received faxes for the inbox: one at each Demo account, and more straight at the emulators where
  // their ports are known (FAXDESK_DEMO_SINCH_PORT / FAXDESK_DEMO_WELKIN_PORT), one without a document.
  for (const name of ['Receive a test fax at Demo (Sinch emulator)', 'Receive a test fax at Demo (Welkin emulator)']) {
    const button = setup.getByRole('button', { name });
    if (await button.count()) await button.first().click();
  }
  const inbound = async (port, body) => {
    if (!port) return;
    await fetch(`http://127.0.0.1:${port}/__emulator/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  };
  for (let n = 0; n < 8; n++) {
    await inbound(process.env.FAXDESK_DEMO_SINCH_PORT, { from: `+1415555${String(2100 + n * 37)}`, to: '+12015550100', pages: 1 + (n % 4) });
    await inbound(process.env.FAXDESK_DEMO_WELKIN_PORT, { from: `+1212555${String(3100 + n * 53)}`, to: '+12015550199', pages: 2 + (n % 3) });
  }
  await inbound(process.env.FAXDESK_DEMO_SINCH_PORT, { from: '+14155559911', to: '+12015550100', pages: 2, withoutDocument: true });
  await setup.evaluate(() => globalThis.faxdesk.inbox.syncNow({}));
  await setup.waitForTimeout(4_000);
  await setup.close();

  for (const scheme of ['light', 'dark']) {
    for (const [width, height] of [[1280, 800], [900, 700]]) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(base);
      const shot = async (name) => page.screenshot({ path: join(out, `${name}-${scheme}-${width}x${height}.png`) });
      // The app opens on the Inbox: the list, a fax opened, one whose document is unavailable, Needs review.
      await page.waitForTimeout(800);
      await shot('inbox');
      const inbox = page.getByRole('listbox', { name: 'Inbox faxes' });
      await inbox.getByRole('option').nth(1).click();
      await page.waitForTimeout(500);
      await shot('inbox-detail');
      // The viewer: a Welkin fax (it can be filed), page 1 turned, then the filing dialog.
      const welkinFax = inbox.getByRole('option').filter({ hasText: '+1 212 555' }).first();
      if (await welkinFax.count()) {
        await welkinFax.click();
        await page.getByRole('button', { name: 'Open the pages' }).click();
        await page.getByRole('img', { name: /^Page 1 of/ }).and(page.locator('[data-phase="done"]')).waitFor({ timeout: 15_000 }).catch(() => undefined);
        await page.waitForTimeout(1_000);
        await shot('viewer');
        await page.getByRole('button', { name: /^Turn page 1/ }).click();
        await page.getByLabel('Zoom', { exact: true }).selectOption('page');
        await page.waitForTimeout(1_200);
        await shot('viewer-turned');
        await page.getByRole('button', { name: /^File (to patient|again)/ }).click();
        await page.getByLabel('Find the patient').fill('hop');
        await page.waitForTimeout(800);
        await shot('file-to-patient');
        await page.getByRole('dialog', { name: 'File to patient' }).getByRole('button', { name: 'Cancel' }).click();
        await page.getByRole('button', { name: /^Turn page 1/ }).click();
        await page.getByRole('button', { name: /^Turn page 1/ }).click();
        await page.getByRole('button', { name: /^Turn page 1/ }).click();
        await page.getByRole('button', { name: '← Back to the list' }).click();
      }
      // Two faxes picked: the selection bar with Print.
      if ((await inbox.getByRole('option').count()) > 1) {
        await inbox.getByRole('option').nth(0).click();
        await inbox.getByRole('option').nth(1).click({ modifiers: ['Control'] });
        await page.waitForTimeout(300);
        await shot('inbox-selection');
        await page.getByRole('button', { name: 'Clear selection' }).click();
      }
      const unavailable = inbox.getByRole('option').filter({ hasText: '9911' });
      if (await unavailable.count()) {
        await unavailable.first().click();
        await page.waitForTimeout(500);
        await shot('inbox-unavailable');
      }
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Needs review/ }).click();
      await page.waitForTimeout(500);
      await shot('needs-review');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Demo \(Welkin emulator\)/ }).click();
      await page.waitForTimeout(500);
      await shot('account-inbox');
      await page.getByRole('button', { name: /Outbox/ }).first().click();
      await page.waitForTimeout(500);
      await shot('outbox');
      // A partly delivered fax: its detail, then the question Retry asks.
      const partial = page.getByRole('list', { name: 'Outbox faxes' }).getByRole('listitem').filter({ hasText: '9803' }).first();
      await partial.getByRole('button').first().click();
      await page.waitForTimeout(300);
      await shot('outbox-detail');
      await partial.getByRole('button', { name: /^Retry fax to/ }).click();
      await page.waitForTimeout(300);
      await shot('retry-dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sent' }).click();
      await page.getByRole('list', { name: 'Sent faxes' }).getByRole('listitem').first().getByRole('button').first().click();
      await page.waitForTimeout(300);
      await shot('sent');
      await page.getByRole('button', { name: 'Open the pages' }).click();
      await page.getByRole('img', { name: /^Page 1 of/ }).and(page.locator('[data-phase="done"]')).waitFor({ timeout: 15_000 }).catch(() => undefined);
      await shot('sent-viewer');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /New fax/ }).first().click();
      await page.getByLabel('Choose files').setInputFiles(pdfPath);
      await page.waitForTimeout(1_000);
      // The preview after page operations: page 2 turned, page 3 moved first (Undo offered).
      const preview = page.getByRole('region', { name: 'Preview' });
      await preview.getByRole('button', { name: 'Rotate page 2', exact: true }).click();
      await preview.getByRole('button', { name: 'Move page 3 earlier', exact: true }).click();
      await page.waitForTimeout(800);
      await shot('compose');
      await preview.getByRole('switch', { name: 'As it will print at the other end' }).check();
      await page.waitForTimeout(2_000);
      await shot('faxview');
      await preview.getByRole('button', { name: /^Page 3 of 3/ }).click();
      await page.waitForTimeout(2_000);
      await shot('faxpage');
      await page.keyboard.press('Escape');
      // The cover editor: the healthcare template filled in; page 1 of the preview is the cover the core drew.
      await preview.getByRole('switch', { name: 'As it will print at the other end' }).uncheck();
      await page.getByLabel('Fax number').fill('+1 989 898 9898');
      await page.getByLabel('Cover page template').selectOption({ label: 'Healthcare (confidential)' });
      await page.getByLabel('Recipient name', { exact: true }).fill('Dr. Ada Okafor (יוסי כהן)');
      await page.getByLabel('Sender organisation', { exact: true }).fill('Riverside Clinic');
      await page.getByLabel('Subject', { exact: true }).fill('Referral for J. Doe');
      await page.getByLabel('Message', { exact: true }).fill('Two pages follow. Please call us back to confirm.');
      await page.getByLabel('Urgent').check();
      await preview.getByRole('img', { name: /\(cover page\)$/ }).waitFor();
      await page.waitForTimeout(5_000);
      await page.getByRole('heading', { name: 'Cover page', exact: true }).scrollIntoViewIfNeeded();
      await shot('cover');
      await preview.getByRole('button', { name: /^Page 1 of/ }).click();
      await page.waitForTimeout(2_000);
      await shot('cover-page');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+,');
      await page.waitForTimeout(500);
      await shot('settings');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Contacts' }).click();
      await page.getByRole('list', { name: 'Contacts' }).getByRole('listitem').nth(1).getByRole('button').first().click();
      await page.waitForTimeout(500);
      await shot('contacts');
      await page.getByRole('button', { name: /^Import/ }).first().click();
      await page.getByLabel('Contacts file').setInputFiles(join(import.meta.dirname, '../fixtures/contacts', 'outlook-unicode.txt'));
      await page.waitForTimeout(2_500);
      await shot('contacts-import');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+n');
      // The draft still holds the number typed for the cover shot: start the field afresh.
      await page.getByRole('combobox', { name: 'Fax number' }).fill('');
      await page.getByRole('combobox', { name: 'Fax number' }).pressSequentially('ri');
      await page.waitForTimeout(800);
      await shot('compose-recipients');
      // Closing compose keeps it as a draft: the Drafts screen, and the note that says so.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Drafts' }).click();
      await page.waitForTimeout(1_500);
      await shot('drafts');
      // A Welkin fax filed to a patient, set to send later, then waiting in the Outbox.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New fax' }).click();
      await page.getByRole('button', { name: 'Discard…' }).click();
      await page.waitForTimeout(300);
      await shot('discard-dialog');
      await page.getByRole('alertdialog').getByRole('button', { name: 'Discard', exact: true }).click();
      const from = page.getByLabel('Send from');
      await from.selectOption(await from.getByRole('option', { name: /Welkin/ }).getAttribute('value'));
      // A number of its own for each size and scheme: the same pages to one number twice would ask first.
      const scheduledTo = `+1 989 898 98${scheme === 'light' ? 2 : 3}${width === 1280 ? 1 : 2}`;
      await page.getByLabel('Fax number').fill(scheduledTo);
      await page.getByLabel('Choose files').setInputFiles(pdfPath);
      await page.getByLabel('Subject', { exact: true }).fill('Discharge summary');
      await page.getByRole('combobox', { name: 'Patient' }).pressSequentially('hop');
      await page.waitForTimeout(800);
      await shot('compose-patient-search');
      await page.getByRole('listbox', { name: 'Patients' }).getByRole('option').first().click();
      await page.getByRole('checkbox', { name: 'Send later' }).check();
      await page.waitForTimeout(1_500);
      await shot('compose-welkin');
      await page.getByRole('button', { name: /^Send \d+ pages? to 1 recipient, / }).click();
      await page.waitForTimeout(1_500);
      await page.getByRole('list', { name: 'Outbox faxes' }).getByRole('listitem').filter({ hasText: scheduledTo }).first().getByRole('button').first().click();
      await page.waitForTimeout(800);
      await shot('outbox-scheduled');
      await context.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots in ${out}`);
