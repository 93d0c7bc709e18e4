import type { Migration } from './migration';

/**
 * Documents of every kind, normalised once: what a file turned out to be, what is sent (Faxdesk's
 * PDF, or the original when the provider converts it, and then the page count may be unknown),
 * warnings from the conversion, and whether a person added it or the outbox composed it from
 * pages at send time. `pages` becomes nullable, so the table is rebuilt (SQLite cannot relax NOT
 * NULL in place); rows from before were PDFs sent as they were.
 */
export const normalisedDocuments: Migration = {
  version: 4,
  name: 'normalised documents of every kind',
  up(db) {
    db.exec(`
      CREATE TABLE documents_v4 (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('pdf', 'image', 'tiff', 'docx', 'text')),
        pages INTEGER,
        size_bytes INTEGER NOT NULL,
        sent_as TEXT NOT NULL CHECK (sent_as IN ('pdf', 'original')),
        content_type TEXT NOT NULL,
        sent_bytes INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        warnings_json TEXT NOT NULL DEFAULT '[]',
        origin TEXT NOT NULL DEFAULT 'added' CHECK (origin IN ('added', 'composed')),
        created_at TEXT NOT NULL
      );
      INSERT INTO documents_v4 (id, name, kind, pages, size_bytes, sent_as, content_type, sent_bytes, sha256, created_at)
        SELECT id, name, 'pdf', pages, size_bytes, 'pdf', content_type, size_bytes, sha256, created_at FROM documents;
      DROP TABLE documents;
      ALTER TABLE documents_v4 RENAME TO documents;
      CREATE INDEX documents_created ON documents(created_at);`);
  },
};
