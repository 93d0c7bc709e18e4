import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS, type Migration } from './migrations/index';
import { readSchemaVersion } from './schemaVersion';

export type Database = DatabaseSync;

/** Thrown when the file was written by a newer Faxdesk: opening it could damage data we do not know. */
export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`This Faxdesk database was written by a newer version of Faxdesk (schema ${found}; this version reads up to ${supported}). `
      + 'It was left unchanged. Update Faxdesk to open it.');
    this.name = 'DatabaseTooNewError';
  }
}

export interface OpenDatabaseOptions {
  /** The migrations to apply (tests stop at an earlier version to build an old schema). */
  migrations?: readonly Migration[];
}

/**
 * Opens (creating if needed) the database and brings its schema up to date. A database from a
 * newer Faxdesk is refused before anything touches the file.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): DatabaseSync {
  const migrations = options.migrations ?? MIGRATIONS;
  checkOrder(migrations);
  const found = readSchemaVersion(file);
  if (found > migrations.length) throw new DatabaseTooNewError(found, migrations.length);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  try {
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function schemaVersionOf(db: DatabaseSync): number {
  return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
}

function migrate(db: DatabaseSync, migrations: readonly Migration[]): void {
  for (const migration of migrations.slice(schemaVersionOf(db))) {
    // Foreign keys cannot be switched inside a transaction; a migration that rebuilds a table
    // must not trip over rows it is about to fix. They are checked once it has run.
    db.exec('PRAGMA foreign_keys = OFF');
    try {
      transaction(db, () => {
        migration.up(db);
        const broken = db.prepare('PRAGMA foreign_key_check').all();
        if (broken.length > 0) throw new Error(`Migration ${migration.version} (${migration.name}) left ${broken.length} broken reference(s).`);
        db.exec(`PRAGMA user_version = ${migration.version}`);
      });
    } finally {
      db.exec('PRAGMA foreign_keys = ON');
    }
  }
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration ${migration.name} has version ${migration.version}, expected ${index + 1}.`);
  });
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
