import type { Migration } from './migration';

/** A number as written, without its "+", and as "…1234" (pure SQL, so any SQLite client can write rows). */
const numberForms = (column: string) =>
  `COALESCE(${column} || ' ' || replace(${column}, '+', '') || ' …' || substr(${column}, -4), '')`;
const FTS_VALUES = `new.rowid, ${numberForms('new.from_number')} || ' ' || ${numberForms('new.to_number')},
          COALESCE(new.contact_name, ''), COALESCE(new.subject, ''), new.notes,
          (SELECT COALESCE(group_concat(value, ' '), '') FROM json_each(new.tags_json)), new.file_names`;

/**
 * The inbox (issue 10): every fax a provider holds that the outbox did not send from here, with
 * the local state the providers lack (read, reviewed, filed-to, notes, tags, archived), the
 * document downloaded once (its SHA-256 and page count), per-account watermarks of the polling
 * sync, and a full-text index kept in step by triggers.
 *
 * - `provider_id` is unique per account: the sync upserts by it, so a fax listed twice is one row.
 * - Flags are integers (not only timestamps) so every list query has an index to walk.
 * - The search index is FTS5 with the trigram tokenizer: any 3+ character piece of a number, name,
 *   subject, note, tag or file name matches, so "1234" finds …1234 and "smi" finds Smith.
 *   `numbers` holds each number as written, digits only, and as "…1234".
 */
export const inbox: Migration = {
  version: 6,
  name: 'inbox: faxes, local state, watermarks, search',
  up(db) {
    db.exec(`
      CREATE TABLE faxes (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        provider_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        from_number TEXT,
        to_number TEXT,
        pages INTEGER,
        status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'received')),
        created_at TEXT NOT NULL,
        completed_at TEXT,
        subject TEXT,
        file_names TEXT NOT NULL DEFAULT '',
        provider_json TEXT NOT NULL,
        contact_name TEXT,
        synced_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        document_state TEXT NOT NULL DEFAULT 'pending' CHECK (document_state IN ('pending', 'ready', 'unavailable', 'none')),
        document_problem TEXT CHECK (document_problem IN ('missing', 'corrupt', 'failed')),
        document_sha256 TEXT,
        document_bytes INTEGER,
        document_pages INTEGER,
        document_type TEXT,
        read INTEGER NOT NULL DEFAULT 0,
        read_at TEXT,
        reviewed INTEGER NOT NULL DEFAULT 0,
        reviewed_at TEXT,
        filed_to TEXT,
        notes TEXT NOT NULL DEFAULT '',
        tags_json TEXT NOT NULL DEFAULT '[]',
        archived INTEGER NOT NULL DEFAULT 0,
        archived_at TEXT,
        UNIQUE (account_id, provider_id)
      );
      CREATE INDEX faxes_time ON faxes(direction, archived, created_at);
      CREATE INDEX faxes_account_time ON faxes(account_id, direction, archived, created_at);
      CREATE INDEX faxes_review ON faxes(direction, archived, reviewed, created_at);
      CREATE INDEX faxes_unread ON faxes(direction, archived, read, created_at);
      CREATE INDEX faxes_sender ON faxes(direction, archived, from_number, created_at);
      CREATE INDEX faxes_pages ON faxes(direction, archived, pages, created_at);
      CREATE INDEX faxes_document_pending ON faxes(document_state) WHERE document_state = 'pending';

      CREATE TABLE inbox_watermarks (
        account_id TEXT NOT NULL,
        stream TEXT NOT NULL CHECK (stream IN ('inbound', 'outbound')),
        watermark TEXT NOT NULL,
        synced_at TEXT NOT NULL,
        PRIMARY KEY (account_id, stream)
      );

      CREATE VIRTUAL TABLE faxes_fts USING fts5(numbers, names, subject, notes, tags, files, tokenize = 'trigram');

      CREATE TRIGGER faxes_fts_insert AFTER INSERT ON faxes BEGIN
        INSERT INTO faxes_fts (rowid, numbers, names, subject, notes, tags, files)
        VALUES (${FTS_VALUES});
      END;
      CREATE TRIGGER faxes_fts_update AFTER UPDATE OF from_number, to_number, contact_name, subject, notes, tags_json, file_names ON faxes BEGIN
        DELETE FROM faxes_fts WHERE rowid = old.rowid;
        INSERT INTO faxes_fts (rowid, numbers, names, subject, notes, tags, files)
        VALUES (${FTS_VALUES});
      END;
      CREATE TRIGGER faxes_fts_delete AFTER DELETE ON faxes BEGIN
        DELETE FROM faxes_fts WHERE rowid = old.rowid;
      END;`);
  },
};
