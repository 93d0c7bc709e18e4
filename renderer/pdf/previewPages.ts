import type { Rotation } from '../../common/domain/document';
import type { ComposeDoc } from '../store/documentsSlice';
import { localFileUrl } from './localFiles';
import type { ComposePage } from '../store/pageList';

/** One entry of the preview, in send order: a page of what is sent, or a document the fax service converts. */
export interface PreviewPage {
  /** The page list's id: stable across operations. */
  id: string;
  kind: 'page' | 'original';
  documentId: string;
  url: string;
  docName: string;
  /** 1-based page of the document (0 for a document sent as it is). */
  pageNumber: number;
  rotation: Rotation;
  /** 0-based place in the fax. */
  index: number;
  /** What the buttons of this entry call it: "page 3", or "letter.docx (place 3)". */
  name: string;
  /** The accessible name of its picture: "Page 3 of 7 (referral.pdf, page 2, turned 90°)". */
  label: string;
  /** The cover page, or a first page shown while the core reads its file: no page operations. */
  locked?: boolean;
  /** The first page of a PDF still being read, drawn from the file itself; not yet a page of the fax. */
  provisional?: boolean;
}

/**
 * The preview's entries for the page list. Pages of documents still loading are not listed yet;
 * a PDF being read shows its first page from the file itself meanwhile (after the pages listed).
 */
export function previewPages(docs: readonly ComposeDoc[], pages: readonly ComposePage[], url: (documentId: string) => string): PreviewPage[] {
  const listed = listedPages(docs, pages, url);
  const arriving = docs.flatMap((d) => (d.status === 'reading' && d.firstPage ? [d] : []));
  return [...listed, ...arriving.map((doc, n): PreviewPage => ({
    id: `first-page-${doc.key}`, kind: 'page', documentId: `local-${doc.key}`, url: localFileUrl(doc.key), docName: doc.name, pageNumber: 1, rotation: 0,
    index: listed.length + n, name: `the first page of ${doc.name}`, label: `First page of ${doc.name}, still being checked`, locked: true, provisional: true,
  }))];
}

function listedPages(docs: readonly ComposeDoc[], pages: readonly ComposePage[], url: (documentId: string) => string): PreviewPage[] {
  const ready = new Map(docs.flatMap((d) => (d.status === 'ready' ? [[d.key, d] as const] : [])));
  const listed = pages.filter((p) => ready.has(p.docKey));
  return listed.map((p, index) => {
    const doc = ready.get(p.docKey)!;
    const place = `${index + 1} of ${listed.length}`;
    if (p.kind === 'original') {
      return {
        id: p.id, kind: 'original', documentId: doc.info.id, url: url(doc.info.id), docName: doc.name, pageNumber: 0, rotation: 0, index,
        name: `${doc.name} (place ${index + 1})`,
        label: `Place ${place}: ${doc.name}, pages unknown (approximate preview)`,
      };
    }
    const turned = p.rotation === 0 ? '' : `, turned ${p.rotation}°`;
    return {
      id: p.id, kind: 'page', documentId: doc.info.id, url: url(doc.info.id), docName: doc.name, pageNumber: p.page + 1, rotation: p.rotation, index,
      name: `page ${index + 1}`,
      label: `Page ${place} (${doc.name}, page ${p.page + 1}${turned})`,
    };
  });
}
