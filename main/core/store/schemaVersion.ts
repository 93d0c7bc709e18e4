import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

const HEADER = 'SQLite format 3\0';
const USER_VERSION_OFFSET = 60;

/**
 * The schema version of a database file, read without changing it: from the file header when no
 * write-ahead log is pending (no side files are created), otherwise through a read-only
 * connection (the log may hold a newer version than the header). 0 for a missing or empty file.
 */
export function readSchemaVersion(file: string): number {
  if (file === ':memory:' || !existsSync(file) || statSync(file).size === 0) return 0;
  const wal = `${file}-wal`;
  if (!existsSync(wal) || statSync(wal).size === 0) {
    const header = Buffer.alloc(100);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
    if (header.toString('latin1', 0, 16) !== HEADER) {
      throw new Error('The Faxdesk database file is not an SQLite database.');
    }
    return header.readUInt32BE(USER_VERSION_OFFSET);
  }
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  } finally {
    db.close();
  }
}
