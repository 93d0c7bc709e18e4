import type { DocumentInfo, FaxPart, Rotation } from '../../common/domain/document';

/**
 * One piece of the fax, in send order: a page of a document's normalised PDF (0-based, turned
 * clockwise by `rotation` on top of its own), or a whole document the fax service converts itself.
 * `id` stays the same whatever happens to the list, so React keys and focus follow a page.
 */
export type ComposePage =
  | { id: string; docKey: string; kind: 'page'; page: number; rotation: Rotation }
  | { id: string; docKey: string; kind: 'original' };

/** What the page list needs to know of a document. */
export interface ListedDoc {
  key: string;
  info: Pick<DocumentInfo, 'id' | 'pages' | 'sentAs'>;
}

/** Every page of a newly added document, unturned; a document sent as it is counts as one piece. */
export function pagesOf(doc: ListedDoc): ComposePage[] {
  if (doc.info.sentAs === 'original') return [{ id: `${doc.key}:original`, docKey: doc.key, kind: 'original' }];
  return Array.from({ length: doc.info.pages ?? 0 }, (_v, page) => ({ id: `${doc.key}:${page}`, docKey: doc.key, kind: 'page', page, rotation: 0 }));
}

/**
 * Puts a document's pages where its tile stands: before the first page of any document whose tile
 * comes after it (files finish loading in any order; the strip's order decides).
 */
export function insertDocPages(pages: readonly ComposePage[], docKeys: readonly string[], doc: ListedDoc): ComposePage[] {
  const at = docKeys.indexOf(doc.key);
  const later = new Set(docKeys.slice(at + 1));
  const next = pages.filter((p) => p.docKey !== doc.key);
  const index = next.findIndex((p) => later.has(p.docKey));
  next.splice(index < 0 ? next.length : index, 0, ...pagesOf(doc));
  return next;
}

export function rotatePage(pages: readonly ComposePage[], id: string, quarterTurns: 1 | -1): ComposePage[] {
  return pages.map((p) => (p.id === id && p.kind === 'page' ? { ...p, rotation: (((p.rotation + quarterTurns * 90) % 360) + 360) % 360 as Rotation } : p));
}

export function removePage(pages: readonly ComposePage[], id: string): ComposePage[] {
  return pages.filter((p) => p.id !== id);
}

/** Moves a page to `to` (its index in the list after the move), clamped to the list. */
export function movePageTo(pages: readonly ComposePage[], id: string, to: number): ComposePage[] {
  const from = pages.findIndex((p) => p.id === id);
  if (from < 0) return [...pages];
  const next = [...pages];
  const [page] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, page!);
  return next;
}

/**
 * Moves a document's pages as one block past its neighbour's: before the neighbour's first page
 * (earlier) or after its last page (later). Pages of the document keep their order among themselves.
 */
export function moveDocPages(pages: readonly ComposePage[], docKey: string, neighbourKey: string, delta: -1 | 1): ComposePage[] {
  const own = pages.filter((p) => p.docKey === docKey);
  const rest = pages.filter((p) => p.docKey !== docKey);
  const anchor = delta < 0
    ? rest.findIndex((p) => p.docKey === neighbourKey)
    : rest.findLastIndex((p) => p.docKey === neighbourKey) + 1;
  if (own.length === 0 || (delta < 0 && anchor < 0) || (delta > 0 && anchor === 0)) return [...pages];
  rest.splice(anchor, 0, ...own);
  return rest;
}

/** The fax's content for `fax.send`: the list in order, with the core's document ids. */
export function toParts(pages: readonly ComposePage[], docId: (docKey: string) => string): FaxPart[] {
  return pages.map((p) => (p.kind === 'page'
    ? { type: 'page', documentId: docId(p.docKey), page: p.page, rotation: p.rotation }
    : { type: 'original', documentId: docId(p.docKey) }));
}

/** Ids of the documents the list uses, in order of first use. */
export function usedDocKeys(pages: readonly ComposePage[]): string[] {
  return [...new Set(pages.map((p) => p.docKey))];
}
