import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * pdf.js set-up for the core (Node, worker threads). pdf.js reads these folders with
 * fs.readFile, so they are plain paths with a trailing separator: a file:// URL string is not
 * found (pdf.js then falls back to slower JavaScript decoders, with a warning).
 * - standard_fonts: the 14 standard fonts, for text in PDFs that do not embed them;
 * - wasm: the CCITT (fax), JBIG2 and JPEG 2000 decoders, without which scanned pages are blank.
 */
const requireHere = createRequire(import.meta.url);
let folders: { standardFontDataUrl: string; wasmUrl: string; cMapUrl: string } | undefined;

export function pdfjsFolders() {
  if (!folders) {
    const root = dirname(requireHere.resolve('pdfjs-dist/package.json'));
    folders = {
      standardFontDataUrl: join(root, 'standard_fonts') + sep,
      wasmUrl: join(root, 'wasm') + sep,
      cMapUrl: join(root, 'cmaps') + sep,
    };
  }
  return folders;
}

/** Opens a PDF with pdf.js in Node (legacy build); the caller destroys the returned task. */
export async function openWithPdfjs(data: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data, ...pdfjsFolders(), cMapPacked: true, verbosity: 0 });
  return { task, pdfjs };
}

/** Bytes pdf.js asks for at a time when it reads a file by ranges (64 KiB made a 117-page check about 25% slower than reading whole). */
export const RANGE_CHUNK_BYTES = 256 * 1024;

/**
 * Opens a PDF file with pdf.js reading only the byte ranges it needs, as it needs them, rather
 * than the whole file: a 20 MB scan is not held whole to count or check its pages. pdf.js keeps
 * what it has read until the task is destroyed. The file must not change meanwhile.
 */
export async function openPdfFile(path: string) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    url: pathToFileURL(path), disableStream: true, disableAutoFetch: true, rangeChunkSize: RANGE_CHUNK_BYTES,
    ...pdfjsFolders(), cMapPacked: true, verbosity: 0,
  });
  return { task, pdfjs };
}

/** pdf.js says a password is needed (the empty user password, which it tries itself, did not open it). */
export function isPasswordError(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'PasswordException';
}
