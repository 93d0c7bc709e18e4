import { createHash, randomUUID } from 'node:crypto';
import type { FaxPart } from '../../../common/domain/document';
import { AppError } from '../../../common/ipc/result';
import type { CoreTasks } from '../workers/coreTasks';
import type { TaskRunner } from '../workers/taskProtocol';
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
 * Turns the person's documents and page operations into the files a fax uploads: each run of pages
 * becomes one PDF (composed in the worker pool; a document sent whole and unturned is used as it
 * is), and a document the provider converts itself is sent on its own, where it stands.
 */
export async function buildFaxContent(store: DocumentStore, tasks: TaskRunner<CoreTasks>, documentIds: string[], parts?: FaxPart[]): Promise<FaxContent> {
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
  const out: FaxContent = { documentIds: [], pages: 0, contentKey: key.digest('hex') };
  let run: PagePart[] = [];
  const flush = async () => {
    if (run.length === 0) return;
    out.documentIds.push(await pdfFor(store, tasks, run));
    out.pages += run.length;
    run = [];
  };
  for (const part of wanted) {
    if (part.type === 'page') {
      run.push(part);
      continue;
    }
    await flush();
    out.documentIds.push(part.documentId);
  }
  await flush();
  return out;
}

/** One PDF for a run of pages: the document itself when the run is all of it, as it is; else composed. */
async function pdfFor(store: DocumentStore, tasks: TaskRunner<CoreTasks>, run: PagePart[]): Promise<string> {
  const first = store.get(run[0]!.documentId);
  const whole = run.length === first.pages && run.every((part, i) => part.documentId === first.id && part.page === i && part.rotation === 0);
  if (whole) return first.id;
  const id = randomUUID();
  await store.compose(
    run.map((part) => ({ path: store.sentPath(part.documentId, 'pdf'), page: part.page, rotation: part.rotation })),
    (plainPath, composed) => store.addComposed(plainPath, { id, name: first.name, pages: composed.pages, sizeBytes: composed.sizeBytes, sentBytes: composed.sizeBytes, sha256: composed.sha256 }),
  );
  return id;
}
