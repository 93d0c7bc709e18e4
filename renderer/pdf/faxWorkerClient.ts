import type { FaxStats } from './faxBinarize';
import type { FaxJob, FaxJobDone } from './faxWorker';

/**
 * The fax view's worker: binarises rendered pages off the main thread, one message each way with
 * the pixels transferred. Started on first use, stopped by `stopFaxWorker` (fax view off, compose gone).
 */
let worker: Worker | null = null;
let seq = 0;
const pending = new Map<number, { resolve(done: FaxJobDone): void; reject(error: Error): void }>();

function start(): Worker {
  const w = new Worker(new URL('./faxWorker.ts', import.meta.url), { type: 'module', name: 'faxdesk-fax-view' });
  w.onmessage = (event: MessageEvent<FaxJobDone>) => {
    pending.get(event.data.id)?.resolve(event.data);
    pending.delete(event.data.id);
  };
  w.onerror = (event) => {
    event.preventDefault();
    for (const p of pending.values()) p.reject(new Error(`The fax view worker failed: ${event.message}`));
    pending.clear();
  };
  return w;
}

/**
 * Binarises a rendered page: its pixels travel to the worker and back without a copy (`image` is
 * detached); answers the new pixels, the stats and the worker's time.
 */
export async function binarizeInWorker(image: ImageData): Promise<{ image: ImageData; stats: FaxStats; ms: number }> {
  worker ??= start();
  const id = ++seq;
  const { width, height } = image;
  const buffer = image.data.buffer as ArrayBuffer;
  const done = await new Promise<FaxJobDone>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const job: FaxJob = { id, width, height, buffer };
    worker!.postMessage(job, [buffer]);
  });
  return { image: new ImageData(new Uint8ClampedArray(done.buffer), width, height), stats: done.stats, ms: done.ms };
}

export function stopFaxWorker(): void {
  for (const p of pending.values()) p.reject(new Error('The fax view was closed.'));
  pending.clear();
  worker?.terminate();
  worker = null;
}
