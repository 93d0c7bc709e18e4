import { describe, expect, it } from 'vitest';
import { groupUploads, type UploadItem } from '../../common/domain/uploadGroups';

/** The one rule for which files a fax uploads (core and compose both use it). */
const pages: Record<string, number | null> = { a: 2, b: 3, c: 1, w: null };
const pagesOf = (doc: string) => pages[doc]!;
const page = (doc: string, n: number, rotation = 0): UploadItem => ({ doc, page: n, rotation });
const whole = (doc: string) => Array.from({ length: pages[doc]! }, (_v, n) => page(doc, n));
const shape = (items: UploadItem[], maxFiles?: number) => groupUploads(items, pagesOf, maxFiles)
  .map((group) => (group.kind === 'document' ? group.doc : group.items.map((item) => `${item.doc}${item.page}${item.rotation ? '↻' : ''}`).join(' ')));

describe('which files a fax uploads', () => {
  it('keeps whole, unturned documents as they are, each a file of its own', () => {
    expect(shape([...whole('a'), ...whole('b'), ...whole('c')])).toEqual(['a', 'b', 'c']);
  });

  it('composes what was changed: a turned page, a page taken out, pages out of order', () => {
    expect(shape([page('a', 0), page('a', 1, 90), ...whole('b')])).toEqual(['a0 a1↻', 'b']);
    expect(shape([page('b', 0), page('b', 2), ...whole('c')])).toEqual(['b0 b2', 'c']);
    expect(shape([page('a', 1), page('a', 0)])).toEqual(['a1 a0']);
    // b's pages interleaved with c's: neither is whole in one place.
    expect(shape([page('b', 0), ...whole('c'), page('b', 1), page('b', 2)])).toEqual(['b0', 'c', 'b1 b2']);
  });

  it('sends a document the provider converts on its own, where it stands', () => {
    expect(shape([page('a', 1), { doc: 'w', page: null, rotation: 0 }, ...whole('c')])).toEqual(['a1', 'w', 'c']);
  });

  it('composes consecutive pages together when keeping documents apart would be more files than the account takes', () => {
    const items = [...whole('a'), ...whole('b'), { doc: 'w', page: null, rotation: 0 }, ...whole('c')];
    expect(shape(items, 4)).toEqual(['a', 'b', 'w', 'c']);
    expect(shape(items, 3)).toEqual(['a0 a1 b0 b1 b2', 'w', 'c']);
  });
});
