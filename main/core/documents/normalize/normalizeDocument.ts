import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DETECT_BYTES, detectKind, kindOf, LEGACY_OFFICE, type SourceFormat } from './detectKind';
import { assertDocx, convertDocx } from './docxConverter';
import { normalizeImage } from './imageNormalizer';
import {
  DOCX_TYPE, PDF_TYPE, type Converted, type NormalizedKind, type NormalizeInput, type NormalizeOutput,
} from './normalizeTypes';
import { normalizePdf } from './pdfNormalizer';
import { Refusal, refusalWords } from './refusal';
import { normalizeText } from './textNormalizer';
import { normalizeTiff } from './tiffNormalizer';

/**
 * The `document.normalize` task (in a worker process): judges the file by its content, turns it
 * into one PDF of fax pages at `outputPath`, and answers what was made, or why the file cannot be
 * faxed, in words naming it. The PDF appears at `outputPath` only complete (moved into place);
 * on a refusal nothing is left there. Failures that are not the file's fault are thrown.
 */
export async function normalizeDocument(input: NormalizeInput): Promise<NormalizeOutput> {
  // Read in pieces: a PDF is then never held whole unless it must be re-written.
  const [sha256, head] = await Promise.all([sha256Of(input.sourcePath), firstBytes(input.sourcePath, DETECT_BYTES)]);
  try {
    const detected = detectKind(head);
    if (detected === 'empty') throw new Refusal('empty');
    if (detected === 'unknown') throw new Refusal('unknown_type');
    if (detected === 'legacy_office') throw new Refusal('unknown_type', LEGACY_OFFICE);
    const kind = kindOf(detected)!;
    // Other kinds are read whole (a picture, a TIFF, text or a Word file is decoded from memory).
    const source = kind === 'pdf' ? undefined : await wholeFile(input.sourcePath);

    if (kind === 'docx') {
      assertDocx(source!);
      if (!input.libreOffice) {
        return {
          ok: true, kind, pages: null, sentAs: 'original', contentType: DOCX_TYPE, sha256,
          warnings: ['LibreOffice is not installed, so the fax service converts this Word document: its page count is unknown and the preview is approximate.'],
        };
      }
    }
    const converted = kind === 'pdf' ? await normalizePdf(input.sourcePath, input.workDir) : await convert(kind, detected, source!, input);
    await moveIntoPlace(converted, input.workDir, input.outputPath);
    return { ok: true, kind, pages: converted.pages, sentAs: 'pdf', contentType: PDF_TYPE, sha256, warnings: converted.warnings };
  } catch (error) {
    if (error instanceof Refusal) return refusalWords(error.reason, input.name, error.facts);
    throw error;
  }
}

function convert(kind: Exclude<NormalizedKind, 'pdf'>, format: SourceFormat, source: Uint8Array, input: NormalizeInput): Promise<Converted> {
  switch (kind) {
    case 'image': return normalizeImage(source, format, input.paper);
    case 'tiff': return normalizeTiff(source, input.paper);
    case 'text': return normalizeText(source, input.paper);
    case 'docx': return convertDocx(source, input.libreOffice!, input.workDir, input.libreOfficeTimeoutMs);
  }
}

/**
 * Writes the PDF in the work folder, then renames it to `outputPath`: a reader never sees half a
 * file, and a thread terminated mid-write leaves its remains in the work folder, not at outputPath.
 * Across file systems (no rename), it is copied next to outputPath first.
 */
async function moveIntoPlace(converted: Converted, workDir: string, outputPath: string): Promise<void> {
  const staged = join(workDir, `${randomUUID()}.pdf`);
  // The source sent as it is stays where it is (its owner removes it): a copy is staged.
  await ('pdf' in converted ? writeFile(staged, converted.pdf) : copyFile(converted.file, staged));
  try {
    await rename(staged, outputPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const nearby = `${outputPath}.${randomUUID()}.partial`;
    try {
      await copyFile(staged, nearby);
      await rename(nearby, outputPath);
    } finally {
      await rm(nearby, { force: true });
    }
  }
}

/** The file as a plain Uint8Array (a Buffer's slice shares memory; pdf.js takes over copies it is given). */
async function wholeFile(path: string): Promise<Uint8Array> {
  const file = await readFile(path);
  return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
}

async function firstBytes(path: string, count: number): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(count);
    const { bytesRead } = await file.read(head, 0, count, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path, { highWaterMark: 256 * 1024 })) hash.update(piece as Buffer);
  return hash.digest('hex');
}
