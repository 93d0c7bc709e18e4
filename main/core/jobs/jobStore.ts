import { randomUUID } from 'node:crypto';
import type { Database } from '../store/database';
import { prepared } from '../store/statements';

/** A job as stored: pending until `runAt`, or running under a lease. Finished jobs are deleted. */
export interface StoredJob {
  id: string;
  kind: string;
  queue: string;
  key?: string;
  payload: unknown;
  state: 'pending' | 'running' | 'failed';
  /** Runs started so far, this one included once claimed. */
  attempts: number;
  maxAttempts: number;
  runAt: number;
  leaseOwner?: string;
  leaseUntil?: number;
  /** An earlier run lost its lease mid-way (a crash): it may have done part of its work. */
  recovered: boolean;
  lastError?: string;
}

export interface NewJob {
  kind: string;
  /** Jobs of one queue share its concurrency (one queue per account and kind of work). */
  queue: string;
  payload: unknown;
  /** At most one live job per key; enqueueing an existing key returns the existing job. */
  key?: string;
  /** Epoch ms; default now. */
  runAt?: number;
  maxAttempts?: number;
}

interface RawJob {
  id: string;
  kind: string;
  queue: string;
  key: string | null;
  payload_json: string;
  state: StoredJob['state'];
  attempts: number;
  max_attempts: number;
  run_at: number;
  lease_owner: string | null;
  lease_until: number | null;
  recovered: number;
  last_error: string | null;
}

const toJob = (raw: RawJob): StoredJob => ({
  id: raw.id,
  kind: raw.kind,
  queue: raw.queue,
  key: raw.key ?? undefined,
  payload: JSON.parse(raw.payload_json) as unknown,
  state: raw.state,
  attempts: raw.attempts,
  maxAttempts: raw.max_attempts,
  runAt: raw.run_at,
  leaseOwner: raw.lease_owner ?? undefined,
  leaseUntil: raw.lease_until ?? undefined,
  recovered: raw.recovered === 1,
  lastError: raw.last_error ?? undefined,
});

/** Due: pending and its time has come, or running under a lease that has expired (its runner died). */
const DUE = `((state = 'pending' AND run_at <= :now) OR (state = 'running' AND lease_until <= :now))`;

/**
 * The SQL behind the job runner. Every state change that matters for exclusivity is one statement,
 * so two runners on one database (two processes, later two workstations) never hold one job.
 */
export class JobStore {
  constructor(private readonly db: Database, private readonly now: () => number = Date.now) {}

  /** Adds a job, or returns the live job that already has its key. Joins the caller's transaction. */
  enqueue(job: NewJob): { id: string; created: boolean } {
    const now = this.now();
    if (job.key !== undefined) {
      const existing = prepared(this.db, 'SELECT id, state FROM jobs WHERE key = ?').get(job.key) as { id: string; state: string } | undefined;
      if (existing?.state === 'failed') prepared(this.db, 'DELETE FROM jobs WHERE id = ?').run(existing.id);
      else if (existing) return { id: existing.id, created: false };
    }
    const id = randomUUID();
    prepared(this.db, `INSERT INTO jobs (id, kind, queue, key, payload_json, state, attempts, max_attempts, run_at, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)`)
      .run(id, job.kind, job.queue, job.key ?? null, JSON.stringify(job.payload ?? null), job.maxAttempts ?? 10, job.runAt ?? now, now, now);
    return { id, created: true };
  }

  /** Queues that have a job due now. */
  dueQueues(): string[] {
    const rows = prepared(this.db, `SELECT DISTINCT queue FROM jobs WHERE ${DUE}`).all({ now: this.now() }) as Array<{ queue: string }>;
    return rows.map((row) => row.queue);
  }

  /**
   * Takes the queue's next due job under a lease, in one statement: the write lock SQLite holds
   * for the UPDATE covers the SELECT inside it, so no other runner can take the same row.
   */
  claim(queue: string, owner: string, leaseMs: number): StoredJob | undefined {
    const now = this.now();
    const raw = prepared(this.db, `UPDATE jobs SET state = 'running', lease_owner = :owner, lease_until = :until,
          attempts = attempts + 1, recovered = CASE WHEN state = 'running' THEN 1 ELSE recovered END, updated_at = :now
        WHERE id = (SELECT id FROM jobs WHERE queue = :queue AND ${DUE} ORDER BY run_at, rowid LIMIT 1)
        RETURNING *`).get({ owner, until: now + leaseMs, now, queue }) as RawJob | undefined;
    return raw ? toJob(raw) : undefined;
  }

  /** Earliest moment something becomes due (a pending run time or a lease running out). */
  nextDueAt(): number | undefined {
    const row = prepared(this.db, `SELECT MIN(t) AS at FROM (
        SELECT MIN(run_at) AS t FROM jobs WHERE state = 'pending'
        UNION ALL SELECT MIN(lease_until) FROM jobs WHERE state = 'running')`).get() as { at: number | null };
    return row.at ?? undefined;
  }

  /** Extends the leases this owner still holds; returns the ids it still holds. */
  renew(owner: string, ids: readonly string[], leaseMs: number): Set<string> {
    const held = new Set<string>();
    const until = this.now() + leaseMs;
    const update = prepared(this.db, `UPDATE jobs SET lease_until = ? WHERE id = ? AND lease_owner = ? AND state = 'running' RETURNING id`);
    for (const id of ids) if (update.get(until, id, owner)) held.add(id);
    return held;
  }

