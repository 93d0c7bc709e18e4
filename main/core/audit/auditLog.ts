import { userInfo } from 'node:os';
import type { DatabaseSync } from 'node:sqlite';
import type {
  AuditAction, AuditEntry, AuditPage, AuditQuery, AuditTargetType, AuditVerify,
} from '../../../common/domain/audit';
import { AppError } from '../../../common/ipc/result';
import type { MetaRepo } from '../store/metaRepo';
import { prepared } from '../store/statements';
import { CSV_HEADER_LINE, auditCsvLine } from './auditCsv';
import { ChainWalk, GENESIS, hashEntry, type AuditRow } from './auditChain';

export interface AuditTarget { type: AuditTargetType; id: string }
/** Ids and counts only: values are checked so a name or a sentence cannot slip in. */
export type AuditDetail = Record<string, string | number | boolean | undefined>;
export interface AuditNote { action: AuditAction; target?: AuditTarget | null; detail?: AuditDetail }

export interface AuditLogOptions {
  db: DatabaseSync;
  meta: MetaRepo;
  now?: () => Date;
  /** The OS account name (tests pass one; default `os.userInfo().username`). */
  osUser?: string;
}

const PROFILE_KEY = 'audit.profile';
/** Rows per step of a walk (≈ 10 ms): Verify and export yield between steps, so the core's event loop never stalls. */
const PAGE_ROWS = 1_000;
const JOIN_BYTES_PER_TURN = 2 * 1024 * 1024;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Ids (uuids, provider ids), ISO times, enum words: no spaces, no '+', no '@'. */
const DETAIL_VALUE = /^[A-Za-z0-9_.:-]{0,80}$/;
const DETAIL_KEY = /^[a-zA-Z][a-zA-Z0-9]{0,31}$/;

function currentOsUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown'; // no passwd entry (some containers)
  }
}

/** `key=value;key=value`; refuses what is not an id, a count or a flag. */
export function formatDetail(detail: AuditDetail = {}): string {
  return Object.entries(detail).filter(([, value]) => value !== undefined).map(([key, value]) => {
    const text = String(value);
    if (!DETAIL_KEY.test(key) || !DETAIL_VALUE.test(text)) throw new TypeError(`Audit detail ${key} is not an id, a count or a flag.`);
    return `${key}=${text}`;
  }).join(';');
}

const toUtc = (instant: string): string => {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw AppError.of('invalid_input', `${instant} is not a date and time.`);
  return new Date(ms).toISOString();
};

/** Checks and normalises a range to UTC (`from` inclusive, `to` exclusive). */
function utcRange(from?: string, to?: string): { from?: string; to?: string } {
  const range = { from: from === undefined ? undefined : toUtc(from), to: to === undefined ? undefined : toUtc(to) };
  if (range.from && range.to && range.from > range.to) {
    throw AppError.of('invalid_input', 'The range ends before it starts: choose a start date on or before the end date.');
  }
  return range;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id, at: row.at, osUser: row.os_user, action: row.action as AuditAction, detail: row.detail,
  ...(row.profile ? { profile: row.profile } : {}),
  ...(row.target_type ? { targetType: row.target_type as AuditTargetType } : {}),
  ...(row.target_id ? { targetId: row.target_id } : {}),
});

/**
 * The append-only, hash-chained audit log. Every entry is written in a transaction that reads the
 * chain's head, so two writers cannot both link to the same entry.
 */
export class AuditLog {
  private readonly db: DatabaseSync;
  private readonly now: () => Date;
  readonly osUser: string;
  private currentProfile: string | undefined;

  constructor(private readonly options: AuditLogOptions) {
    this.db = options.db;
    this.now = options.now ?? (() => new Date());
    this.osUser = options.osUser ?? currentOsUser();
    this.currentProfile = options.meta.get(PROFILE_KEY) || undefined;
  }

  /** The initials of the person at the desk, if they set them. */
  profile(): string | undefined {
    return this.currentProfile;
  }

  /** Sets (empty: clears) the initials written with the entries that follow. */
  setProfile(initials: string): void {
    const value = initials.trim();
    this.options.meta.set(PROFILE_KEY, value);
    this.currentProfile = value || undefined;
  }

  record(action: AuditAction, target?: AuditTarget | null, detail?: AuditDetail): AuditEntry {
    return this.recordAll([{ action, target, detail }])[0]!;
  }

