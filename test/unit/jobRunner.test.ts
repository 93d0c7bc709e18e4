import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../main/core/jobs/backoff';
import { JobRunner, PermanentJobError, type JobContext } from '../../main/core/jobs/jobRunner';
import { JobStore } from '../../main/core/jobs/jobStore';
import { createLogger } from '../../main/core/log';
import { openDatabase, type Database } from '../../main/core/store/database';
import { waitFor } from '../support/testKit';

/** The job runner against a real SQLite file; other runners in real child processes. */
const CHILD = resolve(import.meta.dirname, '../support/jobRunnerChild.ts');
const quiet = createLogger(() => {});
let dir: string;
let db: Database;
const runners: JobRunner[] = [];
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'faxdesk-jobs-'));
  db = openDatabase(join(dir, 'faxdesk.sqlite'));
  db.exec('CREATE TABLE runs (job_id TEXT NOT NULL, owner TEXT NOT NULL, attempt INTEGER NOT NULL, recovered INTEGER NOT NULL, at INTEGER DEFAULT (unixepoch(\'subsec\') * 1000))');
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function runner(owner: string, options: Partial<ConstructorParameters<typeof JobRunner>[1]> = {}): JobRunner {
  const made = new JobRunner(new JobStore(db), { owner, log: quiet, pollMs: 50, leaseMs: 2_000, concurrency: () => 2, backoff: { baseMs: 20, maxMs: 100 }, ...options });
  runners.push(made);
  return made;
}

