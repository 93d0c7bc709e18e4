import type { Migration } from './migration';

/**
 * The fax viewer's actions (issue 11): page turns kept with the fax, the Welkin patient it was
 * filed to, faxes deleted at their provider (hidden here, kept so a late poll cannot bring them
 * back as new), and pages split off into documents of their own.
 *
 * - The counts index gains `deleted_at` so the sidebar's counts still read the index alone.
 * - `fax_parts` names the split documents, so the document sweep keeps them.
 */
export const inboxActions: Migration = {
  version: 11,
  name: 'inbox actions: rotations, filing, deletion, split pages',
  up(db) {
    db.exec(`
      ALTER TABLE faxes ADD COLUMN rotations_json TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE faxes ADD COLUMN filed_patient_id TEXT;
      ALTER TABLE faxes ADD COLUMN deleted_at TEXT;

      DROP INDEX faxes_counts;
      CREATE INDEX faxes_counts ON faxes(direction, archived, deleted_at, account_id, read, reviewed);
      CREATE INDEX faxes_filed_sender ON faxes(account_id, from_number, created_at) WHERE filed_patient_id IS NOT NULL;

      CREATE TABLE fax_parts (
        fax_id TEXT NOT NULL REFERENCES faxes(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL,
        pages_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (fax_id, document_id)
      );
      CREATE INDEX fax_parts_document ON fax_parts(document_id);
    `);
  },
};
