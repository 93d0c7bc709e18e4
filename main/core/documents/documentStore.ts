import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { copyFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_DOCUMENT_BYTES, type DocumentInfo } from '../../../common/domain/document';
import { AppError } from '../../../common/ipc/result';
import { removedByRetentionWords } from '../../../common/domain/retention';
import type { OutgoingDocument } from '../providers/faxProvider';
import type { DocumentRow, DocumentsRepo } from '../store/documentsRepo';
import type { CoreTasks } from '../workers/coreTasks';
import type { TaskRunner } from '../workers/taskProtocol';
import { normalizeFile } from './normalize/normalizeFile';

export interface DocumentStoreOptions {
  /** The page size images, scans and text are laid out on, as the settings say now. */
  paper(): 'letter' | 'a4';
  /** soffice, when LibreOffice is installed (Word files then become real pages). */
  libreOffice(): Promise<string | undefined> | string | undefined;
}

/**
 * Documents to fax, kept under the app's data folder and named by id (never by a name the user's
 * file or a server chose). Each added file is normalised once, in the worker pool, into the PDF
 * that is previewed, counted and sent (or kept as it is when the provider converts it).
 */
export class DocumentStore {
  readonly folder: string;
  private readonly incoming: string;

  constructor(dataDir: string, private readonly repo: DocumentsRepo, private readonly tasks: TaskRunner<CoreTasks>, private readonly options: DocumentStoreOptions) {
    this.folder = join(dataDir, 'documents');
    this.incoming = join(dataDir, 'incoming');
    mkdirSync(this.folder, { recursive: true });
    mkdirSync(this.incoming, { recursive: true });
  }

  /** A file handed over as bytes (drag and drop without a path): written to disk first, then added. */
  async addBytes(name: string, bytes: Uint8Array): Promise<DocumentInfo> {
    const displayName = cleanName(name);
    checkSize(displayName, bytes.length);
    const path = join(this.incoming, randomUUID());
    await writeFile(path, bytes, { flag: 'wx' });
    try {
      return await this.addFile(path, displayName, { move: true });
    } finally {
      await rm(path, { force: true });
    }
  }

  /**
   * A file on this computer, by path. It is copied (or moved, for the dev bridge's own uploads)
   * into the data folder, then normalised; a refused file leaves nothing behind.
   */
  async addFile(path: string, name: string, { move = false } = {}): Promise<DocumentInfo> {
    const displayName = cleanName(name);
    const facts = await stat(path).catch(() => undefined);
    if (!facts?.isFile()) throw AppError.of('unsupported_file', `${displayName} could not be read.`, { nextStep: 'Check that the file is still there, then add it again.' });
    checkSize(displayName, facts.size);
    const id = randomUUID();
    const source = join(this.folder, `${id}.source`);
    await (move ? rename(path, source).catch(() => copyFile(path, source)) : copyFile(path, source));
    try {
      // normalizeFile owns the work folder, and after a time-out or crash removes what the task left and stops LibreOffice.
      const result = await normalizeFile(this.tasks, {
        sourcePath: source, outputPath: this.sentPath(id, 'pdf'), name: displayName, paper: this.options.paper(),
        libreOffice: await this.options.libreOffice(),
      });
      if (!result.ok) throw AppError.of('unsupported_file', result.message, { nextStep: result.nextStep });
      if (result.sentAs === 'original') await rename(source, this.sentPath(id, 'original'));
      const sent = await stat(this.sentPath(id, result.sentAs));
      const row: DocumentRow = {
        id, name: displayName, kind: result.kind, pages: result.pages, sizeBytes: facts.size, sentAs: result.sentAs,
        contentType: result.contentType, sentBytes: sent.size, sha256: result.sha256, warnings: result.warnings,
        origin: 'added', createdAt: new Date().toISOString(),
      };
      this.repo.insert(row);
      return toInfo(row);
    } catch (error) {
      await Promise.all([this.sentPath(id, 'pdf'), this.sentPath(id, 'original')].map((file) => rm(file, { force: true })));
      throw error;
    } finally {
      await rm(source, { force: true });
    }
  }

