import { SendOptionsSchema, type JobState, type SendOptions } from '../../../common/domain/fax';
import type { ErrorInfo } from '../../../common/errors';
import { readStoredError } from '../describeError';
import type { Database } from './database';
import { prepared } from './statements';

export interface FaxQuery {
  text?: string;
  accountId?: string;
  states?: readonly JobState[];
  since?: string;
  until?: string;
  limit?: number;
}

/** A persisted fax in the outbox, as the outbox works with it (documents by id, in send order). */
export interface FaxJobRow {
  id: string;
  batchId: string;
  accountId: string;
  to: string;
  documentIds: string[];
  options: SendOptions;
  pages: number;
  state: JobState;
  providerFaxId?: string;
  pagesSent?: number;
  attempts: number;
  error?: ErrorInfo;
  submittedAt?: string;
  createdAt: string;
  updatedAt: string;
  completedAt?: string;
  /** A person's decision: it arrived after all, or it was sent again as a new fax. */
  resolution?: 'confirmed_by_person' | 'resent';
  archivedAt?: string;
  /** The fax this one sends the rest of, and the first page (1-based) of that fax it starts at. */
  resentFrom?: string;
  firstPage?: number;
  /** The pages sent, as a key: the same pages to the same number within a day is asked about. */
  contentKey?: string;
  /** When it was first seen taking longer than its pages need. */
  stuckSince?: string;
  /** Retention removed its documents (the record stays). */
  removedByRetentionAt?: string;
  /** Kept whatever the retention setting says. */
  legalHold?: boolean;
  /** The person's note and tags (found by search). */
  notes?: string;
  tags?: string[];
}

interface RawFaxJob {
  id: string;
  batch_id: string;
  account_id: string;
  recipient: string;
  document_ids: string | null;
  options_json: string;
  pages: number;
  state: JobState;
  provider_fax_id: string | null;
  pages_sent: number | null;
  attempts: number;
  error_json: string | null;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  resolution: FaxJobRow['resolution'] | null;
  archived_at: string | null;
  resent_from: string | null;
  first_page: number | null;
  content_key: string | null;
  stuck_since: string | null;
  removed_by_retention_at: string | null;
  legal_hold: number;
  notes?: string;
  tags_json?: string;
}

/** Document ids come back in send order from the join table, comma-joined (ids are UUIDs). */
const SELECT = `SELECT job.*, (SELECT group_concat(document_id, ',') FROM
    (SELECT document_id FROM outbox_job_documents WHERE job_id = job.id ORDER BY position)) AS document_ids
  FROM outbox_jobs AS job`;

const toRow = (raw: RawFaxJob): FaxJobRow => ({
  id: raw.id,
  batchId: raw.batch_id,
  accountId: raw.account_id,
  to: raw.recipient,
  documentIds: raw.document_ids ? raw.document_ids.split(',') : [],
  options: SendOptionsSchema.parse(JSON.parse(raw.options_json)),
  pages: raw.pages,
  state: raw.state,
  providerFaxId: raw.provider_fax_id ?? undefined,
  pagesSent: raw.pages_sent ?? undefined,
  attempts: raw.attempts,
  error: raw.error_json ? readStoredError(raw.error_json) : undefined,
  submittedAt: raw.submitted_at ?? undefined,
  createdAt: raw.created_at,
  updatedAt: raw.updated_at,
  completedAt: raw.completed_at ?? undefined,
  resolution: raw.resolution ?? undefined,
  archivedAt: raw.archived_at ?? undefined,
  resentFrom: raw.resent_from ?? undefined,
  firstPage: raw.first_page ?? undefined,
  contentKey: raw.content_key ?? undefined,
  stuckSince: raw.stuck_since ?? undefined,
  removedByRetentionAt: raw.removed_by_retention_at ?? undefined,
  legalHold: raw.legal_hold === 1,
  // Absent on a database older than migration 014 (the migration tests read older schemas).
  notes: raw.notes ?? '',
  tags: raw.tags_json ? JSON.parse(raw.tags_json) as string[] : [],
});

/** The outbox's faxes and the documents each one sends. */
export class FaxJobsRepo {
  constructor(private readonly db: Database) {}

