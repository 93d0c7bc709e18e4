import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { releaseGarbage } from '../../workers/releaseGarbage';
import { isPasswordError, openPdfFile, openWithPdfjs } from '../pdfjsNode';
import { Refusal } from './refusal';

type ObjectStore = { get(id: string, callback: (data: unknown) => void): unknown };

/**
 * Proves with pdf.js (what the preview uses, set up the same way) that every page can be
 * processed, without rasterising anything: each page's operator list is built (its content
 * parsed, its fonts loaded) and every image it paints is decoded (scans through the CCITT,
 * JBIG2 and JPEG 2000 wasm decoders). pdf.js skips what it cannot read rather than failing, so a
 * page fails when it cannot be loaded or when one of its images decodes to nothing, which the
 * preview would show blank. Returns the page count; refuses with the first page that fails
 * (`readAs` names what the file was, for the words). Takes over `bytes`.
 */
export async function checkPdfPages(bytes: Uint8Array, readAs = 'PDF'): Promise<number> {
  const { task, pdfjs } = await openWithPdfjs(bytes);
  try {
    const doc = await opened(task, readAs);
    await checkPages(doc, paintsImageOps(pdfjs), 1, () => true, readAs);
    return doc.numPages;
  } finally {
    await task.destroy();
  }
}

/** pdf.js lets go of what it read after this much: a long scan is checked in stretches. */
const BYTES_PER_STRETCH = 2 * 1024 * 1024;

/**
 * checkPdfPages for a file on disk, read by ranges: pdf.js keeps every byte it reads until the
 * document is closed, so the file is opened afresh after each stretch of about 2 MB read. Memory
 * then follows the largest page, not the file.
 */
export async function checkPdfFile(path: string, readAs = 'PDF'): Promise<number> {
  let next = 1;
  let total = 1;
  while (next <= total) {
    const { task, pdfjs } = await openPdfFile(path);
    let loaded = 0;
    task.onProgress = (progress: { loaded: number }) => { loaded = progress.loaded; };
    try {
      const doc = await opened(task, readAs);
      total = doc.numPages;
      const from = next;
      const openedAt = loaded;
      next = await checkPages(doc, paintsImageOps(pdfjs), from, (number) => number === from || loaded - openedAt < BYTES_PER_STRETCH, readAs);
    } finally {
      await task.destroy();
    }
    // The stretch just read is let go before the next is read (this runs in a worker, never the core's main thread).
    if (next <= total) releaseGarbage('major');
  }
  return total;
}

type PdfjsModule = Awaited<ReturnType<typeof openWithPdfjs>>['pdfjs'];
type LoadingTask = Awaited<ReturnType<typeof openWithPdfjs>>['task'];
type OpenedPdf = Awaited<LoadingTask['promise']>;

const paintsImageOps = (pdfjs: PdfjsModule) => new Set<number>([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintImageXObjectRepeat]);

async function opened(task: LoadingTask, readAs: string): Promise<OpenedPdf> {
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    throw new Refusal(isPasswordError(error) ? 'password' : 'damaged', { readAs });
  }
  if (doc.numPages < 1) throw new Refusal('no_pages');
  return doc;
}

/** Checks pages from `from` on while `goOn(page)` allows; answers the next page to check. */
async function checkPages(doc: OpenedPdf, paintsImage: Set<number>, from: number, goOn: (page: number) => boolean, readAs: string): Promise<number> {
  let number = from;
  for (; number <= doc.numPages && goOn(number); number++) {
    let readable: boolean;
    try {
      const page = await doc.getPage(number);
      readable = await imagesDecode(page, paintsImage);
      page.cleanup();
    } catch {
      readable = false;
    }
    if (!readable) throw new Refusal('page_failed', { page: number, readAs });
  }
  return number;
}

async function imagesDecode(page: PDFPageProxy, paintsImage: Set<number>): Promise<boolean> {
  const { fnArray, argsArray } = await page.getOperatorList({ intent: 'print' });
  const ids = new Set<string>();
  fnArray.forEach((fn, i) => { if (paintsImage.has(fn)) ids.add((argsArray[i] as [string])[0]); });
  const stores = page as unknown as { objs: ObjectStore; commonObjs: ObjectStore };
  const decoded = await Promise.all([...ids].map((id) => new Promise((resolve) => {
    (id.startsWith('g_') ? stores.commonObjs : stores.objs).get(id, resolve); // g_: images cached across pages
  })));
  return decoded.every((data) => data !== null && data !== undefined);
}