  /** Several entries in one transaction (a bulk action: one per fax). */
  recordAll(notes: readonly AuditNote[]): AuditEntry[] {
    if (notes.length === 0) return [];
    const rows = notes.map((note) => ({ note, detail: formatDetail(note.detail) })); // refused before anything is written
    return this.inTransaction(() => {
      const head = prepared(this.db, `SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'audit_log') AS seq,
        (SELECT id FROM audit_log ORDER BY id DESC LIMIT 1) AS id, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS hash`)
        .get() as { seq: number | null; id: number | null; hash: string | null };
      // Past the highest id ever issued: entries removed from the end leave a gap Verify sees.
      let id = Math.max(head.seq ?? 0, head.id ?? 0);
      let prev = head.hash ?? GENESIS;
      const at = this.now().toISOString();
      const insert = prepared(this.db, `INSERT INTO audit_log (id, at, os_user, profile, action, target_type, target_id, detail, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      return rows.map(({ note, detail }) => {
        id += 1;
        const row = { id, at, os_user: this.osUser, profile: this.currentProfile ?? null, action: note.action,
          target_type: note.target?.type ?? null, target_id: note.target?.id ?? null, detail };
        const hash = hashEntry(prev, row);
        insert.run(row.id, row.at, row.os_user, row.profile, row.action, row.target_type, row.target_id, row.detail, prev, hash);
        const entry = toEntry({ ...row, prev_hash: prev, hash });
        prev = hash;
        return entry;
      });
    });
  }

  /** A page of entries, newest first, within a date range and of some actions. */
  list(query: AuditQuery): AuditPage {
    const { where, params } = this.filter(query);
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM audit_log ${where}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(...params, query.limit, query.offset) as unknown as AuditRow[];
    return { total, entries: rows.map(toEntry) };
  }

  /** Whether the chain holds, walking every entry in order. */
  async verify(): Promise<AuditVerify> {
    const walk = new ChainWalk();
    // Pages start after the last id walked; a gap there is still seen (the walk expects the next number).
    for (let after = 0; !walk.failed;) {
      const rows = prepared(this.db, 'SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?').all(after, PAGE_ROWS) as unknown as AuditRow[];
      walk.step(rows);
      if (rows.length < PAGE_ROWS) break;
      after = rows.at(-1)!.id;
      await nextTurn();
    }
    const seq = this.db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).get() as { seq: number } | undefined;
    return walk.finish(seq?.seq ?? 0);
  }

  /** The entries of a date range as CSV (UTC times, RFC 4180 quoting, UTF-8 with a BOM so Excel reads it as such). */
  async exportCsv(from: string, to: string): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer>; entries: number; from: string; to: string }> {
    const range = utcRange(from, to) as { from: string; to: string };
    const { where, params } = this.filter(range);
    const encoder = new TextEncoder();
    // Encoded page by page: one join and encode of a whole large log would stall the event loop.
    const chunks = [encoder.encode(`\uFEFF${CSV_HEADER_LINE}`)];
    let entries = 0;
    const page = prepared(this.db, `SELECT * FROM audit_log ${where ? `${where} AND` : 'WHERE'} id > ? ORDER BY id LIMIT ?`);
    for (let after = 0; ;) {
      const rows = page.all(...params, after, PAGE_ROWS) as unknown as AuditRow[];
      chunks.push(encoder.encode(rows.map(auditCsvLine).join('')));
      entries += rows.length;
      if (rows.length < PAGE_ROWS) break;
      after = rows.at(-1)!.id;
      await nextTurn();
    }
    // Put together a few MB at a time: copying 22 MB into fresh memory in one go held the loop 80–100 ms.
    const bytes = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.byteLength, 0));
    for (let at = 0, sinceTurn = 0, index = 0; index < chunks.length; index++) {
      bytes.set(chunks[index]!, at);
      at += chunks[index]!.byteLength;
      sinceTurn += chunks[index]!.byteLength;
      if (sinceTurn >= JOIN_BYTES_PER_TURN) {
        sinceTurn = 0;
        await nextTurn();
      }
    }
    const name = `faxdesk-audit-${range.from.slice(0, 10)}-to-${range.to.slice(0, 10)}.csv`;
    return { name, bytes, entries, ...range };
  }

  private filter(query: Pick<AuditQuery, 'from' | 'to' | 'actions'>): { where: string; params: string[] } {
    const { from, to } = utcRange(query.from, query.to);
    const clauses: string[] = [];
    const params: string[] = [];
    if (from) { clauses.push('at >= ?'); params.push(from); }
    if (to) { clauses.push('at < ?'); params.push(to); }
    if (query.actions?.length) {
      clauses.push(`action IN (${query.actions.map(() => '?').join(',')})`);
      params.push(...query.actions);
    }
    return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  /** Its own transaction, or a savepoint inside the caller's. */
  private inTransaction<T>(work: () => T): T {
    const nested = this.db.isTransaction;
    this.db.exec(nested ? 'SAVEPOINT audit' : 'BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec(nested ? 'RELEASE audit' : 'COMMIT');
      return result;
    } catch (error) {
      this.db.exec(nested ? 'ROLLBACK TO audit; RELEASE audit' : 'ROLLBACK');
      throw error;
    }
  }
}
