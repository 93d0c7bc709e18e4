import type { Migration } from './migration';

/** Notes and tags on sent faxes too (issue 11: "on any fax, sent or received"), found by the Outbox's search. */
export const outboxNotes: Migration = {
  version: 14,
  name: 'notes and tags on sent faxes',
  up(db) {
    db.exec(`
      ALTER TABLE outbox_jobs ADD COLUMN notes TEXT NOT NULL DEFAULT '';
      ALTER TABLE outbox_jobs ADD COLUMN tags_json TEXT NOT NULL DEFAULT '[]';
    `);
  },
};
