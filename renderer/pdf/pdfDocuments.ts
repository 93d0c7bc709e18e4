import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
// A separate file in out/renderer/assets, loaded as a module worker from our own origin ('self' in the CSP).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { localFileAt } from './localFiles';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * pdfjs-dist/wasm, copied next to the renderer by its build (electron.vite.config.ts). Without it
 * CCITT (fax) and JBIG2 images — every scanned PDF — render white (pdf.js#21352).
 */
export const PDFJS_WASM_URL = new URL('pdfjs/wasm/', document.baseURI).href;

/**
 * Opens and caches the pdf.js documents of the preview, keyed by the core's document id and read
 * from its URL (what is sent) with byte ranges. `keepOnly` / `releaseAll` destroy what is no longer
 * shown, and the shared worker is terminated once nothing is open.
 */
interface Entry {
  doc: Promise<PDFDocumentProxy>;
  destroy(): Promise<void>;
}

const cache = new Map<string, Entry>();
let worker: PDFWorker | null = null;

export class PreviewCancelled extends Error {
  constructor() {
    super('Preview cancelled');
    this.name = 'PreviewCancelled';
  }
}

/**
 * Starts pdf.js's worker (1.3 MB of script to load and compile) while the core is still reading a
 * file, so the first page does not wait for it after the file is ready.
 */
export function warmUp(): PDFWorker {
  worker ??= PDFWorker.create({ name: 'faxdesk-preview' });
  return worker;
}

export function openDocument(id: string, url: string): Promise<PDFDocumentProxy> {
  const hit = cache.get(id);
  if (hit) return hit.doc;
  const local = localFileAt(url);
  const entry = local ? openLocal(local) : openFromCore(url);
  // Callers handle their own rejections; this keeps an unused failed entry from being reported as unhandled.
  entry.doc.catch(() => undefined);
  cache.set(id, entry);
  return entry.doc;
}

/** A file still being read by the core (localFiles.ts), from its bytes in the page. */
function openLocal(file: File): Entry {
  let task: PDFDocumentLoadingTask | undefined;
  let destroyed = false;
  const doc = file.arrayBuffer().then((bytes) => {
    if (destroyed) throw new PreviewCancelled();
    task = getDocument({ data: new Uint8Array(bytes), worker: warmUp(), wasmUrl: PDFJS_WASM_URL, stopAtErrors: false });
    return task.promise;
  });
  return {
    doc,
    destroy: async () => {
      destroyed = true;
      await task?.destroy();
    },
  };
}

function openFromCore(url: string): Entry {
  const task = getDocument({
    url,
    worker: warmUp(),
    wasmUrl: PDFJS_WASM_URL,
    // Only the byte ranges a shown page needs: the first page of a long file comes first.
    disableStream: true,
    disableAutoFetch: true,
    stopAtErrors: false,
  });
  return { doc: task.promise, destroy: () => task.destroy() };
}

function release(id: string): Promise<void> {
  const entry = cache.get(id);
  if (!entry) return Promise.resolve();
  cache.delete(id);
  return entry.destroy().catch(() => undefined);
}

function stopWorkerWhenIdle(pending: Promise<void>[]): void {
  const w = worker;
  if (!w || cache.size > 0) return;
  void Promise.allSettled(pending).then(() => {
    if (cache.size === 0 && worker === w) {
      w.destroy();
      worker = null;
    }
  });
}

/**
 * Destroys every open document whose id is not in `ids` (a file was removed from compose); with
 * `idle` (no file on its way either), the worker too once nothing is open.
 */
export function keepOnly(ids: ReadonlySet<string>, idle = true): void {
  const pending = [...cache.keys()].filter((id) => !ids.has(id)).map(release);
  if (idle) stopWorkerWhenIdle(pending);
}

/** Destroys everything (compose closed, sent, or cleared). */
export function releaseAll(): void {
  keepOnly(new Set());
}

// A few renders at a time keeps scrolling smooth when many thumbnails come into view at once.
const MAX_ACTIVE = 3;
let active = 0;
const waiting: Array<() => void> = [];

/** Runs `task` when fewer than MAX_ACTIVE renders are under way. */
export async function limited<T>(task: () => Promise<T>): Promise<T> {
  if (active < MAX_ACTIVE) active += 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  }
}
