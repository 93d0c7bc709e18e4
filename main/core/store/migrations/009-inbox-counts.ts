import type { Migration } from './migration';

/**
 * The sidebar's and the title's counts (unread, to review, per account) read only this index:
 * without it they visited every received fax's row, ≈ 1 s at 100,000 faxes with the core's event
 * loop held the whole time.
 */
export const inboxCounts: Migration = {
  version: 9,
  name: 'inbox counts from an index',
  up(db) {
    db.exec('CREATE INDEX faxes_counts ON faxes(direction, archived, account_id, read, reviewed);');
  },
};
