import { availableParallelism } from 'node:os';
import type { ResourceLimits } from 'node:worker_threads';
import { PooledWorker, threadTransport } from './pooledWorker';
import { processTransport, type TaskProcessLauncher } from './processTransport';
import {
  WorkerTaskError, type RunOptions, type TaskHandlers, type TaskInput, type TaskKind, type TaskOutput, type TaskRunner,
} from './taskProtocol';

export interface WorkerPoolOptions {
  /** The worker's entry: a built `.js` file, or a `.ts` source started through tsx. */
  entry: URL;
  /** Worker threads at most; default: one core left for the main thread, at least 1, at most 4. */
  size?: number;
  /** Tasks waiting for a worker at most; more are refused at once (`queue_full`). */
  maxQueued?: number;
  /** Default time limit of a task once it has started in a worker. */
  timeoutMs?: number;
  /** A worker idle this long is stopped (its memory returned); the next task starts a new one. */
  idleMs?: number;
  /** V8 heap limits per worker: a file that makes a decoder allocate without end crashes only its task. */
  resourceLimits?: ResourceLimits;
  /**
   * Workers are processes started by this launcher instead of threads: their memory goes back to
   * the system when they end, and a native crash ends only the worker (processTransport.ts).
   */
  processes?: TaskProcessLauncher;
}

export interface WorkerPoolStats {
  /** Workers alive or starting. */
  workers: number;
  idle: number;
  busy: number;
  queued: number;
}

interface Task {
  id: number;
  kind: string;
  input: unknown;
  options: RunOptions;
  resolve(output: unknown): void;
  reject(error: Error): void;
  /** Set once the task has left the queue; undefined while it waits. */
  worker?: PooledWorker;
  /** Its time limit, running once it is in a worker. */
  timer?: NodeJS.Timeout;
  cleanup(): void;
}

export const defaultPoolSize = () => Math.max(1, Math.min(4, availableParallelism() - 1));

/**
 * A small pool of workers (threads, or processes: `processes`) for CPU-heavy steps, so the
 * core's event loop (the Electron main process's) never stalls. Workers start on first use; each
 * runs one task at a time within a time limit. A worker that overruns its limit, is cancelled mid-task or crashes is terminated and fails
 * only its own task; the next task starts a fresh one.
 */
export class WorkerPool<H extends TaskHandlers> implements TaskRunner<H> {
  private readonly size: number;
  private readonly maxQueued: number;
  private readonly timeoutMs: number;
  private readonly idleMs: number;
  private readonly workers = new Set<PooledWorker>();
  private readonly idle: PooledWorker[] = [];
  private readonly idleTimers = new Map<PooledWorker, NodeJS.Timeout>();
  private readonly queue: Task[] = [];
  private readonly running = new Set<Task>();
  private starting = 0;
  private nextId = 1;
  private closing?: Promise<void>;

