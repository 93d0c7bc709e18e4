import type { Migration } from './migration';

/**
 * Drafts that survive (issue 9): everything in compose, autosaved as JSON, and the documents each
 * draft names in a join table, so the document sweep never deletes a draft's files.
 *
 * - `remote_id`: the Welkin draft mirroring it (Welkin's draft workflow), `remote_files_json` maps
 *   each of the draft's documents to the file id Welkin gave its upload.
 * - `version` counts saves: the mirroring job runs again when a save came in while it worked.
 */
export const drafts: Migration = {
  version: 10,
  name: 'drafts that survive a restart',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        account_id TEXT,
        content_json TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        remote_id TEXT,
        remote_files_json TEXT NOT NULL DEFAULT '{}',
        synced_version INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX drafts_updated ON drafts(updated_at DESC);
      CREATE UNIQUE INDEX drafts_remote ON drafts(account_id, remote_id) WHERE remote_id IS NOT NULL;

      CREATE TABLE draft_documents (
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL,
        PRIMARY KEY (draft_id, document_id)
      );
      CREATE INDEX draft_documents_document ON draft_documents(document_id);
    `);
  },
};
