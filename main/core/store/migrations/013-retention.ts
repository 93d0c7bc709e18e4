import type { Migration } from './migration';

/**
 * Retention (issue 13, item 4): when a fax's local document was removed because the retention
 * setting says so (the record stays), and a legal hold on sent faxes (received faxes are held by
 * a "legal hold" tag). A document row keeps its record too: jobs still name it.
 *
 * - Inbox faxes get a table of their own (`faxes_removed`) rather than a column, so the inbox's
 *   list columns stay as they were (and readable on every earlier schema).
 * - The partial indexes hold only what retention may still have to look at, so a daily run over
 *   a large history reads few rows.
 */
export const retention: Migration = {
  version: 13,
  name: 'retention: documents removed by retention, legal hold on sent faxes',
  up(db) {
    db.exec(`
      CREATE TABLE faxes_removed (
        fax_id TEXT PRIMARY KEY REFERENCES faxes(id) ON DELETE CASCADE,
        removed_at TEXT NOT NULL
      );
      ALTER TABLE outbox_jobs ADD COLUMN removed_by_retention_at TEXT;
      ALTER TABLE outbox_jobs ADD COLUMN legal_hold INTEGER NOT NULL DEFAULT 0 CHECK (legal_hold IN (0, 1));
      ALTER TABLE documents ADD COLUMN removed_by_retention_at TEXT;
      CREATE INDEX faxes_retention ON faxes(direction, created_at) WHERE document_state != 'none';
      CREATE INDEX outbox_jobs_retention ON outbox_jobs(created_at) WHERE removed_by_retention_at IS NULL;
    `);
  },
};
