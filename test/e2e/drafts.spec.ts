import { expect, test } from '@playwright/test';
import { WelkinClient } from '../../main/core/providers/welkin/welkinClient';
import { WELKIN_DEMO_CREDENTIALS } from '../../main/emulators/welkin/constants';
import { expectDelivered, makePdf, watchFaxes, welkinControl, welkinUrl } from './support/fixtures';

/** The Welkin emulator's own API, as Welkin's web app (or another integration) would use it. */
const welkinApi = () => new WelkinClient({
  settings: { tenant: WELKIN_DEMO_CREDENTIALS.tenantName, instance: WELKIN_DEMO_CREDENTIALS.instanceName, apiClient: WELKIN_DEMO_CREDENTIALS.apiClientName, baseUrl: welkinUrl() },
  secret: WELKIN_DEMO_CREDENTIALS.secret,
});

test('a number typed and a file attached survive a reload: the draft is in Drafts and opens whole', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+n');
  await page.getByLabel('Fax number').fill('+1 201 555 0177');
  await page.getByLabel('Choose files').setInputFiles({ name: 'lab-results.pdf', mimeType: 'application/pdf', buffer: await makePdf(2, 'Lab results') });
  await expect(page.getByRole('listitem').filter({ hasText: 'lab-results.pdf' })).toContainText('2 pages', { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Saved as a draft' })).toBeVisible();

  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Drafts' }).click();
  await expect(page.getByRole('heading', { name: 'Drafts', level: 1 })).toBeVisible();
  const line = page.getByRole('list', { name: 'Drafts' }).getByRole('listitem').filter({ hasText: 'lab-results.pdf' });
  await expect(line).toContainText('+1 201 555 0177');
  await line.getByRole('button', { name: /^Open the draft/ }).click();
  await expect(page.getByRole('heading', { name: 'New fax', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Fax number')).toHaveValue('+1 201 555 0177');
  await expect(page.getByRole('listitem').filter({ hasText: 'lab-results.pdf' })).toContainText('2 pages');
  await expect(page.getByRole('region', { name: 'Preview' }).getByRole('heading', { name: 'Preview — 2 pages' })).toBeVisible({ timeout: 30_000 });

  // Closing says it was kept; discarding asks, then it is gone from Drafts.
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The fax was kept as a draft.' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New fax' }).click();
  await page.getByRole('button', { name: 'Discard…' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Discard this draft?' });
  await ask.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByLabel('Fax number')).toHaveValue('');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Drafts' }).click();
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem').filter({ hasText: 'lab-results.pdf' })).toHaveCount(0);
});

test('Welkin: the draft is made on Welkin with the patient before it is sent, sent as that draft, and leaves Drafts', async ({ page }) => {
  test.setTimeout(90_000);
  const addedFaxes = await watchFaxes(welkinControl());
  await page.goto('/');
  await page.keyboard.press('Control+n');
  const from = page.getByLabel('Send from');
  await from.selectOption((await from.getByRole('option', { name: /Welkin/ }).getAttribute('value'))!);
  await page.getByLabel('Fax number').fill('+19898989877');
  await page.getByLabel('Choose files').setInputFiles({ name: 'referral.pdf', mimeType: 'application/pdf', buffer: await makePdf(1, 'Referral letter') });
  await expect(page.getByRole('listitem').filter({ hasText: 'referral.pdf' })).toContainText('1 page', { timeout: 30_000 });
  await page.getByLabel('Subject', { exact: true }).fill('Referral for A. Lovelace');
  const patient = page.getByRole('combobox', { name: 'Patient' });
  await patient.pressSequentially('MRN-1001');
  await page.getByRole('listbox', { name: 'Patients' }).getByRole('option', { name: /Ada Lovelace/ }).click();
  await expect(page.getByText('Ada Lovelace · born 1985-12-10 · MRN-1001')).toBeVisible();

  // Before anything is sent, Welkin holds the draft: receiver, subject, patient and file.
  let draft: Awaited<ReturnType<typeof addedFaxes>>[number] | undefined;
  await expect.poll(async () => {
    draft = (await addedFaxes()).find((fax) => fax.status === 'DRAFT' && fax.patientId === '283f50d3-3c4a-4d7e-9a1b-6f2e8c0d1a25' && fax.files.length === 1);
    return draft !== undefined;
  }, { timeout: 20_000 }).toBe(true);
  expect(draft).toMatchObject({ receiverFaxNumber: '+19898989877', subject: 'Referral for A. Lovelace' });

  await page.getByRole('button', { name: /^Send 1 page/ }).click();
  await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  await expectDelivered(page, '+1 989 898 9877');
  const sent = (await addedFaxes()).filter((fax) => fax.direction === 'OUTGOING' && fax.status !== 'DRAFT');
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ id: draft!.id, patientId: '283f50d3-3c4a-4d7e-9a1b-6f2e8c0d1a25', subject: 'Referral for A. Lovelace' });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Drafts' }).click();
  await expect(page.getByRole('heading', { name: 'Drafts', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem').filter({ hasText: 'referral.pdf' })).toHaveCount(0);
});

test('a draft made on Welkin through its API appears in Drafts and opens in compose with its file', async ({ page }) => {
  const made = await welkinApi().createDraft({ receiverFaxNumber: '+12015550166', subject: 'Started in the Welkin web app' });
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Drafts' }).click();
  const line = page.getByRole('list', { name: 'Drafts' }).getByRole('listitem').filter({ hasText: 'Started in the Welkin web app' });
  await expect(line).toContainText('Made on Welkin', { timeout: 20_000 });
  await expect(line).toContainText('+12015550166');
  await line.getByRole('button', { name: /^Open the draft/ }).click();
  await expect(page.getByRole('heading', { name: 'New fax', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recipients' }).getByRole('listitem')).toContainText('+1 201 555 0166');
  await expect(page.getByLabel('Subject', { exact: true })).toHaveValue('Started in the Welkin web app');
  // Discarding it here deletes it on Welkin too.
  await page.getByRole('button', { name: 'Discard…' }).click();
  await page.getByRole('alertdialog', { name: 'Discard this draft?' }).getByRole('button', { name: 'Discard' }).click();
  await expect.poll(async () => (await welkinControl().faxes()).some((fax) => fax.id === made.id), { timeout: 20_000 }).toBe(false);
});
