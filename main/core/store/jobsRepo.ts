import { z } from 'zod';
import { SendOptionsSchema, type JobState, type SendOptions } from '../../../common/domain/fax';
import type { ErrorInfo } from '../../../common/errors';
import { readStoredError } from '../describeError';
import type { Database } from './database';

/** A persisted outbox job, as the outbox works with it (documents by id). */
export interface JobRow {
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
}

interface RawJob {
  id: string;
  batch_id: string;
  account_id: string;
  recipient: string;
  document_ids_json: string;
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
}

const toRow = (raw: RawJob): JobRow => ({
  id: raw.id,
  batchId: raw.batch_id,
  accountId: raw.account_id,
  to: raw.recipient,
  documentIds: z.array(z.string()).parse(JSON.parse(raw.document_ids_json)),
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
});

export class JobsRepo {
  constructor(private readonly db: Database) {}

  insert(job: JobRow): void {
    this.db.prepare(`INSERT INTO outbox_jobs (id, batch_id, account_id, recipient, document_ids_json, options_json, pages, state,
        provider_fax_id, pages_sent, attempts, error_json, submitted_at, created_at, updated_at, completed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(job.id, job.batchId, job.accountId, job.to, JSON.stringify(job.documentIds), JSON.stringify(job.options), job.pages,
        job.state, job.providerFaxId ?? null, job.pagesSent ?? null, job.attempts, job.error ? JSON.stringify(job.error) : null,
        job.submittedAt ?? null, job.createdAt, job.updatedAt, job.completedAt ?? null);
  }

  /** Writes the mutable fields of a job. */
  save(job: JobRow): void {
    this.db.prepare(`UPDATE outbox_jobs SET state = ?, provider_fax_id = ?, pages_sent = ?, attempts = ?, error_json = ?,
        submitted_at = ?, updated_at = ?, completed_at = ? WHERE id = ?`)
      .run(job.state, job.providerFaxId ?? null, job.pagesSent ?? null, job.attempts, job.error ? JSON.stringify(job.error) : null,
        job.submittedAt ?? null, job.updatedAt, job.completedAt ?? null, job.id);
  }

  get(id: string): JobRow | undefined {
    const raw = this.db.prepare('SELECT * FROM outbox_jobs WHERE id = ?').get(id) as RawJob | undefined;
    return raw ? toRow(raw) : undefined;
  }

  list(limit = 500): JobRow[] {
    const rows = this.db.prepare('SELECT * FROM outbox_jobs ORDER BY created_at DESC, id DESC LIMIT ?').all(limit) as unknown as RawJob[];
    return rows.map(toRow);
  }

  inStates(states: readonly JobState[]): JobRow[] {
    const marks = states.map(() => '?').join(', ');
    const rows = this.db.prepare(`SELECT * FROM outbox_jobs WHERE state IN (${marks}) ORDER BY created_at ASC`).all(...states) as unknown as RawJob[];
    return rows.map(toRow);
  }

  countForAccount(accountId: string, states: readonly JobState[]): number {
    const marks = states.map(() => '?').join(', ');
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM outbox_jobs WHERE account_id = ? AND state IN (${marks})`).get(accountId, ...states) as { n: number };
    return row.n;
  }
}
