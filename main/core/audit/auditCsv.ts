import type { AuditRow } from './auditChain';

const HEADER = ['id', 'time_utc', 'os_user', 'profile', 'action', 'target_type', 'target_id', 'detail', 'prev_hash', 'hash'];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * A field a spreadsheet would run as a formula (= + - @, tab, CR first) gets a leading apostrophe:
 * the OS user name and initials come from outside Faxdesk.
 */
export function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The export's first line. */
export const CSV_HEADER_LINE = HEADER.join(',') + '\r\n';

/** One entry's line (CRLF, as RFC 4180 and Excel expect). */
export function auditCsvLine(row: AuditRow): string {
  return [row.id, row.at, row.os_user, row.profile, row.action, row.target_type, row.target_id, row.detail, row.prev_hash, row.hash]
    .map(csvField).join(',') + '\r\n';
}
