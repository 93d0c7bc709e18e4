import type { CoreTasks } from './coreTasks';
import { forkTaskProcess } from './processTransport';
import { WorkerPool, type WorkerPoolOptions } from './workerPool';

/**
 * Where the core's task worker is, wherever the core runs. From sources (vitest, tsx) this module
 * is `workers/corePool.ts` and the entry is `taskWorker.ts` beside it. Built (the Electron main
 * bundle in out/main, the benches in out/bench), this code sits in the bundle's entry file and the
 * build writes `taskWorker.js` next to it (electron.vite.config.ts, bench/vite.config.ts).
 */
export function taskWorkerEntry(here = import.meta.url): URL {
  return new URL(new URL(here).pathname.endsWith('.ts') ? './taskWorker.ts' : './taskWorker.js', here);
}

/** A worker process idle this long ends, giving all its memory back; the next task starts another. */
export const CORE_WORKER_IDLE_MS = 30_000;

/**
 * The core's pool of worker processes (lazy: none starts before the first task). Processes, not
 * threads: reading a PDF with pdf.js takes a buffer of the file's whole length, and glibc keeps
 * freed blocks for reuse, handing them out zeroed, so wholly resident; a worker process that goes
 * idle ends and gives all of it back, while the core's own memory stays flat. A decoder's native
 * crash on a damaged file ends only its worker. Under plain Node the workers are forked; the
 * Electron shell passes its utilityProcess launcher (`processes`).
 */
export function createCorePool(options: Partial<WorkerPoolOptions> = {}): WorkerPool<CoreTasks> {
  // A conversion (LibreOffice, a 200-page scan) may take a while, but never forever.
  return new WorkerPool<CoreTasks>({ entry: taskWorkerEntry(), timeoutMs: 120_000, processes: forkTaskProcess, idleMs: CORE_WORKER_IDLE_MS, ...options });
}
