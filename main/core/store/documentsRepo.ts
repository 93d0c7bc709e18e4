import type { DocumentInfo } from '../../../common/domain/fax';
import type { Database } from './database';
import { prepared } from './statements';

export interface DocumentRow extends DocumentInfo {
  sha256: string;
  createdAt: string;
}

interface RawDocument {
  id: string;
  name: string;
  pages: number;
  size_bytes: number;
  content_type: string;
  sha256: string;
  created_at: string;
}

const toRow = (raw: RawDocument): DocumentRow => ({
  id: raw.id,
  name: raw.name,
  pages: raw.pages,
  sizeBytes: raw.size_bytes,
  contentType: raw.content_type,
  sha256: raw.sha256,
  createdAt: raw.created_at,
});

export class DocumentsRepo {
  constructor(private readonly db: Database) {}

  insert(row: DocumentRow): void {
    prepared(this.db, 'INSERT INTO documents (id, name, pages, size_bytes, content_type, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(row.id, row.name, row.pages, row.sizeBytes, row.contentType, row.sha256, row.createdAt);
  }

  get(id: string): DocumentRow | undefined {
    const raw = prepared(this.db, 'SELECT * FROM documents WHERE id = ?').get(id) as RawDocument | undefined;
    return raw ? toRow(raw) : undefined;
  }

  remove(id: string): boolean {
    return Number(prepared(this.db, 'DELETE FROM documents WHERE id = ?').run(id).changes) > 0;
  }

  /** True when an outbox job still needs the document (so it must not be deleted). */
  isReferenced(id: string): boolean {
    const row = prepared(this.db, 'SELECT 1 AS found FROM outbox_job_documents WHERE document_id = ? LIMIT 1').get(id);
    return row !== undefined;
  }
}
