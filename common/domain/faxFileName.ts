import { checkFaxNumber } from './phone';

/** The sender as a person reads it ("+1 415 555 2100"), or "unknown sender" (a withheld caller id). */
export function senderLabel(from: string | null | undefined): string {
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
 * as the list shows it), who sent it and how long it is; never a name a server chose. The same
 * for Save as PDF (the core) and a fax dragged out of the window (the page).
 */
export function faxFileName(fax: { createdAt: string; from?: string | null; pages?: number | null }, turned = false): string {
  const at = new Date(fax.createdAt);
  const when = Number.isNaN(at.getTime()) ? '' : ` ${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}${two(at.getMinutes())}`;
  const base = `Fax${when} from ${senderLabel(fax.from)}${fax.pages ? `, ${pageCount(fax.pages)}` : ''}`;
  return `${safeFileName(base)}${turned ? ' (turned)' : ''}.pdf`;
}
