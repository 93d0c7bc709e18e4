import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { degrees, PDFDocument, type PDFPage } from 'pdf-lib';

export interface ComposeInput {
  /** Pages in send order: a page (0-based) of a normalised PDF, turned clockwise by `rotation`. */
  parts: Array<{ path: string; page: number; rotation: number }>;
  outputPath: string;
}

export interface ComposeOutput {
  pages: number;
  sizeBytes: number;
  sha256: string;
}

/**
 * Builds one PDF from pages of normalised PDFs (task `fax.compose`, in a worker). Each source is
 * read once and its pages copied in one call, so fonts and images they share are written once.
 */
export async function composePdf(input: ComposeInput): Promise<ComposeOutput> {
  const out = await PDFDocument.create();
  const sources = new Map<string, PDFDocument>();
  for (const path of new Set(input.parts.map((part) => part.path))) {
    sources.set(path, await PDFDocument.load(await readFile(path), { updateMetadata: false }));
  }
  // First use of each source page comes from one batch copy per source; a page used again is copied again.
  const copied = new Map<string, PDFPage>();
  for (const [path, source] of sources) {
    const wanted = [...new Set(input.parts.filter((part) => part.path === path).map((part) => part.page))];
    const pages = await out.copyPages(source, wanted);
    wanted.forEach((page, i) => copied.set(`${path}#${page}`, pages[i]!));
  }
  for (const part of input.parts) {
    const key = `${part.path}#${part.page}`;
    let page = copied.get(key);
    if (page) copied.delete(key);
    else [page] = await out.copyPages(sources.get(part.path)!, [part.page]);
    page!.setRotation(degrees((page!.getRotation().angle + part.rotation) % 360));
    out.addPage(page!);
  }
  const bytes = await out.save();
  await writeFile(input.outputPath, bytes);
  return { pages: out.getPageCount(), sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
