import type { Contact, Group, RecentNumber } from '../../../common/domain/contact';
import type { Database } from '../store/database';
import { searchTerms } from '../store/inboxQuery';
import { prepared } from '../store/statements';

/** A contact as stored; the number is E.164 and `national_digits` its national form's digits. */
export interface ContactRecord {
  id: string;
  name: string;
  organisation: string;
  faxNumber: string;
  nationalDigits: string;
  notes: string;
  favourite: boolean;
  createdAt: string;
  updatedAt: string;
}

type Param = string | number;

/** The last fax to the number, from any account; the groups the contact is in. */
const COLUMNS = `c.id, c.name, c.organisation, c.fax_number, c.notes, c.favourite, c.created_at, c.updated_at,
  (SELECT MAX(o.created_at) FROM outbox_jobs o WHERE o.recipient = c.fax_number) AS last_sent_at,
  (SELECT json_group_array(m.group_id) FROM contact_group_members m WHERE m.contact_id = c.id) AS group_ids`;

/** Favourites first, then numbers faxed most recently, then by name. */
const RANK = `c.favourite DESC, last_sent_at IS NULL, last_sent_at DESC, COALESCE(NULLIF(c.name, ''), c.organisation) COLLATE NOCASE, c.seq`;

interface Row {
  id: string; name: string; organisation: string; fax_number: string; notes: string; favourite: number;
  created_at: string; updated_at: string; last_sent_at: string | null; group_ids: string;
}

const toContact = (row: Row): Contact => ({
  id: row.id, name: row.name, organisation: row.organisation, faxNumber: row.fax_number, notes: row.notes,
  favourite: row.favourite === 1, groupIds: JSON.parse(row.group_ids) as string[], createdAt: row.created_at, updatedAt: row.updated_at,
  ...(row.last_sent_at ? { lastSentAt: row.last_sent_at } : {}),
});

const like = (piece: string) => `%${piece.replace(/[\\%_]/g, '\\$&')}%`;

/** The WHERE clause for what a person typed: trigram matches for 3+ characters, LIKE for shorter pieces. */
function textFilter(text: string | undefined): { sql: string; params: Param[] } {
  if (!text?.trim()) return { sql: '1', params: [] };
  const { match, short } = searchTerms(text);
  const clauses: string[] = [];
  const params: Param[] = [];
  if (match) { clauses.push('c.seq IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)'); params.push(match); }
  for (const piece of short) {
    clauses.push(`c.seq IN (SELECT rowid FROM contacts_fts WHERE name LIKE ? ESCAPE '\\' OR organisation LIKE ? ESCAPE '\\' OR numbers LIKE ? ESCAPE '\\')`);
    params.push(like(piece), like(piece), like(piece));
  }
  return { sql: clauses.join(' AND '), params };
}

/** The address book's tables (migration 007). Plain SQL; the service above it checks and shapes. */
export class ContactsRepo {
  constructor(private readonly db: Database) {}

