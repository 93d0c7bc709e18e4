import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Peak memory of this process over one piece of work, measured two ways:
 *  - `VmHWM` from /proc/self/status: the kernel's peak resident set, exact however briefly the
 *    peak lasted and whichever thread (worker threads included) caused it. Reset to the current
 *    RSS before the work by writing 5 to /proc/self/clear_refs (Linux ≥ 4.0), so each run has its
 *    own peak instead of the process's all-time one.
 *  - `process.memoryUsage()` every millisecond on this thread: what the peak was made of (V8 heap,
 *    array buffers). Samples are taken only when the event loop is free, so they can miss a peak
 *    reached while it is blocked; the RSS peak comes from VmHWM when it is available.
 */
export interface MemoryRun {
  before: NodeJS.MemoryUsage;
  after: NodeJS.MemoryUsage;
  /** Peak RSS during the work: VmHWM when resettable, else the highest sampled RSS. */
  peakRss: number;
  peakHeapUsed: number;
  peakArrayBuffers: number;
  /**
   * The core's worker processes (its task pool), sampled every 100 ms: the highest peak resident
   * set (VmHWM) any one of them reached while watched, and that worker's growth over its RSS when
   * first seen. Undefined when none ran.
   */
  workers?: { peakRss: number; growth: number };
}

export type PeakSource = 'VmHWM (reset per run via /proc/self/clear_refs)' | 'sampled process.memoryUsage().rss (1 ms)';

const CLEAR_REFS = '/proc/self/clear_refs';

/** A field of /proc/<pid>/status in bytes; undefined when absent (no /proc, or the process has ended). */
function statusKb(field: 'VmHWM' | 'VmRSS', pid: number | 'self' = 'self'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Resets the kernel's peak to the current RSS; false where that is not possible. */
function resetPeak(): boolean {
  if (!existsSync(CLEAR_REFS)) return false;
  try {
    writeFileSync(CLEAR_REFS, '5');
  } catch {
    return false;
  }
  const hwm = statusKb('VmHWM');
  const rss = statusKb('VmRSS');
  return hwm !== undefined && rss !== undefined && hwm <= rss + 1024 * 1024;
}

export const peakSource = (): PeakSource =>
  resetPeak() ? 'VmHWM (reset per run via /proc/self/clear_refs)' : 'sampled process.memoryUsage().rss (1 ms)';

export interface MemoryWatch {
  /** Ends the watch: the figures since it started (a full GC before "after"). */
  stop(): MemoryRun;
}

/**
 * Starts watching this process's memory after a full GC; for work that is not one function call
 * (a person's steps in a browser, driven from another process). Needs `--expose-gc`.
 */
export function watchMemory(): MemoryWatch {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  const kernelPeak = resetPeak();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heapUsed: before.heapUsed, arrayBuffers: before.arrayBuffers };
  const sample = () => {
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, usage.arrayBuffers);
  };
  const sampler = setInterval(sample, 1);
  const workers = watchWorkerProcesses();
  return {
    stop() {
      clearInterval(sampler);
      sample();
      const workerPeaks = workers.stop();
      const peakRss = kernelPeak ? Math.max(statusKb('VmHWM') ?? 0, peak.rss) : peak.rss;
      gc();
      return { before, after: process.memoryUsage(), peakRss, peakHeapUsed: peak.heapUsed, peakArrayBuffers: peak.arrayBuffers, workers: workerPeaks };
    },
  };
}

/** This process's children that are task workers (taskWorker.js, or its source boot under tsx). */
function workerChildren(): number[] {
  const pids: number[] = [];
  try {
    for (const task of readdirSync('/proc/self/task')) {
      const listed = readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim();
      for (const pid of listed ? listed.split(/\s+/).map(Number) : []) {
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (/taskWorker|sourceWorkerBoot/.test(command)) pids.push(pid);
      }
    }
  } catch { /* a child that ended while being read, or no /proc: none counted */ }
  return pids;
}

/**
 * Watches the worker processes: resets the peak of those already running (so a warm-up's peak is
 * not counted), then keeps the highest VmHWM seen of each until stopped.
 */
function watchWorkerProcesses(): { stop(): { peakRss: number; growth: number } | undefined } {
  const seen = new Map<number, { first: number; peak: number }>();
  for (const pid of workerChildren()) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch { /* not ours to reset: its lifetime peak counts */ }
  }
  const sample = () => {
    for (const pid of workerChildren()) {
      const hwm = statusKb('VmHWM', pid);
      const rss = statusKb('VmRSS', pid);
      if (hwm === undefined || rss === undefined) continue;
      const known = seen.get(pid) ?? { first: rss, peak: 0 };
      seen.set(pid, { first: known.first, peak: Math.max(known.peak, hwm) });
    }
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const highest = [...seen.values()].sort((a, b) => b.peak - a.peak)[0];
      return highest && { peakRss: highest.peak, growth: highest.peak - highest.first };
    },
  };
}

/** Runs `work` after a full GC and returns its result with the memory it took. Needs `--expose-gc`. */
export async function measureMemory<T>(work: () => Promise<T>): Promise<{ result: T; memory: MemoryRun }> {
  const watch = watchMemory();
  let result: T;
  try {
    result = await work();
  } catch (error) {
    watch.stop();
    throw error;
  }
  return { result, memory: watch.stop() };
}
