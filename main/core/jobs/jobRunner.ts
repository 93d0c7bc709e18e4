import type { Logger } from '../log';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { JobStore, NewJob, StoredJob } from './jobStore';

export interface JobContext<P = unknown> {
  id: string;
  kind: string;
  queue: string;
  payload: P;
  /** 1 for the first run. */
  attempt: number;
  /** An earlier run was cut off (crash, kill, quit): it may already have done part of the work. */
  recovered: boolean;
  /** Aborted when the job is cancelled, its lease is lost, or the runner stops. */
  signal: AbortSignal;
}

/** Nothing: the job is done. `runAgainAt`: run it again then (a follow-up), attempts start over. */
export type JobResult = void | { runAgainAt: number; payload?: unknown };

export type JobHandler<P = unknown> = (context: JobContext<P>) => Promise<JobResult>;

/** Thrown by a handler when trying again cannot help. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export interface JobRunnerOptions {
  /** Unique per runner: `<installation>/<run>` so a restart can recover its own earlier leases. */
  owner: string;
  log: Logger;
  leaseMs?: number;
  /** How many jobs of one queue run at once (per account, per kind of work). */
  concurrency?: (queue: string) => number;
  /** Jobs running at once over all queues. */
  maxRunning?: number;
  /** Longest sleep between looks at the table (work written by other runners; leases expiring). */
  pollMs?: number;
  backoff?: BackoffPolicy;
  now?: () => number;
}

interface Running {
  job: StoredJob;
  controller: AbortController;
  done: Promise<void>;
}

const STOPPING = 'runner stopping';
const CANCELLED = 'job cancelled';
const LEASE_LOST = 'lease lost';

