import { randomUUID } from 'node:crypto';
import type { InboxDocument } from '../../../common/domain/inbox';
import type { Database } from './database';
import { prepared } from './statements';

/** A fax as the provider describes it, ready to be upserted by its provider id. */
/** The address book's name for a number: a favourite first, then the oldest entry; its organisation when it has no name. */
const CONTACT_NAME_OF = (number: string) => `SELECT COALESCE(NULLIF(c.name, ''), NULLIF(c.organisation, '')) FROM contacts c
  WHERE c.fax_number = ${number} ORDER BY c.favourite DESC, c.seq LIMIT 1`;

export interface RemoteFaxRow {
  accountId: string;
  providerId: string;
  direction: 'inbound' | 'outbound';
  from?: string;
  to?: string;
  pages?: number;
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'received';
  createdAt: string;
  completedAt?: string;
  subject?: string;
  fileNames: string[];
  /** The provider's own fields, kept as they came for later use. */
  raw: unknown;
  /** Where the document stands on arrival: `pending` (to download), `unavailable` (none at the provider), `none`. */
  document: 'pending' | 'unavailable' | 'none';
  /** The provider's reviewed flag (Welkin), adopted when set. */
  reviewed?: boolean;
  filedTo?: string;
}

export interface InboxRow {
  rowid: number;
  id: string;
  account_id: string;
  provider_id: string;
  direction: 'inbound' | 'outbound';
  from_number: string | null;
  to_number: string | null;
  pages: number | null;
  status: RemoteFaxRow['status'];
  created_at: string;
  completed_at: string | null;
  subject: string | null;
  file_names: string;
  contact_name: string | null;
  document_state: InboxDocument['state'];
  document_problem: InboxDocument['problem'] | null;
  document_sha256: string | null;
  document_bytes: number | null;
  document_pages: number | null;
  document_type: string | null;
  read: number;
  reviewed: number;
  filed_to: string | null;
  notes: string;
  tags_json: string;
  archived: number;
  rotations_json: string;
  filed_patient_id: string | null;
}

export type UpsertOutcome = { id: string; outcome: 'inserted' | 'updated' | 'unchanged'; document: string };

/** Columns a list needs (everything but the raw provider JSON). */
export const LIST_COLUMNS = `rowid, id, account_id, provider_id, direction, from_number, to_number, pages, status, created_at, completed_at,
  subject, file_names, contact_name, document_state, document_problem, document_sha256, document_bytes, document_pages, document_type,
  read, reviewed, filed_to, notes, tags_json, archived, rotations_json, filed_patient_id`;

/** The inbox's SQL: upserts by provider id, local state, documents, watermarks. */
export class InboxRepo {
  constructor(readonly db: Database) {}

