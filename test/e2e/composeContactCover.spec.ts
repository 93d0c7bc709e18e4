import { expect, test, type Response } from '@playwright/test';
import type { FaxdeskApi } from '../../common/ipc/bridge';
import { makePdf, paste, sinchControl, sinchUrl, watchFaxes } from './support/fixtures';
import { latestCoverText, readPages, sinchDocument } from './support/sentPages';

type PageApi = { faxdesk: FaxdeskApi };

test('a contact picked by organisation, a pasted number, a healthcare cover greeting each recipient by name: both faxes carry it as page 1', async ({ page }) => {
  test.setTimeout(120_000); // two faxes to completion and cover pages drawn as fields change, on a shared machine
  const addedFaxes = await watchFaxes(sinchControl());
  // Every PDF the preview loads: the cover is redrawn by the core as the fields change.
  const pdfs: Response[] = [];
  page.on('response', (response) => { if ((response.headers()['content-type'] ?? '').includes('application/pdf')) pdfs.push(response); });
  await page.goto('/');
  // The address book holds the recipient (added through the app's own bridge; removed after the test,
  // so the Contacts specs of the run see only their own).
  const added = await page.evaluate(() => (globalThis as unknown as PageApi).faxdesk.contacts.add({
    name: 'Dr. Imani Adeyemi', organisation: 'Lakeshore Imaging', faxNumber: '+1 989 898 9811', notes: '', favourite: false,
  }));
  expect(added.ok).toBe(true);
  test.info().annotations.push({ type: 'contact', description: added.ok ? added.value.id : '' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New fax' }).click();
  const to = page.getByRole('combobox', { name: 'Fax number' });
  await to.pressSequentially('lakesh');
  const listbox = page.getByRole('listbox', { name: 'Contacts and numbers' });
  await expect(listbox.getByRole('option').first()).toContainText('Dr. Imani Adeyemi');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const chips = page.getByRole('list', { name: 'Recipients' }).getByRole('listitem');
  await expect(chips).toHaveCount(1);
  // The second recipient from a pasted pair: the contact's own number again is dropped, and said.
  await paste(page, '+1 989 898 9811\n+1 989 898 9812');
  await expect(chips).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: 'already in the list' })).toHaveText('+1 989 898 9811 was already in the list.');

  await page.getByLabel('Choose files').setInputFiles({ name: 'echo-report.pdf', mimeType: 'application/pdf', buffer: await makePdf(2, 'Echo report body') });
  await expect(page.getByRole('listitem').filter({ hasText: 'echo-report.pdf' })).toContainText('2 pages', { timeout: 30_000 });
  await page.getByLabel('Cover page template').selectOption({ label: 'Healthcare (confidential)' });
  // The recipient name is left empty: the address book fills it for each recipient.
  await expect(page.getByLabel('Recipient name', { exact: true })).toHaveAttribute('placeholder', 'Dr. Imani Adeyemi (address book)');
  await page.getByLabel('Subject', { exact: true }).fill('Echo results for R. Mensah');
  await page.getByLabel('Message', { exact: true }).fill('Results attached.\nPlease call with questions.');

  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('img', { name: 'Page 1 of 3 (cover page)' })).toBeVisible({ timeout: 30_000 });
  // Page 1 of the preview is the page the core drew for the first recipient: the contact's name on it.
  await expect.poll(() => latestCoverText(page, pdfs), { timeout: 15_000 }).toMatch(/Dr\. Imani Adeyemi.*Lakeshore Imaging.*COVER\) 3.*Echo results for R\. Mensah/);

  await page.getByRole('button', { name: 'Send 3 pages to 2 recipients' }).click();
  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  await expect.poll(async () => (await addedFaxes()).filter((fax) => fax.status === 'COMPLETED').length, { timeout: 40_000 }).toBe(2);
  await expect(page.getByText(/^Fax to \+1 989 898 981\d completed and moved to Sent\.$/)).toBeVisible({ timeout: 25_000 });

  // What the Sinch emulator holds: the cover is page 1, with the contact's name for the contact, the subject and "3 pages".
  const faxes = await addedFaxes();
  expect(faxes.map((fax) => fax.to).sort()).toEqual(['+19898989811', '+19898989812']);
  for (const fax of faxes) {
    const pages = await readPages(await sinchDocument(sinchUrl(), fax.id));
    expect(pages).toHaveLength(3);
    expect(pages[0]!.text).toContain('Echo results for R. Mensah');
    expect(pages[0]!.text).toMatch(/PAGES \(INCLUDING THIS COVER\) 3/);
    if (fax.to === '+19898989811') expect(pages[0]!.text).toContain('Dr. Imani Adeyemi');
    else expect(pages[0]!.text).not.toContain('Dr. Imani Adeyemi'); // a number not in the address book is not greeted by someone else's name
    expect(pages[1]!.text).toContain('Echo report body');
  }
});

test.afterEach(async ({ page }) => {
  // Whatever happened above, the contact does not stay for the specs after this one.
  const id = test.info().annotations.find((a) => a.type === 'contact')?.description;
  if (id) await page.evaluate((contact) => (globalThis as unknown as PageApi).faxdesk.contacts.remove({ id: contact }), id).catch(() => undefined);
});