  constructor(private readonly options: WorkerPoolOptions) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
    this.maxQueued = options.maxQueued ?? 100;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.idleMs = options.idleMs ?? 60_000;
  }

  run<K extends TaskKind<H>>(kind: K, input: TaskInput<H, K>, options: RunOptions = {}): Promise<TaskOutput<H, K>> {
    if (this.closing) return Promise.reject(new WorkerTaskError('closed', 'the worker pool is closed'));
    if (options.signal?.aborted) return Promise.reject(aborted(options.signal));
    if (this.queue.length >= this.maxQueued) {
      return Promise.reject(new WorkerTaskError('queue_full', `too much work is waiting (${this.queue.length} tasks); try again shortly`));
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => this.cancel(task, aborted(options.signal!));
      const task: Task = {
        id: this.nextId++, kind, input, options,
        resolve: (output) => { task.cleanup(); resolve(output as TaskOutput<H, K>); },
        reject: (error) => { task.cleanup(); reject(error); },
        cleanup: () => { clearTimeout(task.timer); options.signal?.removeEventListener('abort', onAbort); },
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(task);
      this.pump();
    });
  }

  stats(): WorkerPoolStats {
    return { workers: this.workers.size, idle: this.idle.length, busy: this.running.size, queued: this.queue.length };
  }

  /**
   * Refuses new tasks, fails the queued ones, lets running ones finish for up to `graceMs`, then
   * terminates every worker (failing what still runs). Resolves when every thread has exited.
   */
  close(graceMs = 2_000): Promise<void> {
    this.closing ??= (async () => {
      for (const task of this.queue.splice(0)) task.reject(new WorkerTaskError('closed', 'the worker pool closed before the task started'));
      const settled = [...this.running].map((task) => new Promise<void>((done) => {
        const { resolve, reject } = task;
        task.resolve = (output) => { resolve(output); done(); };
        task.reject = (error) => { reject(error); done(); };
      }));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(settled), new Promise((done) => { timer = setTimeout(done, graceMs); })]);
      clearTimeout(timer);
      for (const task of this.running) task.reject(new WorkerTaskError('closed', 'the worker pool closed while the task ran'));
      this.running.clear();
      for (const timer of this.idleTimers.values()) clearTimeout(timer);
      await Promise.all([...this.workers].map((worker) => worker.terminate()));
    })();
    return this.closing;
  }

  /** Hands queued tasks to idle workers and starts workers (up to the size) for the rest. */
  private pump(): void {
    while (this.queue.length > 0 && this.idle.length > 0) this.dispatch(this.idle.pop()!, this.queue.shift()!);
    const wanted = Math.min(this.queue.length - this.starting, this.size - this.workers.size);
    for (let i = 0; i < wanted; i++) this.startWorker();
  }

  private startWorker(): void {
    const { entry, processes, resourceLimits } = this.options;
    const start = processes ? processTransport(entry, processes, resourceLimits) : threadTransport(entry, resourceLimits);
    const worker = new PooledWorker(start, {
      ready: () => { this.starting--; this.makeIdle(worker); },
      failedToStart: (error) => {
        this.starting--;
        // Most likely the entry itself is broken: starting more workers for the waiting tasks would
        // fail each of them slowly. They fail now; a later task tries a fresh worker.
        for (const task of this.queue.splice(0)) task.reject(error);
      },
      gone: () => this.forget(worker),
    });
    this.workers.add(worker);
    this.starting++;
  }

  private dispatch(worker: PooledWorker, task: Task): void {
    clearTimeout(this.idleTimers.get(worker));
    this.idleTimers.delete(worker);
    task.worker = worker;
    this.running.add(task);
    const limitMs = task.options.timeoutMs ?? this.timeoutMs;
    task.timer = setTimeout(() => this.cancel(task, new WorkerTaskError('timeout', `${task.kind} did not finish within ${limitMs} ms`)), limitMs);
    const settle = (how: () => void) => { this.running.delete(task); how(); this.makeIdle(worker); };
    worker.run(task.id, task.kind, task.input, task.options.transfer).then(
      (output) => settle(() => task.resolve(output)),
      (error: Error) => settle(() => task.reject(error)), // a crashed worker is already forgotten: makeIdle skips it
    );
    task.input = undefined; // the worker has it now; do not keep a second reference alive here
  }

  /** Fails a task now; a task already in a worker takes its worker down with it (the only way to stop it). */
  private cancel(task: Task, error: Error): void {
    if (!task.worker) {
      const index = this.queue.indexOf(task);
      if (index >= 0) this.queue.splice(index, 1);
      task.reject(error);
      return;
    }
    if (!this.running.delete(task)) return;
    task.reject(error);
    this.forget(task.worker);
    void task.worker.terminate();
  }

  private makeIdle(worker: PooledWorker): void {
    if (this.closing || !this.workers.has(worker)) return;
    this.idle.push(worker);
    const timer = setTimeout(() => { this.forget(worker); void worker.terminate(); }, this.idleMs);
    timer.unref();
    this.idleTimers.set(worker, timer);
    this.pump();
  }

  /** Drops a worker that exited or is being terminated, and starts a replacement if work waits. */
  private forget(worker: PooledWorker): void {
    if (!this.workers.delete(worker)) return;
    clearTimeout(this.idleTimers.get(worker));
    this.idleTimers.delete(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    if (!this.closing) this.pump();
  }
}

function aborted(signal: AbortSignal): WorkerTaskError {
  const reason = signal.reason instanceof Error ? signal.reason.message : 'cancelled';
  return new WorkerTaskError('aborted', `the task was cancelled: ${reason}`, { cause: signal.reason });
}
