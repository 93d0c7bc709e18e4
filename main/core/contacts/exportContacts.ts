import Papa from 'papaparse';
import type { Contact, Group } from '../../../common/domain/contact';

/** Faxdesk's CSV: one row per contact, columns any spreadsheet (and Faxdesk's import) reads back. */
export function contactsToCsv(contacts: Iterable<Contact>, groups: readonly Group[]): string {
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const rows: string[][] = [];
  for (const c of contacts) {
    rows.push([c.name, c.organisation, c.faxNumber, c.notes, c.favourite ? 'yes' : '', c.groupIds.map((id) => groupNames.get(id) ?? '').filter(Boolean).join('; ')]);
  }
  // A BOM, so Excel opens UTF-8 names as UTF-8.
  return `\uFEFF${Papa.unparse({ fields: ['Name', 'Organisation', 'Fax number', 'Notes', 'Favourite', 'Groups'], data: rows }, { newline: '\r\n' })}\r\n`;
}

/** vCard text escaping (RFC 6350 §3.4): backslash, comma, semicolon, newline. */
const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 6350 §3.2). */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = new TextEncoder().encode(ch).length;
    if (octets + size > 75) { out.push(current); current = ' '; octets = 1; }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/**
 * vCard 3.0 (what Outlook, Google Contacts and Apple Contacts all import), with the number as
 * `TEL;TYPE=WORK,FAX`. Contacts with only an organisation get it as their FN too.
 */
export function contactsToVcard(contacts: Iterable<Contact>): string {
  const cards: string[] = [];
  for (const c of contacts) {
    // N is family;given: the last word of the name is taken as the family name (FN keeps it whole).
    const words = c.name.trim().split(/\s+/).filter(Boolean);
    const family = words.length > 1 ? words.pop()! : '';
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${escape(c.name || c.organisation)}`, `N:${escape(family)};${escape(words.join(' '))};;;`];
    if (c.organisation) lines.push(`ORG:${escape(c.organisation)}`);
    lines.push(`TEL;TYPE=WORK,FAX:${c.faxNumber}`);
    if (c.notes) lines.push(`NOTE:${escape(c.notes)}`);
    lines.push('END:VCARD');
    cards.push(lines.map(fold).join('\r\n'));
  }
  return cards.length ? `${cards.join('\r\n')}\r\n` : '';
}
