import { isPasswordError, openWithPdfjs } from './pdfjsNode';

/** What pdf.js found: a page count, or why a fax service could not send the file. */
export type PdfVerdict = { pages: number } | { refused: 'encrypted' | 'password' | 'damaged' | 'no_pages' };

/**
 * Opens a PDF with pdf.js (lazy: only the xref and page tree are read) to count its pages and to
 * spot what a fax service cannot send. Runs in a worker thread (task `pdf.inspect`): pdf.js is
 * CPU-bound, and damaged files can keep it busy. It may take over (detach) `bytes`.
 */
export async function readPdfFacts(bytes: Uint8Array): Promise<PdfVerdict> {
  const { task } = await openWithPdfjs(bytes);
  try {
    const doc = await task.promise;
    const meta = await doc.getMetadata().catch(() => undefined);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    if (info.EncryptFilterName) return { refused: 'encrypted' };
    if (doc.numPages < 1) return { refused: 'no_pages' };
    return { pages: doc.numPages };
  } catch (error) {
    if (isPasswordError(error)) return { refused: 'password' };
    return { refused: 'damaged' };
  } finally {
    await task.destroy();
  }
}
