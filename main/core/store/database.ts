import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * Migrations, numbered in code. Each runs once, in order, inside a transaction; the applied
 * number is kept in `PRAGMA user_version`.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE accounts (
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
   CREATE INDEX outbox_jobs_created ON outbox_jobs(created_at);`,
];

export type Database = DatabaseSync;

export function openDatabase(file: string): DatabaseSync {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  migrate(db);
  return db;
}

function migrate(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  for (let version = row.user_version; version < MIGRATIONS.length; version++) {
    transaction(db, () => {
      db.exec(MIGRATIONS[version]!);
      db.exec(`PRAGMA user_version = ${version + 1}`);
    });
  }
}

/** Runs `work` in one transaction; rolls back on error. */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
