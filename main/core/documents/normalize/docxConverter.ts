import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runSoffice } from './libreOfficeProcess';
import { checkPdfPages } from './pdfPageCheck';
import type { Converted } from './normalizeTypes';
import { Refusal } from './refusal';
import { zipEntryNames } from './zipEntries';

export const LIBREOFFICE_TIMEOUT_MS = 60_000;

/** A zip is a Word document when it holds the main document part (what Word and LibreOffice open). */
export function assertDocx(zip: Uint8Array): void {
  let names: string[];
  try {
    names = zipEntryNames(zip);
  } catch {
    throw new Refusal('damaged', { readAs: 'Word document' });
  }
  if (names.includes('word/document.xml')) return;
  const other = OTHER_OFFICE_FILES.find(({ part }) => names.includes(part));
  throw new Refusal('not_docx', other && {
    message: `{name} is ${other.what}, not a Word document.`,
    nextStep: `Save or print it as PDF from ${other.app}, and add the PDF.`,
  });
}

/** Zips people take for documents: what each is, by the part that marks it. */
const OTHER_OFFICE_FILES = [
  { part: 'xl/workbook.xml', what: 'an Excel workbook', app: 'Excel' },
  { part: 'ppt/presentation.xml', what: 'a PowerPoint presentation', app: 'PowerPoint' },
  { part: 'content.xml', what: 'an OpenDocument file', app: 'LibreOffice' },
];

/**
 * A Word document as PDF pages, laid out by LibreOffice (the only layout engine that paginates
 * a DOCX as Word would): headless, with a profile of its own in `workDir` (two conversions
 * sharing a profile silently lose a file), stopped with everything it started after `timeoutMs`.
 */
export async function convertDocx(source: Uint8Array, soffice: string, workDir: string, timeoutMs = LIBREOFFICE_TIMEOUT_MS): Promise<Converted> {
  const [inDir, outDir] = [join(workDir, 'docx-in'), join(workDir, 'docx-out')];
  await Promise.all([mkdir(inDir, { recursive: true }), mkdir(outDir, { recursive: true })]);
  const input = join(inDir, 'document.docx');
  await writeFile(input, source);
  const exit = await runSoffice(soffice, [
    '--headless', '--norestore', '--nologo', '--nolockcheck',
    `-env:UserInstallation=${pathToFileURL(join(workDir, 'libreoffice-profile')).href}`,
    '--convert-to', 'pdf', '--outdir', outDir, input,
  ], workDir, timeoutMs);
  const failed = {
    readAs: 'Word document',
    message: exit === 'timeout' ? '{name} took too long to convert with LibreOffice.' : '{name} could not be converted by LibreOffice; it may be damaged.',
    nextStep: 'Open it in Word, save it as PDF, and add the PDF instead.',
  };
  let pdf: Uint8Array;
  try {
    pdf = new Uint8Array(await readFile(join(outDir, 'document.pdf'))); // a copy of its own, not a Buffer (pdf.js refuses those)
  } catch {
    throw new Refusal('damaged', failed);
  }
  const pages = await checkPdfPages(pdf.slice());
  return { pdf, pages, warnings: [] };
}