  /** Records a PDF the outbox composed from pages (already written at `pathFor(id)`). */
  addComposed(row: Omit<DocumentRow, 'origin' | 'createdAt' | 'kind' | 'sentAs' | 'contentType' | 'warnings'>): DocumentInfo {
    const full: DocumentRow = {
      ...row, kind: 'pdf', sentAs: 'pdf', contentType: 'application/pdf', warnings: [], origin: 'composed', createdAt: new Date().toISOString(),
    };
    this.repo.insert(full);
    return toInfo(full);
  }

  get(id: string): DocumentRow {
    const row = this.repo.get(id);
    if (!row) throw AppError.of('not_found', 'A document for this fax is missing. Add it again.');
    if (row.removedByRetentionAt) throw AppError.of('not_found', `${removedByRetentionWords(row.removedByRetentionAt)}.`, { nextStep: 'Add the document again in a new fax.' });
    return row;
  }

  /** What a fax's record says about a document, even once retention removed its file (the name and pages stay). */
  info(id: string): DocumentInfo | undefined {
    const row = this.repo.get(id);
    return row ? toInfo(row) : undefined;
  }

  /** Removes a document nobody needs any more; documents a fax uses stay. */
  async remove(id: string): Promise<boolean> {
    const row = this.repo.get(id);
    if (!row || this.repo.isReferenced(id)) return false;
    this.repo.remove(id);
    await rm(this.sentPath(id, row.sentAs), { force: true });
    return true;
  }

  /** What is uploaded for a document: its normalised PDF, or the original file. */
  toOutgoing(id: string): OutgoingDocument {
    const row = this.get(id);
    const name = row.sentAs === 'pdf' ? pdfName(row.name) : row.name;
    return { path: this.sentPath(id, row.sentAs), name, contentType: row.contentType, sizeBytes: row.sentBytes };
  }

  /** The file the preview shows (what is sent), for the shell's and the dev bridge's document routes. */
  content(id: string): { path: string; contentType: string; sizeBytes: number } | undefined {
    if (!isDocumentId(id)) return undefined;
    const row = this.repo.get(id);
    return row && !row.removedByRetentionAt ? { path: this.sentPath(id, row.sentAs), contentType: row.contentType, sizeBytes: row.sentBytes } : undefined;
  }

  /** Where a document's sent file lives (a composed PDF is written here before it is recorded). */
  sentPath(id: string, sentAs: 'pdf' | 'original'): string {
    if (!isDocumentId(id)) throw AppError.of('invalid_input', 'Bad document id.');
    return join(this.folder, `${id}.${sentAs === 'pdf' ? 'pdf' : 'original'}`);
  }

  /** Documents nobody uses any more (a compose closed or sent long ago): their files go too. */
  async sweep(olderThanMs: number): Promise<number> {
    const ids = this.repo.unreferencedBefore(new Date(Date.now() - olderThanMs).toISOString());
    let removed = 0;
    for (const id of ids) if (await this.remove(id)) removed++;
    return removed;
  }
}

export const toInfo = (row: DocumentRow): DocumentInfo => ({
  id: row.id, name: row.name, kind: row.kind, pages: row.pages, sizeBytes: row.sizeBytes, sentAs: row.sentAs,
  contentType: row.contentType, sentBytes: row.sentBytes, warnings: row.warnings, sha256: row.sha256,
});

const isDocumentId = (id: string) => /^[0-9a-f-]{36}$/.test(id);

function checkSize(name: string, size: number): void {
  if (size === 0) throw AppError.of('unsupported_file', `${name} is empty.`, { nextStep: 'Choose another file.' });
  if (size > MAX_DOCUMENT_BYTES) {
    throw AppError.of('unsupported_file', `${name} is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`, {
      nextStep: 'Split the document into smaller files.',
    });
  }
}

/** The name a normalised PDF is uploaded under: the person's name with a .pdf ending. */
function pdfName(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name.replace(/\.[^.]{1,5}$/, '')}.pdf`;
}

/** Keeps a display name only: no folders, no control characters. */
function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim() ?? '';
  return base.slice(0, 200) || 'document';
}