/**
 * The durable job runner (DESIGN §8). Jobs wait in SQLite; the runner takes due ones under a lease,
 * as many per queue as the queue allows, the moment they are due (a timer aimed at the next due
 * time, not a fixed tick), renews the leases of what it runs, and records the outcome. A job whose
 * runner died is taken over once its lease expires, marked `recovered` so its handler can check
 * what the earlier run did before doing anything again.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly running = new Map<string, Running>();
  private readonly perQueue = new Map<string, number>();
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxRunning: number;
  private readonly now: () => number;
  private started = false;
  private paused = false;
  private pumpQueued = false;
  private timer: NodeJS.Timeout | undefined;
  private renewer: NodeJS.Timeout | undefined;

  constructor(private readonly store: JobStore, private readonly options: JobRunnerOptions) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 2_000;
    this.maxRunning = options.maxRunning ?? 32;
    this.now = options.now ?? Date.now;
  }

  get owner(): string {
    return this.options.owner;
  }

  register<P>(kind: string, handler: JobHandler<P>): void {
    if (this.handlers.has(kind)) throw new Error(`A handler for ${kind} is already registered`);
    this.handlers.set(kind, handler as JobHandler);
  }

  /** Persists a job (joining the caller's transaction, if any) and wakes the runner. */
  enqueue(job: NewJob): string {
    const { id } = this.store.enqueue(job);
    this.wake();
    return id;
  }

  /** Cancels a pending job, or aborts a running one (here or, through the table, in another runner). */
  cancel(id: string): boolean {
    const outcome = this.store.cancel(id);
    this.running.get(id)?.controller.abort(CANCELLED);
    return outcome !== 'unknown';
  }

  /** Moves the job with this key, if it has not started, to `runAt`. */
  moveRunAt(key: string, runAt: number): boolean {
    const moved = this.store.moveRunAt(key, runAt);
    if (moved) this.wake();
    return moved;
  }

  /** Cancels the pending job with this key; false when it has started or is gone. */
  cancelPending(key: string): boolean {
    const job = this.store.byKey(key);
    return job?.state === 'pending' && this.store.cancel(job.id) === 'removed';
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.renewer = setInterval(() => this.renewLeases(), Math.max(50, Math.floor(this.leaseMs / 3)));
    this.renewer.unref?.();
    this.wake();
  }

  /** Look for due work now (new work, a resumed network, a wake from sleep). */
  wake(): void {
    if (!this.started || this.pumpQueued) return;
    this.pumpQueued = true;
    setImmediate(() => this.pump());
  }

  /** While paused (offline) no new job starts; running ones go on. Resuming looks for due work at once. */
  setPaused(paused: boolean): void {
    this.paused = paused;
    if (!paused) this.wake();
  }

  /** Jobs running in this runner right now. */
  runningCount(queue?: string): number {
    return queue === undefined ? this.running.size : this.perQueue.get(queue) ?? 0;
  }

  /**
   * Stops taking work; gives running jobs `graceMs` to finish, then aborts them. Jobs cut short go
   * back to pending, marked as interrupted, for the next run to check.
   */
  async stop(graceMs = 0): Promise<void> {
    if (!this.started) return;
    this.started = false;
    clearTimeout(this.timer);
    clearInterval(this.renewer);
    const all = () => Promise.allSettled([...this.running.values()].map((entry) => entry.done));
    if (graceMs > 0) await Promise.race([all(), new Promise((resolve) => setTimeout(resolve, graceMs))]);
    for (const entry of this.running.values()) entry.controller.abort(STOPPING);
    await all();
  }

  private pump(): void {
    this.pumpQueued = false;
    if (!this.started) return;
    // Taken before looking: what becomes due while we look is found by the next pump, not the next poll.
    const lookedAt = this.now();
    if (this.paused) return this.arm(lookedAt);
    try {
      for (const queue of this.store.dueQueues()) {
        while (this.running.size < this.maxRunning && this.runningCount(queue) < this.concurrencyOf(queue)) {
          const job = this.store.claim(queue, this.owner, this.leaseMs);
          if (!job) break;
          // Our own lease ran out while we still run it (a stalled loop): keep the one run we have.
          if (this.running.has(job.id)) continue;
          this.launch(job);
        }
      }
    } catch (error) {
      this.options.log.error('job runner could not read its queue', { error });
    }
    this.arm(lookedAt);
  }

  /**
   * Sleeps until the next job is due (or the poll interval, for work other runners add). A timer can
   * fire a millisecond before the wall clock reaches the due time, and the job then becomes due
   * between the look (`lookedAt`) and here: it is not yet "due when looked" so it gets a timer now,
   * rather than waiting a whole poll.
   */
  private arm(lookedAt: number): void {
    clearTimeout(this.timer);
    if (!this.started) return;
    let delay = this.pollMs;
    try {
      const next = this.store.nextDueAt();
      // Due when looked but not taken (no slot free): a finishing job wakes the runner, so wait for that or the poll.
      if (next !== undefined && next > lookedAt) delay = Math.min(delay, next - this.now());
    } catch (error) {
      this.options.log.error('job runner could not read its next due time', { error });
    }
    this.timer = setTimeout(() => this.pump(), Math.max(0, delay));
    this.timer.unref?.();
  }

  private concurrencyOf(queue: string): number {
    return Math.max(1, this.options.concurrency?.(queue) ?? 1);
  }

  private launch(job: StoredJob): void {
    const controller = new AbortController();
    this.perQueue.set(job.queue, this.runningCount(job.queue) + 1);
    const entry: Running = { job, controller, done: Promise.resolve() };
    this.running.set(job.id, entry);
    entry.done = this.run(job, controller).finally(() => {
      this.running.delete(job.id);
      this.perQueue.set(job.queue, this.runningCount(job.queue) - 1);
      this.wake();
    });
  }

  private async run(job: StoredJob, controller: AbortController): Promise<void> {
    const handler = this.handlers.get(job.kind);
    if (!handler) {
      this.store.fail(job.id, this.owner, `No handler for job kind ${job.kind}`);
      this.options.log.error('job has no handler', { jobId: job.id, kind: job.kind });
      return;
    }
    if (job.attempts > job.maxAttempts) {
      this.store.fail(job.id, this.owner, `Gave up after ${job.maxAttempts} attempts`);
      return;
    }
    try {
      const result = await handler({
        id: job.id, kind: job.kind, queue: job.queue, payload: job.payload, attempt: job.attempts,
        recovered: job.recovered, signal: controller.signal,
      });
      if (result) this.store.reschedule(job.id, this.owner, result.runAgainAt, result.payload);
      else this.store.complete(job.id, this.owner);
    } catch (error) {
      this.afterError(job, controller.signal, error);
    }
  }

  private afterError(job: StoredJob, signal: AbortSignal, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (signal.aborted && signal.reason === CANCELLED) return this.store.remove(job.id);
    if (signal.aborted && signal.reason === LEASE_LOST) return; // another runner holds it now
    if (signal.aborted && signal.reason === STOPPING) {
      this.store.interrupt(job.id, this.owner);
      return;
    }
    if (error instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
      this.store.fail(job.id, this.owner, message);
      this.options.log.warn('job gave up', { jobId: job.id, kind: job.kind, attempts: job.attempts, error: message });
      return;
    }
    const delay = backoffDelay(job.attempts, error, this.options.backoff ?? DEFAULT_BACKOFF);
    this.store.retry(job.id, this.owner, this.now() + delay, message);
    this.options.log.debug('job will retry', { jobId: job.id, kind: job.kind, attempt: job.attempts, delayMs: delay });
  }

  /** Keeps our leases alive, and aborts jobs we lost or that someone cancelled through the table. */
  private renewLeases(): void {
    const ids = [...this.running.keys()];
    if (ids.length === 0) return;
    try {
      const held = this.store.renew(this.owner, ids, this.leaseMs);
      for (const id of ids) if (!held.has(id)) this.running.get(id)?.controller.abort(LEASE_LOST);
      for (const id of this.store.cancelRequested(ids)) this.running.get(id)?.controller.abort(CANCELLED);
    } catch (error) {
      this.options.log.error('job runner could not renew its leases', { error });
    }
  }
}
