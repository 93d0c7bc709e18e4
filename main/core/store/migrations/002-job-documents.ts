import type { Migration } from './migration';

/**
 * A fax's documents move from a JSON column to a join table, so "is this document still needed?"
 * is an indexed lookup instead of a LIKE over JSON, and the database itself refuses a job that
 * names a document it does not have.
 */
export const jobDocuments: Migration = {
  version: 2,
  name: 'outbox job documents as a join table',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_job_documents (
        job_id TEXT NOT NULL REFERENCES outbox_jobs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents(id),
        PRIMARY KEY (job_id, position)
      );
      CREATE INDEX outbox_job_documents_document ON outbox_job_documents(document_id);
      INSERT INTO outbox_job_documents (job_id, position, document_id)
        SELECT job.id, CAST(entry.key AS INTEGER), entry.value
        FROM outbox_jobs AS job, json_each(job.document_ids_json) AS entry
        WHERE entry.value IN (SELECT id FROM documents);
      ALTER TABLE outbox_jobs DROP COLUMN document_ids_json;`);
  },
};
