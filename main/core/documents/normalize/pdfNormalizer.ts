import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ParseSpeeds, PDFDocument, PDFObjectCopier, PDFPage } from '@cantoo/pdf-lib';
import type { Converted } from './normalizeTypes';
import { inspectPdfFile } from './pdfInspection';
import { checkPdfFile } from './pdfPageCheck';
import { flattenForm } from './pdfForms';
import { pageLeaves } from './pdfPageTree';
import { Refusal } from './refusal';

const DAMAGED = { readAs: 'PDF' } as const;

/**
 * A PDF as it will be faxed. A plain PDF (see inspectPdfFile) is sent byte for byte, as it is,
 * once pdf.js has checked every page: it is never read whole. Any other is re-written: a
 * faithful copy of its pages (sizes, rotation, content streams and images untouched), decrypted
 * when only an owner password protects it, with filled form fields flattened into the pages,
 * and nothing else (no scripts, attachments, or what earlier edits of the file deleted but left
 * in it).
 *
 * pdf.js (what the preview uses) decides what opens: it refuses files that need a user password
 * and counts the pages. pdf-lib's parser reads the objects in file order, ignoring the
 * cross-reference table, so it re-saves most files whose xref is broken; a lost page tree is
 * rebuilt from the page objects. Finally every page of the result must pass pdf.js's check.
 */
export async function normalizePdf(sourcePath: string, workDir: string): Promise<Converted> {
  const inspected = await inspectPdfFile(sourcePath);
  if ('failed' in inspected && inspected.failed === 'password') throw new Refusal('password');
  const sourcePages = 'pages' in inspected ? inspected.pages : undefined;
  if (sourcePages === 0) throw new Refusal('no_pages');
  if ('asItIs' in inspected && inspected.asItIs) {
    return { file: sourcePath, pages: await checkPdfFile(sourcePath), warnings: [] };
  }
  const rewritten = join(workDir, 'rewritten.pdf');
  const { warnings } = await rewrite(new Uint8Array(await readFile(sourcePath)), sourcePages, rewritten);
  return { file: rewritten, pages: await checkPdfFile(rewritten), warnings };
}

/** Re-writes the pages of `source` at `outputPath`; answers what to tell the person. */
async function rewrite(source: Uint8Array, sourcePages: number | undefined, outputPath: string): Promise<{ warnings: string[] }> {
  if (sourcePages === undefined && isCutShort(source)) {
    // Neither pdf.js nor the file's own end says how many pages there were: pages found in what is
    // left could be any part of the document.
    throw new Refusal('damaged', {
      message: '{name} is incomplete: the file was cut short, so some of its pages are missing.',
      nextStep: 'Download or copy it again, or save it again from the program that made it.',
    });
  }
  const doc = await parse(source);
  const warnings = flattenForm(doc);
  const { leaves, rebuilt } = pageLeaves(doc);
  if (leaves.length === 0) throw new Refusal(sourcePages === undefined ? 'damaged' : 'no_pages', DAMAGED);
  if (sourcePages !== undefined && leaves.length < sourcePages) {
    throw new Refusal('damaged', {
      message: `{name} is damaged: only ${leaves.length} of its ${sourcePages} pages can be read.`,
      nextStep: 'Open it in the program that made it, save or export it again, and add the new file.',
    });
  }
  // Gathered pages may include ones deleted in an earlier edit of the file: never more than pdf.js counts.
  if (rebuilt && sourcePages !== undefined) leaves.splice(sourcePages);
  if (rebuilt) {
    const found = `${leaves.length} ${leaves.length === 1 ? 'page' : 'pages'}`;
    warnings.push(`This PDF was damaged; Faxdesk recovered ${found} from it. Check every page before sending: some may be missing or out of order.`);
  }
  await writeFile(outputPath, await copyPages(doc, leaves));
  return { warnings };
}

/** The pages alone, in a new document: only what they reference is copied (no scripts, attachments, deleted revisions). */
async function copyPages(doc: PDFDocument, leaves: ReturnType<typeof pageLeaves>['leaves']): Promise<Uint8Array> {
  try {
    const out = await PDFDocument.create({ updateMetadata: false });
    const copier = PDFObjectCopier.for(doc.context, out.context);
    for (const leaf of leaves) {
      const copied = copier.copy(leaf);
      out.addPage(PDFPage.of(copied, out.context.register(copied), out));
    }
    return await out.save({ objectsPerTick: Infinity });
  } catch {
    throw new Refusal('damaged', DAMAGED); // an object pdf-lib cannot copy or write
  }
}

/** A complete PDF ends with %%EOF (a little junk after it is common, a missing one is not). */
function isCutShort(source: Uint8Array): boolean {
  const tail = Buffer.from(source.buffer, source.byteOffset, source.byteLength).subarray(-1024);
  return !tail.includes('%%EOF');
}

async function parse(source: Uint8Array): Promise<PDFDocument> {
  try {
    // password '': decrypts files that open without a password (owner password only).
    return await PDFDocument.load(source, {
      password: '', parseSpeed: ParseSpeeds.Fastest, throwOnInvalidObject: false, updateMetadata: false,
    });
  } catch (error) {
    if ((error as Error).message === 'NEEDS PASSWORD') throw new Refusal('password');
    throw new Refusal('damaged', DAMAGED);
  }
}
