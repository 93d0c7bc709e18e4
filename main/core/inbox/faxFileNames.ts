import { faxFileName, safeFileName, senderLabel } from '../../../common/domain/faxFileName';
import type { InboxRow } from '../store/inboxRepo';

/**
 * "Fax 2026-12-01 1405 from +1 415 555 2100, 3 pages.pdf" for a stored fax (see faxFileName).
 */
export function exportName(row: InboxRow, turned: boolean): string {
  return faxFileName({ createdAt: row.created_at, from: row.from_number, pages: row.document_pages ?? row.pages }, turned);
}

/** Pages as a person counts them, runs joined: [1, 2, 4] → "Pages 2–3, 5". */
export function pagesLabel(pages: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    const start = pages[i]!;
    let end = start;
    while (i + 1 < pages.length && pages[i + 1] === end + 1) end = pages[++i]!;
    runs.push(end === start ? `${start + 1}` : `${start + 1}–${end + 1}`);
  }
  return `${pages.length === 1 ? 'Page' : 'Pages'} ${runs.join(', ')}`;
}

/** "Pages 2–3 of fax from +1 415 555 2100": the name of a part split off a fax. */
export function partName(row: InboxRow, pages: readonly number[]): string {
  return safeFileName(`${pagesLabel(pages)} of fax from ${senderLabel(row.from_number)}`);
}
