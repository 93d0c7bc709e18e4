import type { Transferable } from 'node:worker_threads';

/**
 * What the pool and its workers (threads or processes) say to each other, and the types that tie a task kind to
 * its input and output. A registry of tasks is a plain object of handlers (see coreTasks.ts); the
 * types callers see are derived from it, so a kind, its input and its output are declared once.
 */

/** Given to a handler in the worker: marks buffers of its output to move (not copy) to the caller. */
export interface TaskContext {
  transfer(...items: Transferable[]): void;
}

export type TaskHandler<Input, Output> = (input: Input, context: TaskContext) => Output | Promise<Output>;

/** Any registry of handlers (`never` input: every handler's input type is assignable to it). */
export type TaskHandlers = Record<string, (input: never, context: TaskContext) => unknown>;

export type TaskKind<H extends TaskHandlers> = keyof H & string;
export type TaskInput<H extends TaskHandlers, K extends TaskKind<H>> = Parameters<H[K]>[0];
export type TaskOutput<H extends TaskHandlers, K extends TaskKind<H>> = Awaited<ReturnType<H[K]>>;

export interface RunOptions {
  /** Cancels the task: removed from the queue, or its worker terminated if it has started. */
  signal?: AbortSignal;
  /** Time limit once the task has started in a worker; the pool's default otherwise. */
  timeoutMs?: number;
  /** Buffers of the input to move to the worker instead of copying (the caller loses them). */
  transfer?: Transferable[];
}

/** Runs tasks of a registry: the worker pool, or (for benchmarks of the old path) the calling thread. */
export interface TaskRunner<H extends TaskHandlers> {
  run<K extends TaskKind<H>>(kind: K, input: TaskInput<H, K>, options?: RunOptions): Promise<TaskOutput<H, K>>;
}

/**
 * timeout: over its time limit · crashed: its thread died while running it · failed: the handler
 * threw · aborted: cancelled · queue_full, closed: refused · unavailable: no thread could start.
 */
export type TaskFailure = 'timeout' | 'crashed' | 'failed' | 'aborted' | 'queue_full' | 'closed' | 'unavailable';

/** Why a task did not produce its output. Callers turn it into words for a person. */
export class WorkerTaskError extends Error {
  constructor(readonly failure: TaskFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkerTaskError';
  }
}

export type ToWorker = { type: 'run'; id: number; kind: string; input: unknown };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; output: unknown }
  | { type: 'failed'; id: number; error: { name: string; message: string; stack?: string } };
