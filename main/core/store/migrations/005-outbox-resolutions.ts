import type { Migration } from './migration';

/**
 * What a person decided about a fax (it arrived after all; sent again as a new fax), whether it is
 * archived out of the Outbox, which fax a "send the rest" came from and from which page, a key of
 * its content (to catch the same pages going to the same number twice), and when it was first seen
 * taking longer than it should.
 */
export const outboxResolutions: Migration = {
  version: 5,
  name: 'outbox resolutions, archive, resends, content key, stuck',
  up(db) {
    db.exec(`
      ALTER TABLE outbox_jobs ADD COLUMN resolution TEXT CHECK (resolution IN ('confirmed_by_person', 'resent'));
      ALTER TABLE outbox_jobs ADD COLUMN archived_at TEXT;
      ALTER TABLE outbox_jobs ADD COLUMN resent_from TEXT;
      ALTER TABLE outbox_jobs ADD COLUMN first_page INTEGER;
      ALTER TABLE outbox_jobs ADD COLUMN content_key TEXT;
      ALTER TABLE outbox_jobs ADD COLUMN stuck_since TEXT;
      CREATE INDEX outbox_jobs_content ON outbox_jobs(recipient, content_key, created_at);`);
  },
};
