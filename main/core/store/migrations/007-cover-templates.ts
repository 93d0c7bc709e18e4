import type { Migration } from './migration';

/**
 * Cover page templates a person saved (the built-in ones live in code), with their logo; and the
 * price the provider reported for each sent fax, so compose can estimate what a fax will cost.
 */
export const coverTemplates: Migration = {
  version: 7,
  name: 'cover page templates, fax prices',
  up(db) {
    db.exec(`
      CREATE TABLE cover_templates (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        layout_json TEXT NOT NULL,
        sender_json TEXT NOT NULL,
        logo_type TEXT CHECK (logo_type IN ('png', 'jpeg')),
        logo BLOB,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((logo IS NULL) = (logo_type IS NULL))
      );
      CREATE TABLE fax_prices (
        fax_id TEXT PRIMARY KEY REFERENCES outbox_jobs(id) ON DELETE CASCADE,
        account_id TEXT NOT NULL,
        pages INTEGER NOT NULL,
        amount REAL NOT NULL,
        currency TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX fax_prices_account ON fax_prices(account_id, recorded_at);`);
  },
};
