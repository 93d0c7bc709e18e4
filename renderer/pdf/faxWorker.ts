/// <reference lib="webworker" />
import { binarizeForFax, type FaxStats } from './faxBinarize';

/** What the page sends: a rendered page's RGBA pixels (transferred, not copied). */
export interface FaxJob { id: number; width: number; height: number; buffer: ArrayBuffer }
/** What comes back: the same buffer, every pixel black or white, and how long it took. */
export interface FaxJobDone { id: number; buffer: ArrayBuffer; stats: FaxStats; ms: number }

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<FaxJob>) => {
  const { id, width, height, buffer } = event.data;
  const started = performance.now();
  const stats = binarizeForFax({ data: new Uint8ClampedArray(buffer), width, height });
  const done: FaxJobDone = { id, buffer, stats, ms: performance.now() - started };
  scope.postMessage(done, [buffer]);
};
