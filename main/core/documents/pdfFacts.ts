import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What pdf.js found: a page count, or why a fax service could not send the file. */
export type PdfVerdict = { pages: number } | { refused: 'encrypted' | 'password' | 'damaged' | 'no_pages' };

const requireHere = createRequire(import.meta.url);
let standardFontDataUrl: string | undefined;

function fontsUrl(): string {
  standardFontDataUrl ??= pathToFileURL(join(dirname(requireHere.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/').href;
  return standardFontDataUrl;
}

/**
 * Opens a PDF with pdf.js (lazy: only the xref and page tree are read) to count its pages and to
 * spot what a fax service cannot send. Runs in a worker thread (task `pdf.inspect`): pdf.js is
 * CPU-bound, and damaged files can keep it busy. It may take over (detach) `bytes`.
 */
export async function readPdfFacts(bytes: Uint8Array): Promise<PdfVerdict> {
  const { getDocument, PasswordException } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: bytes, standardFontDataUrl: fontsUrl(), stopAtErrors: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const meta = await doc.getMetadata().catch(() => undefined);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    if (info.EncryptFilterName) return { refused: 'encrypted' };
    if (doc.numPages < 1) return { refused: 'no_pages' };
    return { pages: doc.numPages };
  } catch (error) {
    if (error instanceof PasswordException || (error as { name?: string }).name === 'PasswordException') return { refused: 'password' };
    return { refused: 'damaged' };
  } finally {
    await task.destroy();
  }
}