  insert(record: ContactRecord): void {
    prepared(this.db, `INSERT INTO contacts (id, name, organisation, fax_number, national_digits, notes, favourite, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(record.id, record.name, record.organisation, record.faxNumber, record.nationalDigits,
      record.notes, record.favourite ? 1 : 0, record.createdAt, record.updatedAt);
  }

  update(record: ContactRecord): boolean {
    return prepared(this.db, `UPDATE contacts SET name = ?, organisation = ?, fax_number = ?, national_digits = ?, notes = ?, favourite = ?,
      updated_at = ? WHERE id = ?`).run(record.name, record.organisation, record.faxNumber, record.nationalDigits, record.notes,
      record.favourite ? 1 : 0, record.updatedAt, record.id).changes > 0;
  }

  remove(id: string): boolean {
    return prepared(this.db, 'DELETE FROM contacts WHERE id = ?').run(id).changes > 0;
  }

  record(id: string): ContactRecord | undefined {
    const row = prepared(this.db, `SELECT id, name, organisation, fax_number AS faxNumber, national_digits AS nationalDigits, notes,
      favourite, created_at AS createdAt, updated_at AS updatedAt FROM contacts WHERE id = ?`).get(id) as (Omit<ContactRecord, 'favourite'> & { favourite: number }) | undefined;
    return row && { ...row, favourite: row.favourite === 1 };
  }

  /** The contact with this number (a favourite first, then by name), for the cover page's recipient. */
  byNumber(e164: string): { name: string; organisation: string } | undefined {
    return prepared(this.db, `SELECT name, organisation FROM contacts WHERE fax_number = ?
      ORDER BY favourite DESC, name COLLATE NOCASE LIMIT 1`).get(e164) as { name: string; organisation: string } | undefined;
  }

  get(id: string): Contact | undefined {
    const row = prepared(this.db, `SELECT ${COLUMNS} FROM contacts c WHERE c.id = ?`).get(id) as Row | undefined;
    return row && toContact(row);
  }

  getMany(ids: readonly string[]): Contact[] {
    if (ids.length === 0) return [];
    const rows = prepared(this.db, `SELECT ${COLUMNS} FROM contacts c WHERE c.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as unknown as Row[];
    const byId = new Map(rows.map((row) => [row.id, toContact(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Contacts matching `text` (all without it), ranked, and how many match (`count: false` skips the
   * count: search-as-you-type needs only the first few). The ranking reads only what it sorts by;
   * the page's rows are filled in afterwards, so a search matching 10,000 contacts stays cheap.
   */
  list(text: string | undefined, limit: number, offset = 0, count = true): { total: number; contacts: Contact[] } {
    const { sql, params } = textFilter(text);
    const total = count ? (prepared(this.db, `SELECT COUNT(*) AS n FROM contacts c WHERE ${sql}`).get(...params) as { n: number }).n : -1;
    if (total === 0) return { total, contacts: [] };
    const ids = prepared(this.db, `SELECT c.id, (SELECT MAX(o.created_at) FROM outbox_jobs o WHERE o.recipient = c.fax_number) AS last_sent_at
      FROM contacts c WHERE ${sql} ORDER BY ${RANK} LIMIT ? OFFSET ?`).all(...params, limit, offset) as Array<{ id: string }>;
    const contacts = this.getMany(ids.map((row) => row.id));
    return { total: count ? total : contacts.length, contacts };
  }

  /** Every contact, in the list's order, a page at a time (export). */
  *all(pageSize = 1_000): Generator<Contact> {
    for (let offset = 0; ; offset += pageSize) {
      const rows = prepared(this.db, `SELECT ${COLUMNS} FROM contacts c ORDER BY COALESCE(NULLIF(c.name, ''), c.organisation) COLLATE NOCASE, c.seq LIMIT ? OFFSET ?`)
        .all(pageSize, offset) as unknown as Row[];
      yield* rows.map(toContact);
      if (rows.length < pageSize) return;
    }
  }

  /** Keys "<number> <lower-case name>" of every contact, to find rows of an import that are already here. */
  keys(): Set<string> {
    const rows = prepared(this.db, 'SELECT fax_number, name FROM contacts').all() as Array<{ fax_number: string; name: string }>;
    return new Set(rows.map((row) => contactKey(row.fax_number, row.name)));
  }

  /** Numbers faxed before, newest first; with `text`, those whose digits hold it. */
  recents(limit: number, digits?: string): RecentNumber[] {
    const filter = digits ? `WHERE replace(recipient, '+', '') LIKE ?` : '';
    const rows = prepared(this.db, `SELECT recipient, MAX(created_at) AS last, COUNT(*) AS n FROM outbox_jobs ${filter}
      GROUP BY recipient ORDER BY last DESC LIMIT ?`).all(...(digits ? [`%${digits}%`] : []), limit) as Array<{ recipient: string; last: string; n: number }>;
    return rows.map((row) => ({ number: row.recipient, lastSentAt: row.last, count: row.n }));
  }

  /** Which of `numbers` no real (non-Demo) account has faxed before. */
  neverSent(numbers: readonly string[]): string[] {
    const statement = prepared(this.db, `SELECT 1 FROM outbox_jobs o JOIN accounts a ON a.id = o.account_id
      WHERE o.recipient = ? AND a.demo = 0 LIMIT 1`);
    return numbers.filter((number) => statement.get(number) === undefined);
  }

  groups(): Group[] {
    const rows = prepared(this.db, `SELECT g.id, g.name, g.created_at,
        (SELECT json_group_array(contact_id) FROM (SELECT contact_id FROM contact_group_members WHERE group_id = g.id ORDER BY position)) AS members
      FROM contact_groups g ORDER BY g.name COLLATE NOCASE`).all() as Array<{ id: string; name: string; created_at: string; members: string }>;
    return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at, memberIds: JSON.parse(row.members) as string[] }));
  }

  group(id: string): Group | undefined {
    return this.groups().find((group) => group.id === id);
  }

  putGroup(group: Group): void {
    prepared(this.db, `INSERT INTO contact_groups (id, name, created_at) VALUES (?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name`).run(group.id, group.name, group.createdAt);
    prepared(this.db, 'DELETE FROM contact_group_members WHERE group_id = ?').run(group.id);
    const add = prepared(this.db, 'INSERT OR IGNORE INTO contact_group_members (group_id, contact_id, position) VALUES (?, ?, ?)');
    group.memberIds.forEach((contactId, position) => add.run(group.id, contactId, position));
  }

  removeGroup(id: string): boolean {
    return prepared(this.db, 'DELETE FROM contact_groups WHERE id = ?').run(id).changes > 0;
  }

  /** Ids among `ids` that name a contact. */
  existing(ids: readonly string[]): Set<string> {
    if (ids.length === 0) return new Set();
    const rows = prepared(this.db, 'SELECT id FROM contacts WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Array<{ id: string }>;
    return new Set(rows.map((row) => row.id));
  }
}

/** Two contacts are the same when they have the same number and name (an office's shared fax has several names). */
export const contactKey = (faxNumber: string, name: string) => `${faxNumber} ${name.trim().toLowerCase()}`;