function child(owner: string, mode: 'count' | 'hang', leaseMs: number, total = 0): Promise<ChildProcess> {
  const proc = fork(CHILD, [join(dir, 'faxdesk.sqlite'), owner, mode, String(leaseMs), String(total)], {
    execArgv: ['--import', 'tsx', '--no-warnings'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(proc);
  return new Promise((resolvePromise, reject) => {
    proc.once('message', () => resolvePromise(proc));
    proc.once('exit', (code) => reject(new Error(`runner child exited early (${code})`)));
  });
}

const exited = (proc: ChildProcess) => new Promise<number | null>((done) => {
  if (proc.exitCode !== null) done(proc.exitCode);
  else proc.once('exit', (code) => done(code));
});

const runs = () => db.prepare('SELECT job_id, owner, attempt, recovered FROM runs').all() as Array<{ job_id: string; owner: string; attempt: number; recovered: number }>;

describe('job runner on a real SQLite file', () => {
  it('two runners in two processes share 500 jobs on one database: each job runs exactly once', async () => {
    // Both runners are up and polling before the work arrives, as two workstations would be. Leases
    // are long, so a process starved on a busy machine is not taken over (that is the next test).
    const [a, b] = await Promise.all([child('runner-a', 'count', 30_000, 500), child('runner-b', 'count', 30_000, 500)]);
    const store = new JobStore(db);
    for (let n = 0; n < 500; n++) store.enqueue({ kind: 'test.job', queue: `account-${n % 5}`, payload: { n } });
    expect(await Promise.all([exited(a), exited(b)])).toEqual([0, 0]);
    const all = runs();
    expect(all).toHaveLength(500);
    expect(new Set(all.map((run) => run.job_id)).size).toBe(500);
    expect(all.every((run) => run.attempt === 1 && run.recovered === 0)).toBe(true);
    // Both took part (otherwise the test would not show exclusivity).
    expect(new Set(all.map((run) => run.owner))).toEqual(new Set(['runner-a', 'runner-b']));
    expect(db.prepare('SELECT COUNT(*) AS n FROM jobs').get()).toEqual({ n: 0 });
  }, 60_000);

  it('a runner killed mid-job (SIGKILL) has its lease taken over after it expires, marked recovered', async () => {
    const leaseMs = 1_500;
    const jobId = new JobStore(db).enqueue({ kind: 'test.job', queue: 'q', payload: { n: 0 } }).id;
    const doomed = await child('doomed', 'hang', leaseMs);
    await waitFor(() => runs().length === 1, 10_000, 'the child started the job');
    doomed.kill('SIGKILL');
    await exited(doomed);
    const killedAt = Date.now();
    const seen: JobContext[] = [];
    const survivor = runner('survivor', { leaseMs, pollMs: 50 });
    survivor.register('test.job', async (context) => { seen.push(context); });
    survivor.start();
    await waitFor(() => seen.length === 1, 10_000, 'taken over');
    const lease = db.prepare('SELECT at FROM runs').get() as { at: number };
    // Not before the dead runner's lease ran out, counted from when it took the job.
    expect(Date.now()).toBeGreaterThanOrEqual(lease.at + leaseMs - 50);
    expect(seen[0]).toMatchObject({ id: jobId, attempt: 2, recovered: true });
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    await waitFor(() => (db.prepare('SELECT COUNT(*) AS n FROM jobs').get() as { n: number }).n === 0, 5_000, 'done');
  }, 30_000);

  it('honours Retry-After: the next attempt waits at least as long as the service asked', async () => {
    const at: number[] = [];
    const r = runner('r1');
    r.register('test.job', async () => {
      at.push(Date.now());
      if (at.length === 1) throw Object.assign(new Error('429 Too Many Requests'), { retryAfterMs: 1_200 });
    });
    r.start();
    r.enqueue({ kind: 'test.job', queue: 'q', payload: {} });
    await waitFor(() => at.length === 2, 10_000, 'second attempt');
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(1_200);
  });

  it('backs off with jitter between attempts, then gives up and keeps the job as failed', async () => {
    const at: number[] = [];
    const r = runner('r1', { backoff: { baseMs: 100, maxMs: 1_000 } });
    r.register('test.job', async () => { at.push(Date.now()); throw new Error('still broken'); });
    r.start();
    const id = r.enqueue({ kind: 'test.job', queue: 'q', payload: {}, maxAttempts: 3 });
    await waitFor(() => new JobStore(db).get(id)?.state === 'failed', 10_000, 'gave up');
    expect(at).toHaveLength(3);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(50); // attempt 1 → 2: 50–100 ms
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(100); // attempt 2 → 3: 100–200 ms
    expect(new JobStore(db).get(id)).toMatchObject({ attempts: 3, lastError: 'still broken' });
  });

  it('stops at once on a permanent error', async () => {
    let calls = 0;
    const r = runner('r1');
    r.register('test.job', async () => { calls++; throw new PermanentJobError('cannot help'); });
    r.start();
    const id = r.enqueue({ kind: 'test.job', queue: 'q', payload: {} });
    await waitFor(() => new JobStore(db).get(id)?.state === 'failed', 5_000, 'failed');
    expect(calls).toBe(1);
  });

  it('starts work when it is due, not on the next poll', async () => {
    let ranAt = 0;
    const r = runner('r1', { pollMs: 60_000 });
    r.register('test.job', async () => { ranAt = Date.now(); });
    r.start();
    const dueAt = Date.now() + 300;
    r.enqueue({ kind: 'test.job', queue: 'q', payload: {}, runAt: dueAt });
    await waitFor(() => ranAt > 0, 5_000, 'ran');
    expect(ranAt).toBeGreaterThanOrEqual(dueAt);
    expect(ranAt - dueAt).toBeLessThan(1_000);
  });

  it('runs a job that becomes due while the runner looks at once, not a whole poll later', async () => {
    // A timer can fire a millisecond before the wall clock reaches the due time: the look finds
    // nothing due, and the clock passes the job's time before the runner sets its next timer.
    let clock = 1_000_000;
    const now = () => clock;
    class CrossingStore extends JobStore {
      crossTo?: number;
      override dueQueues(): string[] {
        const queues = super.dueQueues();
        if (this.crossTo !== undefined) [clock, this.crossTo] = [this.crossTo, undefined];
        return queues;
      }
    }
    const store = new CrossingStore(db, now);
    const r = new JobRunner(store, { owner: 'r1', log: quiet, pollMs: 60_000, leaseMs: 2_000, now });
    runners.push(r);
    let ran = false;
    r.register('test.job', async () => { ran = true; });
    r.start();
    await new Promise((resolve) => setTimeout(resolve, 20)); // the start's look is done
    store.crossTo = clock + 300;
    r.enqueue({ kind: 'test.job', queue: 'q', payload: {}, runAt: clock + 300 });
    await waitFor(() => ran, 5_000, 'ran');
  });

  it('runs each queue up to its own concurrency; a stuck queue does not hold up another', async () => {
    const r = runner('r1', { concurrency: (queue) => (queue === 'slow' ? 1 : 3) });
    let slowRunning = 0;
    let maxSlow = 0;
    const fastDone: number[] = [];
    r.register<{ q: string }>('test.job', async (context) => {
      if (context.payload.q === 'slow') {
        maxSlow = Math.max(maxSlow, ++slowRunning);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        slowRunning--;
      } else {
        fastDone.push(Date.now());
      }
    });
    r.start();
    const started = Date.now();
    for (let n = 0; n < 3; n++) r.enqueue({ kind: 'test.job', queue: 'slow', payload: { q: 'slow' } });
    for (let n = 0; n < 20; n++) r.enqueue({ kind: 'test.job', queue: 'fast', payload: { q: 'fast' } });
    await waitFor(() => fastDone.length === 20, 5_000, 'fast queue done');
    expect(Math.max(...fastDone) - started).toBeLessThan(1_000); // before the first slow job finished
    await waitFor(() => (db.prepare('SELECT COUNT(*) AS n FROM jobs').get() as { n: number }).n === 0, 10_000, 'slow done');
    expect(maxSlow).toBe(1);
  });

  it('cancels a pending job (it never runs) and aborts a running one', async () => {
    const r = runner('r1');
    const ran: string[] = [];
    let aborted = false;
    r.register<{ name: string }>('test.job', async (context) => {
      ran.push(context.payload.name);
      if (context.payload.name === 'long') {
        await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
        aborted = true;
        throw new Error('aborted');
      }
    });
    r.start();
    const later = r.enqueue({ kind: 'test.job', queue: 'q', payload: { name: 'later' }, runAt: Date.now() + 60_000 });
    const long = r.enqueue({ kind: 'test.job', queue: 'q', payload: { name: 'long' } });
    await waitFor(() => ran.includes('long'), 5_000, 'long started');
    expect(r.cancel(later)).toBe(true);
    expect(r.cancel(long)).toBe(true);
    await waitFor(() => aborted, 5_000, 'aborted');
    await waitFor(() => (db.prepare('SELECT COUNT(*) AS n FROM jobs').get() as { n: number }).n === 0, 5_000, 'both gone');
    expect(ran).toEqual(['long']);
  });

  it('a stopping runner gives unfinished jobs back as interrupted, and a restart takes its own leases back at once', async () => {
    const store = new JobStore(db);
    const first = runner('install-1/run-1', { leaseMs: 60_000 });
    let started = false;
    first.register('test.job', async (context) => {
      started = true;
      await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
      throw new Error('stopped');
    });
    first.start();
    const id = first.enqueue({ kind: 'test.job', queue: 'q', payload: {} });
    await waitFor(() => started, 5_000, 'started');
    await first.stop();
    expect(store.get(id)).toMatchObject({ state: 'pending', recovered: true });

    // A crash leaves the lease in place; the same installation's next run need not wait 60 s for it.
    db.prepare("UPDATE jobs SET state = 'running', lease_owner = 'install-1/run-1', lease_until = ? WHERE id = ?").run(Date.now() + 60_000, id);
    expect(store.recoverLeasesOf('install-1', 'install-1/run-2')).toBe(1);
    expect(store.recoverLeasesOf('install-2', 'install-2/run-1')).toBe(0);
    const seen: JobContext[] = [];
    const second = runner('install-1/run-2');
    second.register('test.job', async (context) => { seen.push(context); });
    second.start();
    await waitFor(() => seen.length === 1, 5_000, 'resumed');
    expect(seen[0]).toMatchObject({ recovered: true });
  });

  it('keeps one live job per key', () => {
    const store = new JobStore(db);
    const a = store.enqueue({ kind: 'k', queue: 'q', payload: {}, key: 'fax.submit:1' });
    const b = store.enqueue({ kind: 'k', queue: 'q', payload: {}, key: 'fax.submit:1' });
    expect(b).toEqual({ id: a.id, created: false });
  });
});

describe('backoff', () => {
  it('grows exponentially with equal jitter and is capped', () => {
    const policy = { baseMs: 1_000, maxMs: 8_000 };
    expect(backoffDelay(1, new Error('x'), policy, () => 0)).toBe(500);
    expect(backoffDelay(1, new Error('x'), policy, () => 1)).toBe(1_000);
    expect(backoffDelay(3, new Error('x'), policy, () => 0)).toBe(2_000);
    expect(backoffDelay(10, new Error('x'), policy, () => 1)).toBe(8_000);
  });

  it('never waits less than a Retry-After', () => {
    expect(backoffDelay(1, { retryAfterMs: 30_000 }, undefined, () => 0)).toBe(30_000);
    expect(backoffDelay(1, { retryAfterMs: 30_000 }, undefined, () => 1)).toBe(31_000);
  });
});
