import type { Migration } from './migration';

/**
 * The audit log (issue 13): one row per thing a person did, each carrying the hash of the one
 * before it. AUTOINCREMENT so a removed last entry still leaves its number in `sqlite_sequence`
 * (ids are never reused, and a gap is how a removal shows). The triggers make the table
 * append-only for Faxdesk and any tool that opens the file; someone who drops them is caught by
 * the hash chain instead.
 */
export const audit: Migration = {
  version: 12,
  name: 'audit log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        os_user TEXT NOT NULL,
        profile TEXT,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        detail TEXT NOT NULL DEFAULT '',
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_log_at ON audit_log(at);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: entries cannot be changed.'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: entries cannot be removed.'); END;
    `);
  },
};
