import type { Migration } from './migration';

/** Every form of the number a person may type: as written, digits only, national digits, and "…1234". */
const FTS_VALUES = `new.seq, new.name, new.organisation,
          new.fax_number || ' ' || replace(new.fax_number, '+', '') || ' ' || new.national_digits || ' …' || substr(new.fax_number, -4)`;

/**
 * The address book (issue 9): contacts with one fax number each (E.164), groups for broadcasts,
 * and a trigram FTS5 index over name, organisation and the number's digits kept by triggers, so
 * search-as-you-type finds "river" in Riverside Clinic and "0100" in +1 201 555 0100.
 *
 * - `seq` is an explicit INTEGER PRIMARY KEY so the index's rowids survive VACUUM; `id` is what
 *   the rest of Faxdesk names a contact by.
 * - `national_digits` is written by the core (libphonenumber), so "0207946…" finds +44 20 7946 ….
 * - Group members go with their contact (ON DELETE CASCADE); their order is the order they were added.
 */
export const contacts: Migration = {
  version: 8,
  name: 'contacts: address book, groups, search',
  up(db) {
    db.exec(`
      CREATE TABLE contacts (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL DEFAULT '',
        organisation TEXT NOT NULL DEFAULT '',
        fax_number TEXT NOT NULL,
        national_digits TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        favourite INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX contacts_order ON contacts(favourite DESC, name COLLATE NOCASE, organisation COLLATE NOCASE);
      CREATE INDEX contacts_number ON contacts(fax_number);

      CREATE TABLE contact_groups (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE contact_group_members (
        group_id TEXT NOT NULL REFERENCES contact_groups(id) ON DELETE CASCADE,
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        PRIMARY KEY (group_id, contact_id)
      );
      CREATE INDEX contact_group_members_contact ON contact_group_members(contact_id);

      CREATE VIRTUAL TABLE contacts_fts USING fts5(name, organisation, numbers, tokenize = 'trigram');
      CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO contacts_fts (rowid, name, organisation, numbers) VALUES (${FTS_VALUES});
      END;
      CREATE TRIGGER contacts_fts_update AFTER UPDATE OF name, organisation, fax_number, national_digits ON contacts BEGIN
        DELETE FROM contacts_fts WHERE rowid = old.seq;
        INSERT INTO contacts_fts (rowid, name, organisation, numbers) VALUES (${FTS_VALUES});
      END;
      CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
        DELETE FROM contacts_fts WHERE rowid = old.seq;
      END;`);
  },
};
