import { createHash } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { PDFDocument } from 'pdf-lib';
import { coreTasks } from '../../../main/core/workers/coreTasks';
import type { TaskHandlers } from '../../../main/core/workers/taskProtocol';

/**
 * Tasks that misbehave on purpose, served next to the core's own by testTaskWorker.ts: what a
 * damaged file can make a decoder do (spin, crash, eat memory), and probes for the pool's tests.
 */
export const testWorkerTasks = {
  ...coreTasks,
  /** Real CPU work on real bytes: a PDF's page count and SHA-256 (pdf-lib), the bytes moved in. */
  'test.pdfPages': async ({ bytes }: { bytes: Uint8Array }) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { pages: (await PDFDocument.load(bytes)).getPageCount(), sha256 };
  },
  /** Which thread ran it: tells a reused worker from a replacement. */
  'test.threadId': () => threadId,
  /** Which process ran it: tells a reused worker process from a replacement. */
  'test.pid': () => process.pid,
  /** Sends the bytes back, moved (not copied) both ways. */
  'test.echo': ({ bytes }: { bytes: Uint8Array<ArrayBuffer> }, context) => {
    context.transfer(bytes.buffer);
    return { bytes, threadId };
  },
  /** Keeps the thread busy for `ms` and says when it started and ended (epoch ms). */
  'test.busy': ({ ms }: { ms: number }) => {
    const start = performance.timeOrigin + performance.now();
    while (performance.timeOrigin + performance.now() < start + ms) { /* busy */ }
    return { start, end: performance.timeOrigin + performance.now() };
  },
  /** Never returns: a decoder looping on a damaged byte. Counts its turns in `beat` (shared memory) if given. */
  'test.spin': (input: { beat?: Int32Array<SharedArrayBuffer> } | undefined) => {
    for (;;) if (input?.beat) Atomics.add(input.beat, 0, 1);
  },
  'test.fail': ({ message }: { message: string }) => {
    throw new Error(message);
  },
  /** An error thrown outside the task's promise takes the whole thread down. */
  'test.crash': () => new Promise(() => {
    setImmediate(() => { throw new Error('decoder blew up'); });
  }),
  /** Allocates until the heap limit stops the thread. */
  'test.exhaustMemory': () => {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(100_000).fill(hoard.length));
  },
} satisfies TaskHandlers;

export type TestWorkerTasks = typeof testWorkerTasks;
