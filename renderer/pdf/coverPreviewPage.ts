import type { PreviewPage } from './previewPages';

/** The id of the cover's entry: page operations given it do nothing (the cover goes only when it is turned off). */
export const COVER_PAGE_ID = 'cover-page';

/**
 * The preview's entries with the cover page first: the page the core drew for the first
 * recipient (each recipient's own cover differs only in their name and number). Places shift by one.
 */
export function withCover(pages: readonly PreviewPage[], cover: { documentId: string } | null, url: (documentId: string) => string): PreviewPage[] {
  if (!cover) return [...pages];
  const count = pages.filter((p) => !p.provisional).length + 1;
  const first: PreviewPage = {
    id: COVER_PAGE_ID, kind: 'page', documentId: cover.documentId, url: url(cover.documentId), docName: 'Cover page', pageNumber: 1, rotation: 0, index: 0,
    name: 'the cover page', label: `Page 1 of ${count} (cover page)`, locked: true,
  };
  return [first, ...pages.map((p) => (p.provisional ? { ...p, index: p.index + 1 } : {
    ...p, index: p.index + 1,
    name: p.kind === 'page' ? `page ${p.index + 2}` : p.name,
    label: p.label.replace(/^(Page|Place) \d+ of \d+/, (_m, word: string) => `${word} ${p.index + 2} of ${count}`),
  }))];
}
