import type { Migration } from './migration';

/** The first schema: accounts, documents and the outbox (what the walking skeleton shipped). */
export const initial: Migration = {
  version: 1,
  name: 'accounts, documents, outbox',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        provider TEXT NOT NULL,
        settings_json TEXT NOT NULL,
        demo INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        pages INTEGER NOT NULL,
        size_bytes INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE outbox_jobs (
        id TEXT PRIMARY KEY,
        batch_id TEXT NOT NULL,
        account_id TEXT NOT NULL,
        recipient TEXT NOT NULL,
        document_ids_json TEXT NOT NULL,
        options_json TEXT NOT NULL,
        pages INTEGER NOT NULL,
        state TEXT NOT NULL,
        provider_fax_id TEXT,
        pages_sent INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        error_json TEXT,
        submitted_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        completed_at TEXT
      );
      CREATE INDEX outbox_jobs_state ON outbox_jobs(state);
      CREATE INDEX outbox_jobs_created ON outbox_jobs(created_at);`);
  },
};
