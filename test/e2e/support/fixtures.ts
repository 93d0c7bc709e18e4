import { expect, type Page } from '@playwright/test';
import type { EmulatorControlClient } from '../../../main/emulators/shared/controlClient';
import type { FaultKind } from '../../../main/emulators/shared/faults';
import { SinchControlClient } from '../../../main/emulators/sinch/sinchControlClient';
import { WelkinControlClient } from '../../../main/emulators/welkin/welkinControlClient';
import { pdfBuffer } from '../../support/testKit';

/** The demo emulators the dev bridge started for this run (see playwright.config.ts). */
export const sinchUrl = () => process.env.FAXDESK_TEST_SINCH_URL ?? 'http://127.0.0.1:4790';
export const welkinUrl = () => process.env.FAXDESK_TEST_WELKIN_URL ?? 'http://127.0.0.1:4791';
export const sinchControl = () => new SinchControlClient(sinchUrl());
export const welkinControl = () => new WelkinControlClient(welkinUrl());

/** A small real PDF with `pages` pages of text. */
export function makePdf(pages = 1, title = 'Faxdesk test'): Promise<Buffer> {
  return pdfBuffer({ pages, text: title });
}

/** Remembers the faxes an emulator holds now; the function returned lists those added since. */
export async function watchFaxes<Fax extends { id: string }>(control: EmulatorControlClient<Fax, unknown>): Promise<() => Promise<Fax[]>> {
  const before = new Set((await control.faxes()).map((fax) => fax.id));
  return async () => (await control.faxes()).filter((fax) => !before.has(fax.id));
}

/** Drops a generated PDF onto the page and waits until its tile shows the page count. */
export async function dropPdf(page: Page, name: string, pages = 1, title?: string): Promise<void> {
  await dropFiles(page, [{ name, mimeType: 'application/pdf', buffer: await makePdf(pages, title) }]);
  await expect(page.getByRole('listitem').filter({ hasText: name })).toContainText(pages === 1 ? '1 page' : `${pages} pages`);
}

/**
 * Sends a one-page PDF to the demo number while the Sinch emulator fails the submit once with
 * `kind`; answers the job's Outbox row (newest first: the top one) and the faxes added since.
 */
export async function sendFacingFault(page: Page, kind: FaultKind, name: string, title: string) {
  const addedFaxes = await watchFaxes(sinchControl());
  await sinchControl().faults({ rate: 1, kinds: [kind], method: 'POST', pathPattern: '/faxes$', count: 1 });
  await page.goto('/');
  await dropPdf(page, name, 1, title);
  await page.getByLabel('Fax number').fill('+19898989898');
  await page.getByRole('button', { name: /^Send/ }).click();
  return { row: page.getByRole('list', { name: 'Outbox faxes' }).getByRole('listitem').first(), addedFaxes };
}

/** Drops files onto the page the way a person drags them from the desktop. */
export async function dropFiles(page: Page, files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, mimeType: file.mimeType, base64: file.buffer.toString('base64') }));
  // Runs in the page; typed structurally because this file compiles without the DOM library.
  const dataTransfer = await page.evaluateHandle((items) => {
    const web = globalThis as unknown as {
      DataTransfer: new () => { items: { add(file: unknown): void } };
      File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
    };
    const transfer = new web.DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new web.File([bytes], item.name, { type: item.mimeType }));
    }
    return transfer;
  }, payload);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
}

/**
 * Waits until the fax to `display` ("+1 989 898 9898") completes: it leaves the Outbox for Sent and
 * the Outbox says so. Opens it in Sent and answers its row there.
 */
export async function expectDelivered(page: Page, display: string, timeout = 25_000) {
  await expect(page.getByText(`Fax to ${display} completed and moved to Sent.`)).toBeVisible({ timeout });
  await page.getByRole('button', { name: 'Show it in Sent' }).click();
  await expect(page.getByRole('heading', { name: 'Sent', level: 1 })).toBeVisible();
  const row = page.getByRole('list', { name: 'Sent faxes' }).getByRole('listitem').filter({ hasText: display }).first();
  await expect(row).toContainText('Completed');
  await expect(row).toHaveAttribute('aria-current', 'true');
  return row;
}

/** Pastes text into the focused field the way Ctrl+V does (a paste event carrying the clipboard's text). */
export async function paste(page: Page, text: string): Promise<void> {
  // Runs in the page; typed structurally because this file compiles without the DOM library.
  await page.evaluate((value) => {
    const web = globalThis as unknown as {
      DataTransfer: new () => { setData(type: string, value: string): void };
      ClipboardEvent: new (type: string, init: object) => unknown;
      document: { activeElement: { dispatchEvent(event: unknown): void } | null };
    };
    const data = new web.DataTransfer();
    data.setData('text/plain', value);
    web.document.activeElement?.dispatchEvent(new web.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}
