import { DraftContentSchema, type DraftContent } from '../../../common/domain/draft';
import { transaction, type Database } from './database';
import { prepared } from './statements';

/** A draft as stored: its content, and how far its Welkin mirror has caught up. */
export interface DraftRow {
  id: string;
  accountId: string | null;
  content: DraftContent;
  /** Counts saves; the mirror has caught up when `syncedVersion` equals it. */
  version: number;
  remoteId?: string;
  /** Document id → the file id Welkin gave its upload to the remote draft. */
  remoteFiles: Record<string, string>;
  syncedVersion: number;
  createdAt: string;
  updatedAt: string;
}

interface RawDraft {
  id: string;
  account_id: string | null;
  content_json: string;
  version: number;
  remote_id: string | null;
  remote_files_json: string;
  synced_version: number;
  created_at: string;
  updated_at: string;
}

/** A draft written by a newer Faxdesk, or damaged, still opens: what cannot be read is left empty. */
function readContent(json: string): DraftContent {
  try {
    const parsed = DraftContentSchema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch { /* falls through to an empty draft */ }
  return DraftContentSchema.parse({});
}

const toRow = (raw: RawDraft): DraftRow => ({
  id: raw.id,
  accountId: raw.account_id,
  content: readContent(raw.content_json),
  version: raw.version,
  ...(raw.remote_id ? { remoteId: raw.remote_id } : {}),
  remoteFiles: JSON.parse(raw.remote_files_json) as Record<string, string>,
  syncedVersion: raw.synced_version,
  createdAt: raw.created_at,
  updatedAt: raw.updated_at,
});

export class DraftsRepo {
  constructor(private readonly db: Database) {}

  /** Newest first. */
  list(limit = 500): DraftRow[] {
    return (prepared(this.db, 'SELECT * FROM drafts ORDER BY updated_at DESC LIMIT ?').all(limit) as unknown as RawDraft[]).map(toRow);
  }

  get(id: string): DraftRow | undefined {
    const raw = prepared(this.db, 'SELECT * FROM drafts WHERE id = ?').get(id) as RawDraft | undefined;
    return raw ? toRow(raw) : undefined;
  }

  byRemote(accountId: string, remoteId: string): DraftRow | undefined {
    const raw = prepared(this.db, 'SELECT * FROM drafts WHERE account_id = ? AND remote_id = ?').get(accountId, remoteId) as RawDraft | undefined;
    return raw ? toRow(raw) : undefined;
  }

  /** Writes the content (a new draft, or the next version of one) and the documents it names, together. */
  put(id: string, content: DraftContent, now: string, remote?: { remoteId: string; remoteFiles: Record<string, string> }): DraftRow {
    transaction(this.db, () => {
      prepared(this.db, `INSERT INTO drafts (id, account_id, content_json, remote_id, remote_files_json, created_at, updated_at)
          VALUES (:id, :account, :content, :remote, :files, :now, :now)
          ON CONFLICT(id) DO UPDATE SET account_id = :account, content_json = :content, version = version + 1, updated_at = :now`)
        .run({ id, account: content.accountId, content: JSON.stringify(content), remote: remote?.remoteId ?? null, files: JSON.stringify(remote?.remoteFiles ?? {}), now });
      prepared(this.db, 'DELETE FROM draft_documents WHERE draft_id = ?').run(id);
      for (const documentId of new Set(content.documentIds)) {
        prepared(this.db, 'INSERT INTO draft_documents (draft_id, document_id) VALUES (?, ?)').run(id, documentId);
      }
    });
    return this.get(id)!;
  }

  /** What the mirroring job learnt: the remote draft, its files, and the version it caught up with. */
  setRemote(id: string, change: { remoteId: string | null; remoteFiles: Record<string, string>; syncedVersion: number }): void {
    prepared(this.db, 'UPDATE drafts SET remote_id = ?, remote_files_json = ?, synced_version = ? WHERE id = ?')
      .run(change.remoteId, JSON.stringify(change.remoteFiles), change.syncedVersion, id);
  }

  remove(id: string): boolean {
    return Number(prepared(this.db, 'DELETE FROM drafts WHERE id = ?').run(id).changes) > 0;
  }
}
