import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../../common/ipc/result';

export interface PdfFacts {
  pages: number;
}

const requireHere = createRequire(import.meta.url);
let standardFontDataUrl: string | undefined;

function fontsUrl(): string {
  standardFontDataUrl ??= pathToFileURL(join(dirname(requireHere.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/').href;
  return standardFontDataUrl;
}

/** The first bytes of a PDF (after optional junk, which readers tolerate in the first 1 KB). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/**
 * Opens a PDF with pdf.js (lazy: only the xref and page tree are read) to count pages and to
 * refuse what a fax service cannot send: encrypted or broken files.
 */
export async function inspectPdf(bytes: Uint8Array, name: string): Promise<PdfFacts> {
  if (!looksLikePdf(bytes)) {
    throw AppError.of('unsupported_file', `${name} is not a PDF.`, { nextStep: 'Choose a PDF file, or print the document to PDF first.' });
  }
  const { getDocument, PasswordException } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: plainView(bytes),
    standardFontDataUrl: fontsUrl(),
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const meta = await doc.getMetadata().catch(() => undefined);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    if (info.EncryptFilterName) {
      throw AppError.of('unsupported_file', `${name} is encrypted.`, { nextStep: 'Save an unprotected copy of the PDF and add that instead.' });
    }
    if (doc.numPages < 1) throw AppError.of('unsupported_file', `${name} has no pages.`);
    return { pages: doc.numPages };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof PasswordException || (error as { name?: string }).name === 'PasswordException') {
      throw AppError.of('unsupported_file', `${name} is password-protected.`, { nextStep: 'Save an unprotected copy of the PDF and add that instead.' });
    }
    throw AppError.of('unsupported_file', `${name} is damaged and cannot be read as a PDF.`, { nextStep: 'Open it in a PDF viewer and save or print it to a new PDF.' });
  } finally {
    await task.destroy();
  }
}

/**
 * pdf.js refuses Node Buffers and may take over the memory it is given. A view over a buffer that
 * owns its whole ArrayBuffer costs nothing; a slice of a shared pool (small Buffers) is copied.
 */
function plainView(bytes: Uint8Array): Uint8Array {
  const ownsBuffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return ownsBuffer ? new Uint8Array(bytes.buffer, 0, bytes.byteLength) : new Uint8Array(bytes);
}
