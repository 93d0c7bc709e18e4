import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentLoadingTask, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
// A separate file in out/renderer/assets, loaded as a module worker from our own origin ('self' in the CSP).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Opens and caches pdf.js documents for the compose preview, keyed by the compose tile's key.
 * Everything pdf.js holds for a file is let go by `keepOnly` / `releaseAll`: the loading task is
 * destroyed, and the shared worker is terminated once nothing is open.
 */
interface Entry {
  file: Blob;
  task: PDFDocumentLoadingTask | null;
  released: boolean;
  doc: Promise<PDFDocumentProxy>;
}

const cache = new Map<string, Entry>();
let worker: PDFWorker | null = null;

export class PreviewCancelled extends Error {
  constructor() {
    super('Preview cancelled');
    this.name = 'PreviewCancelled';
  }
}

export function openPreviewDoc(key: string, file: Blob): Promise<PDFDocumentProxy> {
  const hit = cache.get(key);
  if (hit && hit.file === file) return hit.doc;
  if (hit) release(key);
  worker ??= PDFWorker.create({ name: 'faxdesk-preview' });
  const shared = worker;
  const entry: Entry = { file, task: null, released: false, doc: Promise.resolve(null as unknown as PDFDocumentProxy) };
  entry.doc = file.arrayBuffer().then((buffer) => {
    if (entry.released) throw new PreviewCancelled();
    // No standard-font or CMap URLs: non-embedded fonts fall back to system fonts (useSystemFonts defaults to true).
    entry.task = getDocument({ data: new Uint8Array(buffer), worker: shared, stopAtErrors: false });
    return entry.task.promise;
  });
  // Callers handle their own rejections; this keeps an unused failed entry from being reported as unhandled.
  entry.doc.catch(() => undefined);
  cache.set(key, entry);
  return entry.doc;
}

function release(key: string): Promise<void> {
  const entry = cache.get(key);
  if (!entry) return Promise.resolve();
  cache.delete(key);
  entry.released = true;
  return entry.task ? entry.task.destroy().catch(() => undefined) : Promise.resolve();
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

/** Destroys every open document whose key is not in `keys` (a file was removed from compose). */
export function keepOnly(keys: ReadonlySet<string>): void {
  const pending = [...cache.keys()].filter((k) => !keys.has(k)).map(release);
  stopWorkerWhenIdle(pending);
}

/** Destroys everything (compose closed, sent, or cleared). */
export function releaseAll(): void {
  keepOnly(new Set());
}

/** How many documents are open; for tests and debugging. */
export const openDocumentCount = () => cache.size;

// A few renders at a time keeps scrolling smooth when many thumbnails come into view at once.
const MAX_ACTIVE = 3;
let active = 0;
const waiting: Array<() => void> = [];

async function limited<T>(run: () => Promise<T>): Promise<T> {
  if (active < MAX_ACTIVE) active += 1;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await run();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  }
}

export interface PageSource { key: string; file: Blob; pageNumber: number }
export interface PageRender { done: Promise<void>; cancel(): void }

/**
 * Renders one page into `canvas` so it is `cssWidth` CSS pixels wide (sharp up to 2× device pixels).
 * `done` rejects with PreviewCancelled after `cancel()`, or with pdf.js's error when the page fails.
 */
export function renderPage(source: PageSource, canvas: HTMLCanvasElement, cssWidth: number, queued = true): PageRender {
  let cancelled = false;
  let task: RenderTask | null = null;
  const run = async () => {
    if (cancelled) throw new PreviewCancelled();
    const doc = await openPreviewDoc(source.key, source.file);
    if (cancelled) throw new PreviewCancelled();
    const page = await doc.getPage(source.pageNumber);
    if (cancelled) throw new PreviewCancelled();
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    const scale = (cssWidth / page.getViewport({ scale: 1 }).width) * ratio;
    const viewport = page.getViewport({ scale });
    canvas.width = Math.max(1, Math.floor(viewport.width));
    canvas.height = Math.max(1, Math.floor(viewport.height));
    task = page.render({ canvas, viewport });
    try {
      await task.promise;
    } catch (error) {
      throw cancelled ? new PreviewCancelled() : error;
    } finally {
      task = null;
      page.cleanup();
    }
  };
  const done = queued ? limited(run) : run();
  return {
    done,
    cancel() {
      cancelled = true;
      task?.cancel();
    },
  };
}