  /** Ids among `ids` that someone asked to cancel (possibly from another runner). */
  cancelRequested(ids: readonly string[]): string[] {
    if (ids.length === 0) return [];
    const marks = ids.map(() => '?').join(', ');
    const rows = prepared(this.db, `SELECT id FROM jobs WHERE cancel_requested = 1 AND id IN (${marks})`).all(...ids) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** Finished: the job is gone. False when the lease was lost to another runner meanwhile. */
  complete(id: string, owner: string): boolean {
    return Number(prepared(this.db, 'DELETE FROM jobs WHERE id = ? AND lease_owner = ?').run(id, owner).changes) > 0;
  }

  /** Run again at `runAt` as a fresh job (a follow-up poll): attempts start over. */
  reschedule(id: string, owner: string, runAt: number, payload?: unknown): boolean {
    return this.release(id, owner, { runAt, attemptsReset: true, payload });
  }

  /** Run again after a failure, keeping the attempt count. */
  retry(id: string, owner: string, runAt: number, error: string): boolean {
    return this.release(id, owner, { runAt, error });
  }

  /** Gives a job back unfinished (the runner is stopping): the next run knows it was interrupted. */
  interrupt(id: string, owner: string): boolean {
    return this.release(id, owner, { runAt: this.now(), recovered: true });
  }

  /** Gave up: kept as failed, out of every queue. */
  fail(id: string, owner: string, error: string): boolean {
    return Number(prepared(this.db, `UPDATE jobs SET state = 'failed', lease_owner = NULL, lease_until = NULL, last_error = ?, updated_at = ?
        WHERE id = ? AND lease_owner = ?`).run(error, this.now(), id, owner).changes) > 0;
  }

  /**
   * Cancels a job: a pending one is deleted at once ('removed'); a running one is flagged for its
   * runner to abort ('requested'). 'unknown' when there is no such live job.
   */
  cancel(id: string): 'removed' | 'requested' | 'unknown' {
    if (Number(prepared(this.db, `DELETE FROM jobs WHERE id = ? AND state IN ('pending', 'failed')`).run(id).changes) > 0) return 'removed';
    const flagged = prepared(this.db, `UPDATE jobs SET cancel_requested = 1 WHERE id = ? AND state = 'running'`).run(id).changes;
    return Number(flagged) > 0 ? 'requested' : 'unknown';
  }

  /** Removes a job whose run was cancelled, whoever holds it. */
  remove(id: string): void {
    prepared(this.db, 'DELETE FROM jobs WHERE id = ?').run(id);
  }

  /**
   * Leases held by earlier runs of this installation (the app crashed or was killed): nobody else
   * can be running them, so they are due at once instead of after their lease runs out.
   */
  recoverLeasesOf(installation: string, currentOwner: string): number {
    return Number(prepared(this.db, `UPDATE jobs SET state = 'pending', lease_owner = NULL, lease_until = NULL, recovered = 1,
          run_at = MIN(run_at, :now), updated_at = :now
        WHERE state = 'running' AND lease_owner LIKE :prefix ESCAPE '\\' AND lease_owner != :owner`)
      .run({ now: this.now(), prefix: `${installation.replace(/[\\%_]/g, '\\$&')}/%`, owner: currentOwner }).changes);
  }

  /** Makes the pending job with this key due now (a wake from sleep, a person asking); false when none waits. */
  runNow(key: string): boolean {
    const now = this.now();
    return Number(prepared(this.db, `UPDATE jobs SET run_at = ?, updated_at = ? WHERE key = ? AND state = 'pending' AND run_at > ?`)
      .run(now, now, key, now).changes) > 0;
  }

  /** Moves a job that has not started (a scheduled fax) to `runAt`; false when it already runs or is gone. */
  moveRunAt(key: string, runAt: number): boolean {
    return Number(prepared(this.db, `UPDATE jobs SET run_at = ?, updated_at = ? WHERE key = ? AND state = 'pending'`)
      .run(runAt, this.now(), key).changes) > 0;
  }

  get(id: string): StoredJob | undefined {
    const raw = prepared(this.db, 'SELECT * FROM jobs WHERE id = ?').get(id) as RawJob | undefined;
    return raw ? toJob(raw) : undefined;
  }

  byKey(key: string): StoredJob | undefined {
    const raw = prepared(this.db, 'SELECT * FROM jobs WHERE key = ?').get(key) as RawJob | undefined;
    return raw ? toJob(raw) : undefined;
  }

  private release(id: string, owner: string, change: { runAt: number; attemptsReset?: boolean; payload?: unknown; error?: string; recovered?: boolean }): boolean {
    const result = prepared(this.db, `UPDATE jobs SET state = 'pending', lease_owner = NULL, lease_until = NULL, run_at = :runAt,
          attempts = CASE WHEN :reset = 1 THEN 0 ELSE attempts END,
          recovered = :recovered, payload_json = COALESCE(:payload, payload_json), last_error = :error, updated_at = :now
        WHERE id = :id AND lease_owner = :owner`)
      .run({
        runAt: change.runAt, reset: change.attemptsReset ? 1 : 0, recovered: change.recovered ? 1 : 0,
        payload: change.payload === undefined ? null : JSON.stringify(change.payload), error: change.error ?? null,
        now: this.now(), id, owner,
      });
    return Number(result.changes) > 0;
  }
}
