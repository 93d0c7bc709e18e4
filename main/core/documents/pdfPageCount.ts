import { readFile } from 'node:fs/promises';
import { openWithPdfjs } from './pdfjsNode';

export type PageCount = { ok: true; pages: number } | { ok: false; reason: string };

/**
 * How many pages a downloaded fax document has (runs in the worker pool: pdf.js parses the whole
 * cross-reference table, which can take long on a big or damaged file). A file pdf.js cannot open,
 * or one without pages, is damaged.
 */
export async function countPdfPages(input: { path: string }): Promise<PageCount> {
  const bytes = new Uint8Array(await readFile(input.path));
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  const { task } = await openWithPdfjs(bytes);
  try {
    const doc = await task.promise;
    return doc.numPages > 0 ? { ok: true, pages: doc.numPages } : { ok: false, reason: 'the document has no pages' };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  } finally {
    await task.destroy();
  }
}
