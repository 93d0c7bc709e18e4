import { DocumentKindSchema, type DocumentInfo } from '../../../common/domain/document';
import type { Database } from './database';
import { prepared } from './statements';

export interface DocumentRow extends DocumentInfo {
  /** 'added' by a person; 'composed' by the outbox from pages at send time. */
  origin: 'added' | 'composed';
  createdAt: string;
  /** Retention removed the file; the row stays because faxes still name it. */
  removedByRetentionAt?: string;
}

interface RawDocument {
  id: string;
  name: string;
  kind: string;
  pages: number | null;
  size_bytes: number;
  sent_as: 'pdf' | 'original';
  content_type: string;
  sent_bytes: number;
  sha256: string;
  warnings_json: string;
  origin: 'added' | 'composed';
  created_at: string;
  removed_by_retention_at: string | null;
}

const toRow = (raw: RawDocument): DocumentRow => ({
  id: raw.id,
  name: raw.name,
  kind: DocumentKindSchema.parse(raw.kind),
  pages: raw.pages,
  sizeBytes: raw.size_bytes,
  sentAs: raw.sent_as,
  contentType: raw.content_type,
  sentBytes: raw.sent_bytes,
  sha256: raw.sha256,
  warnings: JSON.parse(raw.warnings_json) as string[],
  origin: raw.origin,
  createdAt: raw.created_at,
  ...(raw.removed_by_retention_at ? { removedByRetentionAt: raw.removed_by_retention_at } : {}),
});

export class DocumentsRepo {
  constructor(private readonly db: Database) {}

  insert(row: DocumentRow): void {
    prepared(this.db, `INSERT INTO documents (id, name, kind, pages, size_bytes, sent_as, content_type, sent_bytes, sha256, warnings_json, origin, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(row.id, row.name, row.kind, row.pages, row.sizeBytes, row.sentAs, row.contentType, row.sentBytes, row.sha256,
        JSON.stringify(row.warnings), row.origin, row.createdAt);
  }

  get(id: string): DocumentRow | undefined {
    const raw = prepared(this.db, 'SELECT * FROM documents WHERE id = ?').get(id) as RawDocument | undefined;
    return raw ? toRow(raw) : undefined;
  }

  remove(id: string): boolean {
    return Number(prepared(this.db, 'DELETE FROM documents WHERE id = ?').run(id).changes) > 0;
  }

  /** True when a fax, a draft or a received fax's split-off part still needs the document (so it must not be deleted). */
  isReferenced(id: string): boolean {
    return prepared(this.db, `SELECT 1 AS found FROM outbox_job_documents WHERE document_id = :id
        UNION ALL SELECT 1 FROM draft_documents WHERE document_id = :id
        UNION ALL SELECT 1 FROM fax_parts WHERE document_id = :id LIMIT 1`).get({ id }) !== undefined;
  }

  /** Documents no fax, draft or split-off part uses that were added before `before` (left behind by a compose that was discarded or sent). */
  unreferencedBefore(before: string, limit = 200): string[] {
    const rows = prepared(this.db, `SELECT id FROM documents WHERE created_at < ?
        AND NOT EXISTS (SELECT 1 FROM outbox_job_documents WHERE document_id = documents.id)
        AND NOT EXISTS (SELECT 1 FROM draft_documents WHERE document_id = documents.id)
        AND NOT EXISTS (SELECT 1 FROM fax_parts WHERE document_id = documents.id) LIMIT ?`).all(before, limit) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }
}
