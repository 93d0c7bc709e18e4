import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { isPasswordError, openWithPdfjs } from '../pdfjsNode';
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
  const paintsImage = new Set<number>([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintImageXObjectRepeat]);
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      throw new Refusal(isPasswordError(error) ? 'password' : 'damaged', { readAs });
    }
    if (doc.numPages < 1) throw new Refusal('no_pages');
    for (let number = 1; number <= doc.numPages; number++) {
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
    return doc.numPages;
  } finally {
    await task.destroy();
  }
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

/** pdf.js's page count of a PDF, or why it cannot open it. Takes over `bytes`. */
export async function countPdfPages(bytes: Uint8Array): Promise<{ pages: number } | { failed: 'password' | 'unreadable' }> {
  const { task } = await openWithPdfjs(bytes);
  try {
    return { pages: (await task.promise).numPages };
  } catch (error) {
    return { failed: isPasswordError(error) ? 'password' : 'unreadable' };
  } finally {
    await task.destroy();
  }
}
