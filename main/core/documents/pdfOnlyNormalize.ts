import { createHash } from 'node:crypto';
import { copyFile, readFile } from 'node:fs/promises';
import type { NormalizeInput, NormalizeOutput } from './normalizeTypes';
import { readPdfFacts } from './pdfFacts';

const SAVE_UNPROTECTED = 'Save an unprotected copy of the PDF and add that instead.';
const RESAVE = 'Open it in a PDF viewer and save or print it to a new PDF.';

/**
 * `document.normalize` for PDFs: the file is checked with pdf.js and sent as it is. The converters
 * for every other kind of file build on the same task shape.
 */
export async function normalizePdfOnly(input: NormalizeInput): Promise<NormalizeOutput> {
  const bytes = await readFile(input.sourcePath);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const refuse = (reason: string, message: string, nextStep: string): NormalizeOutput => ({ ok: false, code: 'unsupported_file', reason, message, nextStep });
  if (bytes.length === 0) return refuse('empty', `${input.name} is empty.`, 'Choose another file.');
  if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
    return refuse('unknown_type', `${input.name} is not a PDF.`, 'Choose a PDF file, or print the document to PDF first.');
  }
  const verdict = await readPdfFacts(new Uint8Array(bytes));
  if ('pages' in verdict) {
    await copyFile(input.sourcePath, input.outputPath);
    return { ok: true, kind: 'pdf', pages: verdict.pages, sentAs: 'pdf', contentType: 'application/pdf', sha256, warnings: [] };
  }
  switch (verdict.refused) {
    case 'encrypted': return refuse('password', `${input.name} is encrypted.`, SAVE_UNPROTECTED);
    case 'password': return refuse('password', `${input.name} is password-protected.`, SAVE_UNPROTECTED);
    case 'no_pages': return refuse('no_pages', `${input.name} has no pages.`, 'Choose another file.');
    case 'damaged': return refuse('damaged', `${input.name} is damaged and cannot be read as a PDF.`, RESAVE);
  }
}
