import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { ImportRow, SkippedRow } from '../../../common/domain/contact';
import { readFaxNumber } from '../../../common/domain/recipients';

/** A row to import, with its number's national digits worked out here (in the worker), not in the commit. */
export type ParsedRow = ImportRow & { nationalDigits: string };

/** Digits of the national form ("02079460000" for +44 20 7946 0000), so people find a number the way they dial it. */
export function nationalDigits(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatNational().replace(/\D/g, '') : '';
}

/** What one parser hands back: rows with a valid fax number, and the rest with a reason each. */
export interface ParsedContacts {
  format: 'csv' | 'vcard';
  notes: string[];
  rows: ParsedRow[];
  skipped: SkippedRow[];
}

/** A row's fields before its number is checked. `otherPhones`: numbers not marked as fax (for the reason). */
export interface RawContact {
  line: number;
  name: string;
  organisation: string;
  faxNumbers: string[];
  otherPhones: number;
  notes: string;
  favourite: boolean;
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** Checks a raw row: a name or organisation, and a fax number that is a real number (national ones in `region`). */
export function toImportRow(raw: RawContact, region: string | undefined): ParsedRow | SkippedRow {
  const name = clip(raw.name.replace(/\s+/g, ' ').trim(), 200);
  const organisation = clip(raw.organisation.replace(/\s+/g, ' ').trim(), 200);
  const label = name || organisation || raw.faxNumbers[0] || `${raw.line}`;
  const fax = raw.faxNumbers.map((n) => n.trim()).filter(Boolean);
  if (fax.length === 0) {
    const reason = raw.otherPhones > 0
      ? `No fax number (it has ${raw.otherPhones === 1 ? 'a phone number' : `${raw.otherPhones} phone numbers`}, none marked as fax)`
      : 'No fax number';
    return { line: raw.line, label, reason };
  }
  const check = readFaxNumber(fax[0]!, region);
  if (!check.ok) return { line: raw.line, label, reason: check.message };
  if (!name && !organisation) return { line: raw.line, label, reason: 'No name or organisation' };
  return {
    line: raw.line, name, organisation, faxNumber: check.e164, nationalDigits: nationalDigits(check.e164), notes: clip(raw.notes.trim(), 4_000),
    favourite: raw.favourite,
  };
}

export const isImportRow = (row: ParsedRow | SkippedRow): row is ParsedRow => 'faxNumber' in row;