  /** Inserts the fax and its document list; call inside a transaction with anything that must go with it. */
  insert(job: FaxJobRow): void {
    prepared(this.db, `INSERT INTO outbox_jobs (id, batch_id, account_id, recipient, options_json, pages, state,
        provider_fax_id, pages_sent, attempts, error_json, submitted_at, created_at, updated_at, completed_at,
        resent_from, first_page, content_key)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(job.id, job.batchId, job.accountId, job.to, JSON.stringify(job.options), job.pages,
        job.state, job.providerFaxId ?? null, job.pagesSent ?? null, job.attempts, job.error ? JSON.stringify(job.error) : null,
        job.submittedAt ?? null, job.createdAt, job.updatedAt, job.completedAt ?? null,
        job.resentFrom ?? null, job.firstPage ?? null, job.contentKey ?? null);
    const link = prepared(this.db, 'INSERT INTO outbox_job_documents (job_id, position, document_id) VALUES (?, ?, ?)');
    job.documentIds.forEach((documentId, position) => link.run(job.id, position, documentId));
  }

  /** Writes the mutable fields of a fax (options too: a scheduled fax's time can change until it starts). */
  save(job: FaxJobRow): void {
    prepared(this.db, `UPDATE outbox_jobs SET state = ?, provider_fax_id = ?, pages_sent = ?, attempts = ?, error_json = ?,
        submitted_at = ?, updated_at = ?, completed_at = ?, resolution = ?, archived_at = ?, stuck_since = ?, options_json = ? WHERE id = ?`)
      .run(job.state, job.providerFaxId ?? null, job.pagesSent ?? null, job.attempts, job.error ? JSON.stringify(job.error) : null,
        job.submittedAt ?? null, job.updatedAt, job.completedAt ?? null, job.resolution ?? null, job.archivedAt ?? null,
        job.stuckSince ?? null, JSON.stringify(job.options), job.id);
  }

  /** The person's note and tags; false when there is no such fax. */
  annotate(id: string, change: { notes?: string; tags?: string[] }, now: string): boolean {
    return Number(prepared(this.db, `UPDATE outbox_jobs SET notes = COALESCE(?, notes), tags_json = COALESCE(?, tags_json), updated_at = ? WHERE id = ?`)
      .run(change.notes ?? null, change.tags ? JSON.stringify(change.tags) : null, now, id).changes) > 0;
  }

  /** Sets or releases a legal hold; false when there is no such fax. */
  setLegalHold(id: string, hold: boolean, now: string): boolean {
    return Number(prepared(this.db, 'UPDATE outbox_jobs SET legal_hold = ?, updated_at = ? WHERE id = ?').run(hold ? 1 : 0, now, id).changes) > 0;
  }

  /** Welkin drafts that faxes not yet started will be sent as (a fax set to send later). */
  reservedRemoteDrafts(): Set<string> {
    const rows = prepared(this.db, `SELECT json_extract(options_json, '$.remoteDraftId') AS id FROM outbox_jobs
      WHERE state IN ('queued', 'submitting') AND json_extract(options_json, '$.remoteDraftId') IS NOT NULL`).all() as Array<{ id: string }>;
    return new Set(rows.map((row) => row.id));
  }

  get(id: string): FaxJobRow | undefined {
    const raw = prepared(this.db, `${SELECT} WHERE job.id = ?`).get(id) as RawFaxJob | undefined;
    return raw ? toRow(raw) : undefined;
  }

  /**
   * Faxes newest first. `text` matches digits of the number (however typed), the subject, the note,
   * the tags and the names of the files sent; the other filters narrow by account, state and creation time.
   */
  list(query: FaxQuery = {}): FaxJobRow[] {
    const where: string[] = [];
    const params: Array<string | number> = [];
    const digits = query.text?.replace(/\D/g, '') ?? '';
    if (query.text) {
      const like = `%${query.text.replace(/[\\%_]/g, '\\$&')}%`;
      where.push(`(${digits.length >= 3 ? "job.recipient LIKE ? ESCAPE '\\' OR " : ''}json_extract(job.options_json, '$.subject') LIKE ? ESCAPE '\\'
        OR job.notes LIKE ? ESCAPE '\\' OR job.tags_json LIKE ? ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM outbox_job_documents link JOIN documents d ON d.id = link.document_id
                   WHERE link.job_id = job.id AND d.name LIKE ? ESCAPE '\\'))`);
      if (digits.length >= 3) params.push(`%${digits}%`);
      params.push(like, like, like, like);
    }
    if (query.accountId) {
      where.push('job.account_id = ?');
      params.push(query.accountId);
    }
    if (query.states?.length) {
      where.push(`job.state IN (${query.states.map(() => '?').join(', ')})`);
      params.push(...query.states);
    }
    if (query.since) {
      where.push('job.created_at >= ?');
      params.push(query.since);
    }
    if (query.until) {
      where.push('job.created_at < ?');
      params.push(query.until);
    }
    const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY job.created_at DESC, job.id DESC LIMIT ?`;
    return (prepared(this.db, sql).all(...params, query.limit ?? 500) as unknown as RawFaxJob[]).map(toRow);
  }

  inStates(states: readonly JobState[]): FaxJobRow[] {
    const marks = states.map(() => '?').join(', ');
    const rows = prepared(this.db, `${SELECT} WHERE job.state IN (${marks}) ORDER BY job.created_at ASC`).all(...states) as unknown as RawFaxJob[];
    return rows.map(toRow);
  }

  /** The latest fax with these pages to this number since `since` that may have reached it. */
  lastSameContent(to: string, contentKey: string, since: string): FaxJobRow | undefined {
    const raw = prepared(this.db, `${SELECT} WHERE job.recipient = ? AND job.content_key = ? AND job.created_at >= ?
        AND (job.state NOT IN ('failed', 'cancelled') OR COALESCE(job.pages_sent, 0) > 0)
        ORDER BY job.created_at DESC LIMIT 1`).get(to, contentKey, since) as RawFaxJob | undefined;
    return raw ? toRow(raw) : undefined;
  }

  countForAccount(accountId: string, states: readonly JobState[]): number {
    const marks = states.map(() => '?').join(', ');
    const row = prepared(this.db, `SELECT COUNT(*) AS n FROM outbox_jobs WHERE account_id = ? AND state IN (${marks})`).get(accountId, ...states) as { n: number };
    return row.n;
  }
}
