import { describe, expect, it } from 'vitest';
import type { DocumentInfo } from '../../common/domain/document';
import type { ComposeDoc } from '../store/documentsSlice';
import type { ComposePage } from '../store/pageList';
import { withCover } from './coverPreviewPage';
import { previewPages } from './previewPages';

/** What the preview lists: the pages that are sent, and the first page of a PDF still being read. */
const url = (id: string) => `/documents/${id}`;
const ready = (key: string, pages: number): ComposeDoc => ({
  key, status: 'ready', name: `${key}.pdf`, sizeBytes: 100,
  info: { id: `id-${key}`, name: `${key}.pdf`, pages, sentAs: 'pdf', sentBytes: 100, sizeBytes: 100, contentType: 'application/pdf', sha256: key, warnings: [], kind: 'pdf' } as unknown as DocumentInfo,
});
const pagesOf = (key: string, count: number): ComposePage[] => Array.from({ length: count }, (_v, page) => ({ id: `${key}-${page}`, docKey: key, kind: 'page', page, rotation: 0 }));

describe('the preview while a PDF is being read', () => {
  it('shows its first page from the file after the pages of the fax, with no page operations', () => {
    const docs: ComposeDoc[] = [ready('a', 2), { key: 'b', status: 'reading', name: 'long.pdf', sizeBytes: 100, firstPage: true }, { key: 'c', status: 'reading', name: 'scan.png', sizeBytes: 100 }];
    const entries = previewPages(docs, pagesOf('a', 2), url);
    expect(entries.map((e) => [e.label, e.url, Boolean(e.provisional), Boolean(e.locked)])).toEqual([
      ['Page 1 of 2 (a.pdf, page 1)', '/documents/id-a', false, false],
      ['Page 2 of 2 (a.pdf, page 2)', '/documents/id-a', false, false],
      ['First page of long.pdf, still being checked', 'local:b', true, true],
    ]);
  });

  it('is not counted as a page of the fax when a cover comes first', () => {
    const docs: ComposeDoc[] = [ready('a', 1), { key: 'b', status: 'reading', name: 'long.pdf', sizeBytes: 100, firstPage: true }];
    const entries = withCover(previewPages(docs, pagesOf('a', 1), url), { documentId: 'cover' }, url);
    expect(entries.map((e) => [e.index, e.label])).toEqual([
      [0, 'Page 1 of 2 (cover page)'],
      [1, 'Page 2 of 2 (a.pdf, page 1)'],
      [2, 'First page of long.pdf, still being checked'],
    ]);
  });

  it('is gone once the core has the file: then its pages are what is sent', () => {
    const entries = previewPages([ready('b', 3)], pagesOf('b', 3), url);
    expect(entries.every((e) => !e.provisional && e.url === '/documents/id-b')).toBe(true);
  });
});
