import ICAL from 'ical.js';
import { ImportProblem } from './decodeText';
import { isImportRow, toImportRow, type ParsedContacts, type RawContact } from './parsedContact';

/**
 * vCard 2.1 (Outlook) writes bare types ("TEL;WORK;FAX:"), which ical.js, written for 3.0 and 4.0,
 * refuses: they become TYPE= parameters. Only the part before the value is touched.
 */
function fixBareParameters(line: string): string {
  const colon = line.indexOf(':');
  if (colon < 0 || !line.slice(0, colon).includes(';')) return line;
  const [name, ...params] = line.slice(0, colon).split(';');
  return `${name};${params.map((p) => (p.includes('=') ? p : `TYPE=${p}`)).join(';')}${line.slice(colon)}`;
}

/** Decodes vCard 2.1's QUOTED-PRINTABLE values (UTF-8, or the card's CHARSET). */
function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i += 1) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) { bytes.push(parseInt(hex, 16)); i += 2; }
    else bytes.push(...new TextEncoder().encode(value[i]!));
  }
  try { return new TextDecoder(charset).decode(new Uint8Array(bytes)); } catch { return new TextDecoder().decode(new Uint8Array(bytes)); }
}

/** The cards of a file, each as its own text (so one damaged card is skipped, not the file). */
function splitCards(text: string): string[] {
  const cards: string[] = [];
  let current: string[] | undefined;
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i += 1) {
    let line = lines[i]!;
    if (/^BEGIN:VCARD\s*$/i.test(line)) { current = [line]; continue; }
    if (!current) continue;
    if (/^END:VCARD\s*$/i.test(line)) { current.push(line); cards.push(current.join('\r\n')); current = undefined; continue; }
    // 2.1 quoted-printable soft line breaks ("=" at the end) continue on the next line without a space.
    if (/QUOTED-PRINTABLE/i.test(line.split(':')[0] ?? '')) while (line.endsWith('=') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]!;
    current.push(/^[ \t]/.test(line) ? line : fixBareParameters(line));
  }
  return cards;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value == null ? [] : [String(value)]);

/** A property's text; `first`: only the first component of a structured value (ORG's organisation, not its units). */
function text(prop: ICAL.Property | null, first = false): string {
  if (!prop) return '';
  const values = prop.getValues().flatMap(asList);
  const value = first ? values[0] ?? '' : values.join(prop.name === 'n' ? ' ' : '; ');
  const encoding = prop.getParameter('encoding');
  return typeof encoding === 'string' && /quoted-printable/i.test(encoding)
    ? decodeQuotedPrintable(value, String(prop.getParameter('charset') ?? 'utf-8')) : value;
}

function readCard(card: ICAL.Component, line: number): RawContact {
  const tels = card.getAllProperties('tel').map((prop) => ({
    types: asList(prop.getParameter('type')).flatMap((t) => t.toLowerCase().split(',')),
    pref: prop.getParameter('pref') !== undefined,
    value: asList(prop.getFirstValue()).join(''),
  }));
  const fax = tels.filter((tel) => tel.types.includes('fax'));
  // The preferred fax number first, then a work one, then the rest in the card's order.
  const rank = (tel: (typeof fax)[number]) => (tel.pref || tel.types.includes('pref') ? 0 : tel.types.includes('work') ? 1 : 2);
  fax.sort((a, b) => rank(a) - rank(b));
  const n = card.getFirstProperty('n');
  const parts = n ? asList(n.getFirstValue()) : [];
  const fromN = [parts[3], parts[1], parts[2], parts[0], parts[4]].filter((p) => p && p.trim()).join(' ');
  return {
    line,
    name: text(card.getFirstProperty('fn')) || fromN,
    organisation: text(card.getFirstProperty('org'), true),
    faxNumbers: fax.map((tel) => tel.value),
    otherPhones: tels.length - fax.length,
    notes: text(card.getFirstProperty('note')),
    favourite: false,
  };
}

/** Contacts from vCard 2.1, 3.0 and 4.0 files (ical.js; its vcard3 rules for 3.0), one per card with a fax number. */
export function parseVcardContacts(source: string, region: string | undefined): ParsedContacts {
  const cards = splitCards(source);
  if (cards.length === 0) throw new ImportProblem('No vCards were found in the file.', 'Choose a .vcf file, or a CSV export.');
  const out: ParsedContacts = { format: 'vcard', notes: [], rows: [], skipped: [] };
  const versions = new Set<string>();
  cards.forEach((cardText, index) => {
    const line = index + 1;
    let raw: RawContact;
    try {
      const card = new ICAL.Component(ICAL.parse(cardText) as unknown[]);
      versions.add(String(card.getFirstPropertyValue('version') ?? '?'));
      raw = readCard(card, line);
    } catch (error) {
      out.skipped.push({ line, label: /^FN[;:](.*)$/im.exec(cardText)?.[1]?.trim() || `card ${line}`, reason: `The card could not be read (${(error as Error).message})` });
      return;
    }
    const row = toImportRow(raw, region);
    if (isImportRow(row)) out.rows.push(row);
    else out.skipped.push(row);
  });
  out.notes.push(`Read ${cards.length === 1 ? '1 vCard' : `${cards.length} vCards`} (version ${[...versions].sort().join(', ') || 'unknown'}).`);
  return out;
}
