import { pdfBytes } from '../../support/testKit';

/** The demo Sinch emulator the dev bridge started for this run (see playwright.config.ts). */
export const sinchUrl = () => process.env.FAXDESK_TEST_SINCH_URL ?? 'http://127.0.0.1:4790';

/** A small real PDF with `pages` pages of text. */
export async function makePdf(pages = 1, title = 'Faxdesk test'): Promise<Buffer> {
  return Buffer.from(await pdfBytes({ pages, text: title }));
}

export interface EmulatorFax {
  id: string;
  to: string;
  status: string;
  [key: string]: unknown;
}

export async function emulatorFaxes(): Promise<EmulatorFax[]> {
  const response = await fetch(`${sinchUrl()}/__emulator/faxes`);
  const body = (await response.json()) as { faxes: EmulatorFax[] };
  return body.faxes;
}

export async function emulatorControl(path: string, body: unknown = {}): Promise<void> {
  const response = await fetch(`${sinchUrl()}/__emulator/${path}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${path}: ${response.status} ${await response.text()}`);
}

/** Drops files onto the page the way a person drags them from the desktop. */
export async function dropFiles(page: import('@playwright/test').Page, files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> {
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
