import type { Database } from './database';
import { prepared } from './statements';

/** The instants before which documents have expired; undefined: kept forever. */
export interface Cutoffs {
  received?: string;
  sent?: string;
}

/** A fax tagged "legal hold" (any case) is kept. Tags are stored cleaned (trimmed, single spaces). */
const NOT_HELD = `NOT EXISTS (SELECT 1 FROM json_each(faxes.tags_json) WHERE lower(value) = 'legal hold')`;
const DONE_STATES = `('sent', 'failed', 'cancelled')`;

/** The SQL of retention: what has expired, what a document is still needed by, and the marks it leaves. */
export class RetentionRepo {
  constructor(private readonly db: Database) {}

  /**
   * Faxes of one direction received (or sent elsewhere) before the cutoff whose document has not
   * been removed. Only faxes that have or may get a document (a `none` has nothing to remove). The
   * string comparison walks the index; julianday() keeps times written with offsets exact.
   */
  expiredFaxes(direction: 'inbound' | 'outbound', cutoff: string, limit: number): Array<{ id: string; document_state: string }> {
    const dayAfter = new Date(Date.parse(cutoff) + 86_400_000).toISOString();
    return prepared(this.db, `SELECT id, document_state FROM faxes WHERE direction = ? AND document_state != 'none' AND created_at < ?
        AND julianday(created_at) < julianday(?) AND ${NOT_HELD} ORDER BY created_at LIMIT ?`)
      .all(direction, dayAfter, cutoff, limit) as Array<{ id: string; document_state: string }>;
  }

  /** Documents split off a fax (each may be needed elsewhere too). */
  partsOf(faxId: string): string[] {
    return (prepared(this.db, 'SELECT document_id FROM fax_parts WHERE fax_id = ?').all(faxId) as Array<{ document_id: string }>).map((row) => row.document_id);
  }

  /** Finished outbox faxes (sent, failed, cancelled) done before the cutoff, not on legal hold, whose documents are still here. */
  expiredJobs(cutoff: string, limit: number): Array<{ id: string }> {
    return prepared(this.db, `SELECT id FROM outbox_jobs WHERE removed_by_retention_at IS NULL AND legal_hold = 0 AND state IN ${DONE_STATES}
        AND created_at < :cutoff AND COALESCE(completed_at, created_at) < :cutoff ORDER BY created_at LIMIT :limit`)
      .all({ cutoff, limit }) as Array<{ id: string }>;
  }

  documentsOfJob(jobId: string): string[] {
    return (prepared(this.db, 'SELECT document_id FROM outbox_job_documents WHERE job_id = ? ORDER BY position').all(jobId) as Array<{ document_id: string }>)
      .map((row) => row.document_id);
  }

  /**
   * True when something still needs the document: a draft, an outbox fax that is not finished,
   * on hold or not yet expired, or a fax it was split off that is held or not yet expired.
   * Documents are shared (one per batch, a forwarded part), so each use is asked about.
   */
  stillNeeded(documentId: string, cutoffs: Cutoffs): boolean {
    return prepared(this.db, `SELECT 1 AS needed FROM draft_documents WHERE document_id = :id
      UNION ALL SELECT 1 FROM outbox_job_documents AS link JOIN outbox_jobs AS job ON job.id = link.job_id
        WHERE link.document_id = :id AND job.removed_by_retention_at IS NULL
          AND (job.legal_hold = 1 OR job.state NOT IN ${DONE_STATES} OR :sent IS NULL OR COALESCE(job.completed_at, job.created_at) >= :sent)
      UNION ALL SELECT 1 FROM fax_parts AS part JOIN faxes ON faxes.id = part.fax_id
        WHERE part.document_id = :id AND NOT EXISTS (SELECT 1 FROM faxes_removed WHERE fax_id = faxes.id)
          AND (NOT ${NOT_HELD} OR (CASE faxes.direction WHEN 'inbound' THEN :received ELSE :sent END) IS NULL
               OR faxes.created_at >= (CASE faxes.direction WHEN 'inbound' THEN :received ELSE :sent END))
      LIMIT 1`).get({ id: documentId, sent: cutoffs.sent ?? null, received: cutoffs.received ?? null }) !== undefined;
  }

  documentFile(documentId: string): { sent_as: 'pdf' | 'original'; removed_by_retention_at: string | null } | undefined {
    return prepared(this.db, 'SELECT sent_as, removed_by_retention_at FROM documents WHERE id = ?').get(documentId) as
      { sent_as: 'pdf' | 'original'; removed_by_retention_at: string | null } | undefined;
  }

  markDocument(documentId: string, at: string): void {
    prepared(this.db, 'UPDATE documents SET removed_by_retention_at = ? WHERE id = ? AND removed_by_retention_at IS NULL').run(at, documentId);
  }

  /** The fax keeps its record; its document is gone for good (a re-sync does not fetch it again). */
  markFax(faxId: string, at: string): void {
    prepared(this.db, `UPDATE faxes SET document_state = 'none', document_problem = NULL, document_sha256 = NULL, document_bytes = NULL,
        updated_at = ? WHERE id = ?`).run(at, faxId);
    prepared(this.db, 'INSERT OR IGNORE INTO faxes_removed (fax_id, removed_at) VALUES (?, ?)').run(faxId, at);
  }

  markJob(jobId: string, at: string): void {
    prepared(this.db, 'UPDATE outbox_jobs SET removed_by_retention_at = ?, updated_at = ? WHERE id = ?').run(at, at, jobId);
  }
}
