import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { copyFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_DOCUMENT_BYTES, type DocumentInfo } from '../../../common/domain/document';
import { AppError } from '../../../common/ipc/result';
import { removedByRetentionWords } from '../../../common/domain/retention';
import type { DocumentContent } from '../crypto/sealedFiles';
import type { Vault } from '../crypto/vault';
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
  /** Where documents are sealed, and the private folder their plain forms pass through. */
  vault: Vault;
  log?: { warn(message: string, fields?: Record<string, unknown>): void };
}

/**
 * Documents to fax, kept under the app's data folder and named by id (never by a name the user's
 * file or a server chose), sealed (crypto/sealedFormat.ts). Each added file is normalised once, in
 * the worker pool, into the PDF that is previewed, counted and sent (or kept as it is when the
 * provider converts it); its plain forms exist only in the vault's private temp folder meanwhile.
 */
export class DocumentStore {
  readonly folder: string;
  readonly vault: Vault;

  constructor(dataDir: string, private readonly repo: DocumentsRepo, private readonly tasks: TaskRunner<CoreTasks>, private readonly options: DocumentStoreOptions) {
    this.folder = join(dataDir, 'documents');
    this.vault = options.vault;
    mkdirSync(this.folder, { recursive: true });
  }

  /** A file handed over as bytes (drag and drop without a path): written to the private folder first, then added. */
  async addBytes(name: string, bytes: Uint8Array): Promise<DocumentInfo> {
    const displayName = cleanName(name);
    checkSize(displayName, bytes.length);
    return this.vault.temp.within(async (dir) => {
      const path = join(dir, 'dropped');
      await writeFile(path, bytes, { flag: 'wx', mode: 0o600 });
      return this.addFile(path, displayName, { move: true });
    });
  }

  /**
   * A file on this computer, by path. It is copied (or moved, for the dev bridge's own uploads)
   * into a private temp folder, normalised there, and what is sent is sealed into the data folder;
   * a refused file leaves nothing behind.
   */
  async addFile(path: string, name: string, { move = false } = {}): Promise<DocumentInfo> {
    const displayName = cleanName(name);
    const facts = await stat(path).catch(() => undefined);
    if (!facts?.isFile()) throw AppError.of('unsupported_file', `${displayName} could not be read.`, { nextStep: 'Check that the file is still there, then add it again.' });
    checkSize(displayName, facts.size);
    const id = randomUUID();
    return this.vault.temp.within(async (dir) => {
      const source = join(dir, 'source');
      await (move ? rename(path, source).catch(() => copyFile(path, source)) : copyFile(path, source));
      const output = join(dir, 'normalized.pdf');
      try {
        // normalizeFile owns the work folder, and after a time-out or crash removes what the task left and stops LibreOffice.
        const result = await normalizeFile(this.tasks, {
          sourcePath: source, outputPath: output, name: displayName, paper: this.options.paper(),
          libreOffice: await this.options.libreOffice(),
        });
        if (!result.ok) throw AppError.of('unsupported_file', result.message, { nextStep: result.nextStep });
        const sealed = await this.vault.files.sealFile(result.sentAs === 'original' ? source : output, this.sentPath(id, result.sentAs));
        const row: DocumentRow = {
          id, name: displayName, kind: result.kind, pages: result.pages, sizeBytes: facts.size, sentAs: result.sentAs,
          contentType: result.contentType, sentBytes: sealed.bytes, sha256: result.sha256, warnings: result.warnings,
          origin: 'added', createdAt: new Date().toISOString(),
        };
        this.repo.insert(row);
        return toInfo(row);
      } catch (error) {
        await Promise.all([this.sentPath(id, 'pdf'), this.sentPath(id, 'original')].map((file) => rm(file, { force: true })));
        throw error;
      }
    });
  }

  /** Seals a PDF composed or drawn in the private folder (`plainPath`) as a new document and records it. */
  async addComposed(plainPath: string, row: Omit<DocumentRow, 'origin' | 'createdAt' | 'kind' | 'sentAs' | 'contentType' | 'warnings'>): Promise<DocumentInfo> {
    await this.vault.files.sealFile(plainPath, this.sentPath(row.id, 'pdf'));
    const full: DocumentRow = {
      ...row, kind: 'pdf', sentAs: 'pdf', contentType: 'application/pdf', warnings: [], origin: 'composed', createdAt: new Date().toISOString(),
    };
    try {
      this.repo.insert(full);
    } catch (error) {
      await rm(this.sentPath(row.id, 'pdf'), { force: true });
      throw error;
    }
    return toInfo(full);
  }

  /**
   * Runs `fax.compose` over pages of stored documents (decrypted to a private folder for the task)
   * and hands `keep` the composed PDF's plain path before the folder goes.
   */
  async compose<T>(parts: ReadonlyArray<{ path: string; page: number; rotation: number }>, keep: (plainPath: string, made: { pages: number; sizeBytes: number; sha256: string }) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.vault.temp.withPlainCopies(this.vault.files, parts.map((part) => part.path), async (plain, dir) => {
      const outputPath = join(dir, 'composed.pdf');
      const made = await this.tasks.run('fax.compose', { parts: parts.map((part) => ({ ...part, path: plain(part.path) })), outputPath }, timeoutMs ? { timeoutMs } : undefined);
      return keep(outputPath, made);
    });
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

  /** What is uploaded for a document: its normalised PDF, or the original file, decrypted as it streams out. */
  toOutgoing(id: string): OutgoingDocument {
    const row = this.get(id);
    const name = row.sentAs === 'pdf' ? pdfName(row.name) : row.name;
    const path = this.sentPath(id, row.sentAs);
    return { path, name, contentType: row.contentType, sizeBytes: row.sentBytes, open: () => this.vault.files.chunks(path) };
  }

  /** What the preview shows (what is sent), decrypted, for the shell's and the dev bridge's document routes. */
  async content(id: string): Promise<DocumentContent | undefined> {
    if (!isDocumentId(id)) return undefined;
    const row = this.repo.get(id);
    if (!row || row.removedByRetentionAt) return undefined;
    return this.vault.content(this.sentPath(id, row.sentAs), row.contentType, (error) => {
      this.options.log?.warn('documents: a stored document is damaged', { documentId: id, detail: error.message });
    });
  }

  /** A stored document's plain bytes (small documents only: cover previews, tests). */
  read(id: string): Promise<Buffer> {
    const row = this.get(id);
    return this.vault.files.readAll(this.sentPath(id, row.sentAs));
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
