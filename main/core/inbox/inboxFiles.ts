import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { DocumentInfo } from '../../../common/domain/document';
import { AppError } from '../../../common/ipc/result';
import { removedByRetentionWords } from '../../../common/domain/retention';
import { DamagedFileError } from '../crypto/sealedFormat';
import type { DocumentStore } from '../documents/documentStore';
import type { Logger } from '../log';
import type { InboxActionsRepo } from '../store/inboxActionsRepo';
import type { InboxRepo, InboxRow } from '../store/inboxRepo';
import type { CoreTasks } from '../workers/coreTasks';
import { WorkerTaskError, type TaskRunner } from '../workers/taskProtocol';
import { exportName, partName } from './faxFileNames';
import { faxOrThrow } from './inboxActions';
import { UNAVAILABLE_WORDS } from './inboxView';
import { documentPath } from './documentDownload';

export interface InboxFilesDeps {
  repo: InboxRepo;
  actions: InboxActionsRepo;
  documents: DocumentStore;
  tasks: TaskRunner<CoreTasks>;
  log: Logger;
  folder: string;
  changed(ids: readonly string[]): void;
}

/** pdf-lib cannot read the document (pdf.js, which counted its pages, is more forgiving). */
const unreadable = () => AppError.of('unsupported_file', 'This fax’s document is damaged, so its pages cannot be copied or turned.', {
  nextStep: 'Save it as it came instead, or ask the sender to fax it again.', action: { kind: 'none' },
});

const TASK_TIMEOUT_MS = 120_000;

/**
 * The fax's document as files a person keeps: saved or printed as it came (byte for byte) or with
 * the viewer's page turns applied, and pages split off into documents of their own. The fax's
 * own document is never changed. PDF work runs in the worker pool (`fax.compose`: copies pages
 * with pdf-lib, adding each page's turn to its /Rotate).
 */
export class InboxFiles {
  constructor(private readonly deps: InboxFilesDeps) {}

