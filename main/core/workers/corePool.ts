import type { CoreTasks } from './coreTasks';
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

/** The core's pool of worker threads (lazy: no thread starts before the first task). */
export function createCorePool(options: Partial<WorkerPoolOptions> = {}): WorkerPool<CoreTasks> {
  // A conversion (LibreOffice, a 200-page scan) may take a while, but never forever.
  return new WorkerPool<CoreTasks>({ entry: taskWorkerEntry(), timeoutMs: 120_000, ...options });
}
