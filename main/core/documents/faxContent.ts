import { createHash, randomUUID } from 'node:crypto';
import type { FaxPart } from '../../../common/domain/document';
import { groupUploads } from '../../../common/domain/uploadGroups';
import { AppError } from '../../../common/ipc/result';
import type { DocumentStore } from './documentStore';

export interface FaxContent {
  /** What is uploaded, in order: normalised or composed PDFs, and originals the provider converts. */
  documentIds: string[];
  /** Pages known to be sent (a Word file the provider converts counts 0: its pages are unknown). */
  pages: number;
  /** The pages as a key (source files, pages, turns): the same key to the same number twice is asked about. */
  contentKey: string;
}

type PagePart = Extract<FaxPart, { type: 'page' }>;

/**
 * Turns the person's documents and page operations into the files a fax uploads, grouped as
 * common/domain/uploadGroups.ts says (whole documents as they are; other runs of pages composed
 * in the worker pool).
 */
export async function buildFaxContent(
  store: DocumentStore, documentIds: string[], parts?: FaxPart[], limits: { maxFiles?: number } = {},
): Promise<FaxContent> {
  const docs = new Map(documentIds.map((id) => [id, store.get(id)]));
  const wanted = parts ?? documentIds.flatMap((id): FaxPart[] => {
    const doc = docs.get(id)!;
    return doc.sentAs === 'original' ? [{ type: 'original', documentId: id }] : Array.from({ length: doc.pages ?? 0 }, (_v, page) => ({ type: 'page', documentId: id, page, rotation: 0 }));
  });
  for (const part of wanted) {
    const doc = docs.get(part.documentId);
    if (!doc) throw AppError.of('invalid_input', 'A page of this fax comes from a document that is not part of it.');
    if (part.type === 'original' ? doc.sentAs !== 'original' : doc.sentAs !== 'pdf' || part.page >= (doc.pages ?? 0)) {
      throw AppError.of('invalid_input', `The fax names a page of ${doc.name} that it does not have.`);
    }
  }
  if (wanted.length === 0) throw AppError.of('invalid_input', 'The fax has no pages left.', { nextStep: 'Add a document.' });

  const key = createHash('sha256');
  for (const part of wanted) key.update(`${docs.get(part.documentId)!.sha256}:${part.type === 'page' ? `${part.page}:${part.rotation}` : 'original'};`);
  const items = wanted.map((part) => ({ doc: part.documentId, page: part.type === 'page' ? part.page : null, rotation: part.type === 'page' ? part.rotation : 0, part }));
  const out: FaxContent = { documentIds: [], pages: 0, contentKey: key.digest('hex') };
  for (const group of groupUploads(items, (id) => docs.get(id)!.pages, limits.maxFiles)) {
    if (group.kind === 'document') {
      out.documentIds.push(group.doc);
      out.pages += docs.get(group.doc)!.pages ?? 0;
    } else {
      out.documentIds.push(await pdfFor(store, group.items.map((item) => item.part as PagePart)));
      out.pages += group.items.length;
    }
  }
  return out;
}

/** One PDF composed of a run of pages, as a new document. */
async function pdfFor(store: DocumentStore, run: PagePart[]): Promise<string> {
  const first = store.get(run[0]!.documentId);
  const id = randomUUID();
  await store.compose(
    run.map((part) => ({ path: store.sentPath(part.documentId, 'pdf'), page: part.page, rotation: part.rotation })),
    (plainPath, composed) => store.addComposed(plainPath, { id, name: first.name, pages: composed.pages, sizeBytes: composed.sizeBytes, sentBytes: composed.sizeBytes, sha256: composed.sha256 }),
  );
  return id;
}
