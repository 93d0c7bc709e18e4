/**
 * Which files a fax uploads for a list of pages, written once for the core (which builds them,
 * main/core/documents/faxContent.ts) and compose (which checks the account's limits on them
 * before Send, renderer/store/uploadPlan.ts).
 *
 * A document sent whole, in order and unturned is uploaded as it is: nothing is re-written, and
 * five 20 MB scans go as five files, each within a service's limit per file. Every other run of
 * consecutive pages becomes one composed PDF, and a document the provider converts itself goes on
 * its own, where it stands. When that makes more files than the account takes (`maxFiles`),
 * consecutive pages are composed together instead, whole documents included: as few files as
 * possible.
 */

/** A page of a document (or, `page` null, a document sent as it is for the provider to convert). */
export interface UploadItem {
  doc: string;
  page: number | null;
  rotation: number;
}

export type UploadGroup<T extends UploadItem> =
  | { kind: 'document'; doc: string; items: T[] }
  | { kind: 'composed'; items: T[] };

export function groupUploads<T extends UploadItem>(items: readonly T[], pagesOf: (doc: string) => number | null, maxFiles?: number): UploadGroup<T>[] {
  const apart = groups(items, pagesOf, true);
  return maxFiles !== undefined && apart.length > maxFiles ? groups(items, pagesOf, false) : apart;
}

function groups<T extends UploadItem>(items: readonly T[], pagesOf: (doc: string) => number | null, keepWhole: boolean): UploadGroup<T>[] {
  const out: UploadGroup<T>[] = [];
  let run: T[] = [];
  const flush = () => {
    if (run.length > 0) out.push(isWhole(run, pagesOf) ? { kind: 'document', doc: run[0]!.doc, items: run } : { kind: 'composed', items: run });
    run = [];
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.page === null) {
      flush();
      out.push({ kind: 'document', doc: item.doc, items: [item] });
      continue;
    }
    const pages = pagesOf(item.doc) ?? 0;
    if (keepWhole && pages > 0 && isWhole(items.slice(i, i + pages), pagesOf)) {
      flush();
      out.push({ kind: 'document', doc: item.doc, items: items.slice(i, i + pages) });
      i += pages - 1;
      continue;
    }
    run.push(item);
  }
  flush();
  return out;
}

/** All of one document's pages, in order, unturned. */
function isWhole(run: readonly UploadItem[], pagesOf: (doc: string) => number | null): boolean {
  const doc = run[0]?.doc;
  return doc !== undefined && run.length === pagesOf(doc)
    && run.every((item, i) => item.doc === doc && item.page === i && item.rotation === 0);
}
