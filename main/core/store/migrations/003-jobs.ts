import type { Migration } from './migration';

/**
 * The durable job runner's table (DESIGN §8). A job is pending (waiting for `run_at`) or running
 * under a lease (`lease_owner` until `lease_until`); finished jobs are deleted, jobs that gave up
 * stay as `failed` for diagnosis. `key` keeps at most one live job per piece of work.
 * Times are epoch milliseconds so due-time comparisons are plain integer compares.
 */
export const jobs: Migration = {
  version: 3,
  name: 'durable job runner',
  up(db) {
    db.exec(`
      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        queue TEXT NOT NULL,
        key TEXT UNIQUE,
        payload_json TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL,
        run_at INTEGER NOT NULL,
        lease_owner TEXT,
        lease_until INTEGER,
        recovered INTEGER NOT NULL DEFAULT 0,
        cancel_requested INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX jobs_due ON jobs(state, run_at);
      CREATE INDEX jobs_queue ON jobs(queue, state, run_at);`);
  },
};
