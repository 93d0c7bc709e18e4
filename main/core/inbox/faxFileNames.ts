import { checkFaxNumber } from '../../../common/domain/phone';
import type { InboxRow } from '../store/inboxRepo';

/** The sender as a person reads it ("+1 415 555 2100"), or "unknown sender" (a withheld caller id). */
export function senderLabel(from: string | null): string {
  if (!from) return 'unknown sender';
  const checked = checkFaxNumber(from);
  return checked.ok ? checked.display : from;
}

/** Only characters every file system and mail client accepts: no folders, drive colons or control characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, ' ').replace(/\s+/g, ' ').trim();
  return safe.slice(0, 200) || 'Fax';
}

const two = (n: number) => String(n).padStart(2, '0');
const pageCount = (n: number) => `${n} ${n === 1 ? 'page' : 'pages'}`;

/**
 * "Fax 2026-12-01 1405 from +1 415 555 2100, 3 pages.pdf": when it arrived (this computer's time,
 * as the list shows it), who sent it and how long it is; never a name a server chose.
 */
export function exportName(row: InboxRow, turned: boolean): string {
  const at = new Date(row.created_at);
  const when = Number.isNaN(at.getTime()) ? '' : ` ${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}${two(at.getMinutes())}`;
  const pages = row.document_pages ?? row.pages;
  const base = `Fax${when} from ${senderLabel(row.from_number)}${pages ? `, ${pageCount(pages)}` : ''}`;
  return `${safeFileName(base)}${turned ? ' (turned)' : ''}.pdf`;
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