  /**
   * Inserts the fax, or updates what the provider says about it when that changed. Local state
   * (read, reviewed, notes, tags, archived) and the document are never touched by a sync, except
   * that a reviewed flag set at the provider is adopted, and the patient it reports filed to (kept
   * as "<patient> — <document type>" when Faxdesk filed it to that patient itself).
   */
  upsert(fax: RemoteFaxRow, now: string): UpsertOutcome {
    const raw = JSON.stringify(fax.raw ?? null);
    const existing = prepared(this.db, 'SELECT id, provider_json, document_state, document_problem FROM faxes WHERE account_id = ? AND provider_id = ?')
      .get(fax.accountId, fax.providerId) as { id: string; provider_json: string; document_state: string; document_problem: string | null } | undefined;
    if (!existing) {
      const id = randomUUID();
      prepared(this.db, `INSERT INTO faxes (id, account_id, provider_id, direction, from_number, to_number, pages, status, created_at, completed_at,
          subject, file_names, provider_json, synced_at, updated_at, document_state, reviewed, reviewed_at, filed_to)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, fax.accountId, fax.providerId, fax.direction, fax.from ?? null, fax.to ?? null, fax.pages ?? null, fax.status, fax.createdAt,
          fax.completedAt ?? null, fax.subject ?? null, fax.fileNames.join('\n'), raw, now, now, fax.document,
          fax.reviewed ? 1 : 0, fax.reviewed ? now : null, fax.filedTo ?? null);
      if (fax.document === 'unavailable') this.setDocumentProblem(id, 'missing');
      return { id, outcome: 'inserted', document: fax.document === 'unavailable' ? 'unavailable' : fax.document };
    }
    if (existing.provider_json === raw) return { id: existing.id, outcome: 'unchanged', document: existing.document_state };
    // A document the provider now has (a fax that finished arriving) becomes due for download.
    const problem = existing.document_problem;
    // A document retention removed is never fetched again.
    const document = fax.document === 'pending' && (existing.document_state === 'none' || (existing.document_state === 'unavailable' && problem === 'missing'))
      && this.removedByRetention([existing.id]).size === 0 ? 'pending' : existing.document_state;
    prepared(this.db, `UPDATE faxes SET from_number = ?, to_number = ?, pages = COALESCE(?, pages), status = ?, completed_at = ?, subject = ?,
        file_names = ?, provider_json = ?, synced_at = ?, updated_at = ?, document_state = ?,
        document_problem = CASE WHEN ? = 'pending' THEN NULL ELSE document_problem END,
        reviewed = CASE WHEN ? = 1 THEN 1 ELSE reviewed END, reviewed_at = CASE WHEN ? = 1 AND reviewed = 0 THEN ? ELSE reviewed_at END,
        filed_to = CASE WHEN lower(filed_patient_id) = lower(?) THEN filed_to ELSE COALESCE(?, filed_to) END
      WHERE id = ?`)
      .run(fax.from ?? null, fax.to ?? null, fax.pages ?? null, fax.status, fax.completedAt ?? null, fax.subject ?? null, fax.fileNames.join('\n'),
        raw, now, now, document, document, fax.reviewed ? 1 : 0, fax.reviewed ? 1 : 0, now, fax.filedTo ?? null, fax.filedTo ?? null, existing.id);
    return { id: existing.id, outcome: 'updated', document };
  }

  /**
   * The address book's name for each sender (the contact's name, else its organisation), so the
   * list shows and search finds "Lakeshore Imaging" rather than a number; after any change to the
   * address book. Answers the faxes whose name changed.
   */
  refreshContactNames(): string[] {
    const rows = prepared(this.db, `UPDATE faxes SET contact_name = (${CONTACT_NAME_OF('faxes.from_number')})
      WHERE from_number IS NOT NULL AND contact_name IS NOT (${CONTACT_NAME_OF('faxes.from_number')}) RETURNING id`).all() as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** Names the senders of faxes just stored (a sync's new faxes), from the address book. */
  nameSenders(ids: readonly string[]): void {
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500);
      prepared(this.db, `UPDATE faxes SET contact_name = (${CONTACT_NAME_OF('faxes.from_number')})
        WHERE id IN (${batch.map(() => '?').join(', ')}) AND from_number IS NOT NULL`).run(...batch);
    }
  }

  /** A fax still in the inbox (one deleted at its provider is not). */
  get(id: string): InboxRow | undefined {
    return prepared(this.db, `SELECT ${LIST_COLUMNS} FROM faxes WHERE id = ? AND deleted_at IS NULL`).get(id) as InboxRow | undefined;
  }

  byProviderId(accountId: string, providerId: string): InboxRow | undefined {
    return prepared(this.db, `SELECT ${LIST_COLUMNS} FROM faxes WHERE account_id = ? AND provider_id = ? AND deleted_at IS NULL`).get(accountId, providerId) as InboxRow | undefined;
  }

  /** The provider's raw fields of a fax (kept for later use; not part of list rows). */
  rawOf(id: string): unknown {
    const row = prepared(this.db, 'SELECT provider_json FROM faxes WHERE id = ?').get(id) as { provider_json: string } | undefined;
    return row ? JSON.parse(row.provider_json) as unknown : undefined;
  }

  /** When retention removed these faxes' documents (those it did). */
  removedByRetention(ids: readonly string[]): Map<string, string> {
    if (ids.length === 0) return new Map();
    const rows = prepared(this.db, `SELECT fax_id, removed_at FROM faxes_removed WHERE fax_id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as Array<{ fax_id: string; removed_at: string }>;
    return new Map(rows.map((row) => [row.fax_id, row.removed_at]));
  }

  /** Faxes whose document still has to be downloaded (after a restart, every one gets its job). */
  pendingDocuments(): Array<{ id: string; account_id: string }> {
    return prepared(this.db, `SELECT id, account_id FROM faxes WHERE document_state = 'pending' AND deleted_at IS NULL`).all() as Array<{ id: string; account_id: string }>;
  }

  /** False when retention removed the fax's document meanwhile (the file just written must go). */
  setDocumentReady(id: string, facts: { sha256: string; bytes: number; pages: number; contentType: string }, now: string): boolean {
    return Number(prepared(this.db, `UPDATE faxes SET document_state = 'ready', document_problem = NULL, document_sha256 = ?, document_bytes = ?,
        document_pages = ?, document_type = ?, pages = COALESCE(NULLIF(pages, 0), ?), updated_at = ?
        WHERE id = ? AND NOT EXISTS (SELECT 1 FROM faxes_removed WHERE fax_id = faxes.id)`)
      .run(facts.sha256, facts.bytes, facts.pages, facts.contentType, facts.pages, now, id).changes) > 0;
  }

  setDocumentProblem(id: string, problem: 'missing' | 'corrupt' | 'failed'): void {
    prepared(this.db, `UPDATE faxes SET document_state = 'unavailable', document_problem = ?, document_sha256 = NULL, document_bytes = NULL,
        document_pages = NULL WHERE id = ?`).run(problem, id);
  }

  /** Back to pending (a person asked to retry); false when there is no such fax or its document is fine. */
  resetDocument(id: string): boolean {
    return Number(prepared(this.db, `UPDATE faxes SET document_state = 'pending', document_problem = NULL
        WHERE id = ? AND document_state = 'unavailable'`).run(id).changes) > 0;
  }

  /** Sets read or reviewed on the faxes; returns the ids that changed. */
  mark(ids: readonly string[], flag: 'read' | 'reviewed', value: boolean, now: string): string[] {
    const column = flag === 'read' ? 'read' : 'reviewed';
    const update = prepared(this.db, `UPDATE faxes SET ${column} = ?, ${column}_at = ?, updated_at = ? WHERE id = ? AND ${column} != ? AND deleted_at IS NULL RETURNING id`);
    const changed: string[] = [];
    for (const id of ids) {
      const row = update.get(value ? 1 : 0, value ? now : null, now, id, value ? 1 : 0) as { id: string } | undefined;
      if (row) changed.push(row.id);
    }
    return changed;
  }

  watermark(accountId: string, stream: 'inbound' | 'outbound'): string | undefined {
    const row = prepared(this.db, 'SELECT watermark FROM inbox_watermarks WHERE account_id = ? AND stream = ?').get(accountId, stream) as { watermark: string } | undefined;
    return row?.watermark;
  }

  /** Called only after the rows of the window are committed (DESIGN §5). */
  setWatermark(accountId: string, stream: 'inbound' | 'outbound', watermark: string, now: string): void {
    prepared(this.db, `INSERT INTO inbox_watermarks (account_id, stream, watermark, synced_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(account_id, stream) DO UPDATE SET watermark = excluded.watermark, synced_at = excluded.synced_at`)
      .run(accountId, stream, watermark, now);
  }

  lastSyncedAt(accountId: string): string | undefined {
    const row = prepared(this.db, `SELECT synced_at FROM inbox_watermarks WHERE account_id = ? AND stream = 'inbound'`).get(accountId) as { synced_at: string } | undefined;
    return row?.synced_at;
  }

  /** Faxes this outbox sent itself (its jobs hold their provider ids): they are the Outbox's, not Sent-from-elsewhere. */
  isOutboxFax(accountId: string, providerId: string): boolean {
    return prepared(this.db, 'SELECT 1 FROM outbox_jobs WHERE account_id = ? AND provider_fax_id = ? LIMIT 1').get(accountId, providerId) !== undefined;
  }

  isOutboxJob(jobId: string): boolean {
    return jobId !== '' && prepared(this.db, 'SELECT 1 FROM outbox_jobs WHERE id = ?').get(jobId) !== undefined;
  }

  countAll(): number {
    return (prepared(this.db, 'SELECT COUNT(*) AS n FROM faxes').get() as { n: number }).n;
  }
}
