import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_DOCUMENT_BYTES, type DocumentInfo } from '../../../common/domain/fax';
import { AppError } from '../../../common/ipc/result';
import type { OutgoingDocument } from '../providers/faxProvider';
import type { DocumentRow, DocumentsRepo } from '../store/documentsRepo';
import type { CoreTasks } from '../workers/coreTasks';
import type { TaskRunner } from '../workers/taskProtocol';
import { inspectPdf } from './pdfInspector';

/**
 * Documents to fax, kept under the app's data folder and named by id (never by a name the user's
 * file or a server chose). Added once, then referred to by id from jobs.
 */
export class DocumentStore {
  private readonly folder: string;

  /** `tasks` runs the CPU-heavy steps (pdf.js) off the main thread: the core's worker pool. */
  constructor(dataDir: string, private readonly repo: DocumentsRepo, private readonly tasks: TaskRunner<CoreTasks>) {
    this.folder = join(dataDir, 'documents');
    mkdirSync(this.folder, { recursive: true });
  }

  async add(name: string, bytes: Uint8Array): Promise<DocumentInfo> {
    const displayName = cleanName(name);
    if (bytes.length === 0) throw AppError.of('unsupported_file', `${displayName} is empty.`);
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      throw AppError.of('unsupported_file', `${displayName} is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`, {
        nextStep: 'Split the document into smaller PDFs.',
      });
    }
    const id = randomUUID();
    const path = this.pathOf(id);
    // Written before inspection: the bytes are moved to a worker thread (not copied: a copy of a
    // large document would double the memory it needs), so they are gone from here afterwards.
    await writeFile(path, bytes, { flag: 'wx' });
    try {
      const facts = await inspectPdf(this.tasks, bytes, displayName);
      const row: DocumentRow = {
        id, name: displayName, pages: facts.pages, sizeBytes: (await stat(path)).size, contentType: 'application/pdf',
        sha256: facts.sha256, createdAt: new Date().toISOString(),
      };
      this.repo.insert(row);
      return toInfo(row);
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }

  get(id: string): DocumentRow {
    const row = this.repo.get(id);
    if (!row) throw AppError.of('not_found', 'A document for this fax is missing. Add it again.');
    return row;
  }

  /** Removes a document nobody needs any more; documents used by a job stay. */
  async remove(id: string): Promise<boolean> {
    if (!this.repo.get(id) || this.repo.isReferenced(id)) return false;
    this.repo.remove(id);
    await rm(this.pathOf(id), { force: true });
    return true;
  }

  toOutgoing(id: string): OutgoingDocument {
    const row = this.get(id);
    return { path: this.pathOf(id), name: row.name, contentType: row.contentType, sizeBytes: row.sizeBytes };
  }

  pathOf(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw AppError.of('invalid_input', 'Bad document id.');
    return join(this.folder, `${id}.pdf`);
  }
}

export const toInfo = (row: DocumentRow): DocumentInfo => ({
  id: row.id, name: row.name, pages: row.pages, sizeBytes: row.sizeBytes, contentType: row.contentType,
});

/** Keeps a display name only: no folders, no control characters. */
function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim() ?? '';
  return base.slice(0, 200) || 'document.pdf';
}
