import type { Page, Response } from '@playwright/test';
import { SINCH_DEMO_CREDENTIALS } from '../../../main/emulators/sinch/constants';

/** One page of the PDF a provider holds, as a test recognises it: its text, its turn, its images' pixel sizes. */
export interface SentPage { text: string; rotation: number; images: string[] }

/** The document the Sinch emulator stores for a fax (its API, Basic auth with the demo credentials). */
export async function sinchDocument(sinchUrl: string, faxId: string): Promise<Buffer> {
  const { projectId, keyId, keySecret } = SINCH_DEMO_CREDENTIALS;
  const response = await fetch(`${sinchUrl}/v3/projects/${projectId}/faxes/${faxId}/file.pdf`, {
    headers: { Authorization: `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}` },
  });
  if (!response.ok) throw new Error(`The emulator answered ${response.status} for the fax document`);
  return Buffer.from(await response.arrayBuffer());
}

/** Reads every page with pdf.js: text joined by spaces, rotation, and "W×H" of each image it paints. */
export async function readPages(pdf: Buffer): Promise<SentPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, verbosity: 0 });
  const doc = await task.promise;
  const pages: SentPage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ').trim();
      const ops = await page.getOperatorList();
      const images: string[] = [];
      ops.fnArray.forEach((fn, i) => {
        if (fn === pdfjs.OPS.paintImageXObject) {
          const [, width, height] = ops.argsArray[i] as [string, number, number];
          images.push(`${width}×${height}`);
        }
      });
      pages.push({ text, rotation: page.rotate, images });
    }
  } finally {
    await task.destroy();
  }
  return pages;
}

/**
 * The text of the newest cover page among the PDFs the preview loaded (`pdfs`, in order): the core
 * redraws the cover as fields change. A body the browser already let go of is fetched again.
 */
export async function latestCoverText(page: Page, pdfs: readonly Response[]): Promise<string> {
  for (const response of [...pdfs].reverse()) {
    const body = await response.body().catch(() => page.evaluate(async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer())], response.url()).then((bytes) => Buffer.from(bytes)));
    const [first] = await readPages(body).catch(() => []);
    if (first?.text.includes('Confidential fax')) return first.text;
  }
  return '';
}
