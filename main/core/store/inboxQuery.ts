import type { InboxCounts, InboxQuery } from '../../../common/domain/inbox';
import type { Database } from './database';
import { LIST_COLUMNS, type InboxRow } from './inboxRepo';
import { prepared } from './statements';

type Param = string | number;

const ORDER: Record<InboxQuery['sort'], string> = {
  time_desc: 'created_at DESC, rowid DESC',
  time_asc: 'created_at ASC, rowid ASC',
  sender_asc: 'COALESCE(contact_name, from_number) ASC, created_at DESC',
  sender_desc: 'COALESCE(contact_name, from_number) DESC, created_at DESC',
  pages_desc: 'pages DESC, created_at DESC',
  pages_asc: 'pages ASC, created_at DESC',
};

const PHONE_LIKE = /^[\d\s()+.\-…]+$/;

/**
 * What a person typed, as an FTS5 query for the trigram index: each word (a number typed with
 * spaces, dashes or brackets counts as its digits) is a quoted phrase, and all must match.
 * Pieces under three characters cannot use a trigram index; they are matched with LIKE instead.
 */
export function searchTerms(text: string): { match?: string; short: string[] } {
  const trimmed = text.trim();
  const words = PHONE_LIKE.test(trimmed) && /\d/.test(trimmed) ? [trimmed.replace(/\D/g, '')] : trimmed.split(/\s+/);
  const long: string[] = [];
  const short: string[] = [];
  for (const word of words.filter(Boolean)) (Array.from(word).length >= 3 ? long : short).push(word);
  return { match: long.length > 0 ? long.map((word) => `"${word.replace(/"/g, '""')}"`).join(' ') : undefined, short };
}

/** The WHERE clause of a list query and of its count (the same rows, so the header's total is right). */
function where(query: InboxQuery, hiddenAccounts: readonly string[]): { sql: string; params: Param[] } {
  // A fax deleted at its provider stays as a row (a late poll must not bring it back as new) but is never shown.
  const clauses = ['direction = ?', 'deleted_at IS NULL'];
  const params: Param[] = [query.direction];
  if (!query.archived) clauses.push('archived = 0');
  if (query.accountId) { clauses.push('account_id = ?'); params.push(query.accountId); }
  if (query.view === 'needs_review' || query.notReviewed) clauses.push('reviewed = 0');
  if (query.unread) clauses.push('read = 0');
  if (query.since) { clauses.push('created_at >= ?'); params.push(new Date(query.since).toISOString()); }
  if (query.until) { clauses.push('created_at < ?'); params.push(new Date(query.until).toISOString()); }
  if (query.sender) {
    const digits = query.sender.replace(/\D/g, '');
    if (digits.length >= 7) { clauses.push(`replace(from_number, '+', '') = ?`); params.push(digits); }
    else { clauses.push(`from_number LIKE ?`); params.push(`%${digits || query.sender}`); }
  }
  if (hiddenAccounts.length > 0 && query.view !== 'account') {
    clauses.push(`account_id NOT IN (${hiddenAccounts.map(() => '?').join(', ')})`);
    params.push(...hiddenAccounts);
  }
  if (query.text) {
    const { match, short } = searchTerms(query.text);
    if (match) { clauses.push('rowid IN (SELECT rowid FROM faxes_fts WHERE faxes_fts MATCH ?)'); params.push(match); }
    for (const piece of short) {
      clauses.push(`rowid IN (SELECT rowid FROM faxes_fts WHERE numbers LIKE ? OR names LIKE ? OR subject LIKE ? OR notes LIKE ? OR tags LIKE ? OR files LIKE ?)`);
      const like = `%${piece.replace(/[\\%_]/g, '\\$&')}%`;
      params.push(like, like, like, like, like, like);
    }
  }
  return { sql: clauses.join(' AND '), params };
}

/** One page of a view and how many faxes the whole view holds. */
export function listInbox(db: Database, query: InboxQuery, hiddenAccounts: readonly string[] = []): { total: number; rows: InboxRow[] } {
  const { sql, params } = where(query, hiddenAccounts);
  const escape = sql.includes('LIKE ?') ? " ESCAPE '\\'" : '';
  const likeSql = escape ? sql.replaceAll('LIKE ?', `LIKE ?${escape}`) : sql;
  const total = (prepared(db, `SELECT COUNT(*) AS n FROM faxes WHERE ${likeSql}`).get(...params) as { n: number }).n;
  const rows = total === 0 ? [] : prepared(db, `SELECT ${LIST_COLUMNS} FROM faxes WHERE ${likeSql} ORDER BY ${ORDER[query.sort]} LIMIT ? OFFSET ?`)
    .all(...params, query.limit, query.offset) as unknown as InboxRow[];
  return { total, rows };
}

/** Unread and needs-review counts, over all accounts and per account (received, not archived). */
export function countInbox(db: Database, hiddenAccounts: readonly string[] = []): InboxCounts {
  const rows = prepared(db, `SELECT account_id, COUNT(*) AS total, SUM(read = 0) AS unread, SUM(reviewed = 0) AS review
      FROM faxes WHERE direction = 'inbound' AND archived = 0 AND deleted_at IS NULL GROUP BY account_id`).all() as Array<{ account_id: string; total: number; unread: number; review: number }>;
  const accounts = rows.map((row) => ({ accountId: row.account_id, total: row.total, unread: row.unread, needsReview: row.review }));
  const shown = accounts.filter((account) => !hiddenAccounts.includes(account.accountId));
  const sum = (pick: (account: (typeof accounts)[number]) => number) => shown.reduce((total, account) => total + pick(account), 0);
  return { unread: sum((a) => a.unread), needsReview: sum((a) => a.needsReview), total: sum((a) => a.total), accounts };
}