  async export(id: string, rotated: boolean): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }> {
    const row = faxOrThrow(this.deps.repo, id);
    const { path, pages } = this.readyDocument(row);
    if (!rotated) {
      const bytes = await this.deps.documents.vault.files.readAll(path).catch((error: unknown) => {
        if (error instanceof DamagedFileError) this.damaged(id, error);
        return undefined;
      });
      // What was received, exactly: a copy that is gone, fails to verify or no longer matches its hash is not handed out, and can be downloaded again.
      if (!bytes || sha256Of(bytes) !== row.document_sha256) throw this.damaged(id, undefined);
      return { name: exportName(row, false), bytes: new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength) };
    }
    const turns = JSON.parse(row.rotations_json) as Record<string, number>;
    const bytes = await this.compose(row, Array.from({ length: pages }, (_, page) => ({ path, page, rotation: turns[String(page)] ?? 0 })), (output) => readFile(output));
    return { name: exportName(row, true), bytes: new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength) };
  }

  /**
   * Several faxes as one PDF, in the order given, each page turned as the viewer shows it: what
   * "Print 3 faxes" prints in one go. A fax whose document is not here (still downloading, gone,
   * damaged) is left out and said; when none is left, nothing is made.
   */
  async exportMany(ids: readonly string[]): Promise<{ bytes: Uint8Array<ArrayBuffer>; faxes: number; pages: number; left: Array<{ id: string; reason: string }> }> {
    const parts: Array<{ path: string; page: number; rotation: number }> = [];
    const left: Array<{ id: string; reason: string }> = [];
    let faxes = 0;
    for (const id of new Set(ids)) {
      try {
        const row = faxOrThrow(this.deps.repo, id);
        const { path, pages } = this.readyDocument(row);
        const turns = JSON.parse(row.rotations_json) as Record<string, number>;
        for (let page = 0; page < pages; page++) parts.push({ path, page, rotation: turns[String(page)] ?? 0 });
        faxes++;
      } catch (error) {
        left.push({ id, reason: error instanceof AppError ? error.info.message : 'This fax cannot be printed.' });
      }
    }
    if (faxes === 0) {
      throw AppError.of('not_found', left.length === 1 ? left[0]!.reason : 'None of these faxes has its document here.', { nextStep: 'Retry their downloads, then print again.' });
    }
    const { bytes, made } = await this.compose(null, parts, async (output, made) => ({ bytes: await readFile(output), made }));
    return { bytes: new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), faxes, pages: made.pages, left };
  }

  /** Copies `pages` (0-based, in the order given) into a new document, linked to the fax as one of its parts. */
  async split(id: string, pages: readonly number[]): Promise<DocumentInfo> {
    const row = faxOrThrow(this.deps.repo, id);
    const { path, pages: count } = this.readyDocument(row);
    if (new Set(pages).size !== pages.length) throw AppError.of('invalid_input', 'Each page can be chosen once.');
    const beyond = pages.find((page) => page >= count);
    if (beyond !== undefined) throw AppError.of('invalid_input', `This fax has ${count} ${count === 1 ? 'page' : 'pages'}; there is no page ${beyond + 1}.`);
    const documentId = randomUUID();
    const info = await this.compose(row, pages.map((page) => ({ path, page, rotation: 0 })), (output, made) => this.deps.documents.addComposed(output, {
      id: documentId, name: partName(row, pages), pages: made.pages, sizeBytes: made.sizeBytes, sentBytes: made.sizeBytes, sha256: made.sha256,
    }));
    this.deps.actions.addPart(id, documentId, pages, new Date().toISOString());
    this.deps.changed([id]);
    return info;
  }

  /**
   * A fax's stored document failed to verify (or is gone): it is marked damaged, so the viewer
   * shows the problem and a retry of the download instead of its pages. Returns the error to throw.
   */
  damaged(id: string, error: DamagedFileError | undefined): AppError {
    if (error) this.deps.log.warn('inbox: a stored document is damaged', { faxId: id, detail: error.message });
    this.deps.repo.setDocumentProblem(id, 'corrupt');
    this.deps.changed([id]);
    return AppError.of('not_found', 'The saved copy of this fax’s document is damaged.', { nextStep: 'Retry the download, or ask the sender to fax it again.' });
  }

  /** The downloaded document and its page count, or why there is none to work with. */
  private readyDocument(row: InboxRow): { path: string; pages: number } {
    const removedAt = this.deps.repo.removedByRetention([row.id]).get(row.id);
    if (removedAt) {
      throw AppError.of('not_found', `${removedByRetentionWords(removedAt)}.`, { nextStep: 'The fax service may still hold it; nothing was removed there.', action: { kind: 'none' } });
    }
    if (row.document_state === 'pending') {
      throw AppError.of('conflict', 'This fax’s document is still downloading.', { nextStep: 'Try again in a moment.', retryable: true, action: { kind: 'retry' } });
    }
    if (row.document_state !== 'ready' || row.document_pages === null) {
      const message = row.document_problem ? UNAVAILABLE_WORDS[row.document_problem] : 'This fax has no document to save.';
      throw AppError.of('not_found', message, { nextStep: 'Retry the download, or ask the sender to fax it again.' });
    }
    return { path: documentPath(this.deps.folder, row.id), pages: row.document_pages };
  }

  /** Pages of stored documents composed in the worker pool; `keep` takes the plain result before its private folder goes. */
  private async compose<T>(row: InboxRow | null, parts: Array<{ path: string; page: number; rotation: number }>, keep: (output: string, made: { pages: number; sizeBytes: number; sha256: string }) => Promise<T>): Promise<T> {
    try {
      return await this.deps.documents.compose(parts, keep, TASK_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof DamagedFileError && row) throw this.damaged(row.id, error);
      // pdf-lib failing on the file (or spinning on it) means the file is damaged, not the computer.
      if (error instanceof WorkerTaskError && ['failed', 'timeout', 'crashed'].includes(error.failure)) {
        this.deps.log.warn('inbox: document pages could not be copied', { faxId: row?.id, failure: error.failure, detail: error.message });
        throw unreadable();
      }
      throw error;
    }
  }
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
