import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../common/domain/faxFileName';
import { exportName, pagesLabel, partName } from '../../main/core/inbox/faxFileNames';
import { cleanTags } from '../../common/domain/tags';
import type { InboxRow } from '../../main/core/store/inboxRepo';

/** Names of exported and split-off files: from date, sender and pages, with only safe characters. */
const row = (change: Partial<InboxRow>): InboxRow => ({
  created_at: new Date(2026, 11, 1, 14, 5).toISOString(), from_number: '+14155552100', pages: 3, document_pages: 3, ...change,
} as InboxRow);

describe('inbox file names', () => {
  it('say when, from whom and how many pages; turned ones say so', () => {
    expect(exportName(row({}), false)).toBe('Fax 2026-12-01 1405 from +1 415 555 2100, 3 pages.pdf');
    expect(exportName(row({ pages: 1, document_pages: 1 }), true)).toBe('Fax 2026-12-01 1405 from +1 415 555 2100, 1 page (turned).pdf');
  });

  it('a withheld caller id is "unknown sender"; a sender that is not a number keeps no unsafe character', () => {
    expect(exportName(row({ from_number: null }), false)).toBe('Fax 2026-12-01 1405 from unknown sender, 3 pages.pdf');
    const odd = exportName(row({ from_number: 'C:\\fax/../x\u0007:y' }), false);
    expect([...odd].some((c) => '/\\:'.includes(c) || c.charCodeAt(0) < 32)).toBe(false);
    expect(odd).toMatch(/^Fax 2026-12-01 1405 from C fax .. x y, 3 pages\.pdf$/);
    expect(safeFileName('\u0000/\\:')).toBe('Fax');
  });

  it('parts name their pages as a person counts them', () => {
    expect(pagesLabel([1, 2])).toBe('Pages 2–3');
    expect(pagesLabel([0, 1, 2, 5, 7, 8])).toBe('Pages 1–3, 6, 8–9');
    expect(pagesLabel([4])).toBe('Page 5');
    expect(partName(row({}), [1, 2])).toBe('Pages 2–3 of fax from +1 415 555 2100');
  });

  it('tags are trimmed and kept once whatever their case, in the first spelling', () => {
    expect(cleanTags([' Urgent ', 'URGENT', 'urgent', 'Call  back', ''])).toEqual(['Urgent', 'Call back']);
  });
});
