import Papa from 'papaparse';
import { ImportProblem } from './decodeText';
import { isImportRow, toImportRow, type ParsedContacts, type RawContact } from './parsedContact';

type Record_ = Record<string, string | undefined>;

const NAME = ['name', 'full name', 'display name', 'contact name', 'contact'];
const FIRST = ['first name', 'given name'];
const MIDDLE = ['middle name', 'additional name'];
const LAST = ['last name', 'family name', 'surname'];
const ORGANISATION = ['company', 'organization 1 - name', 'organization name', 'organization', 'organisation', 'org', 'company name'];
/** Outlook's fax columns, business first; then plain fax columns (Faxdesk's own export among them). */
const FAX = ['business fax', 'fax number', 'fax', 'fax no', 'fax no.', 'faxnumber', 'home fax', 'other fax', 'number'];
const PHONE = /phone|mobile|pager|telephone|tel$/;
const NOTES = ['notes', 'note', 'comments'];
const FAVOURITE = ['favourite', 'favorite', 'starred'];
/** Google puts "* starred" in these; Outlook in none. */
const LABELS = ['labels', 'group membership'];

/** A header's words as compared: lower case, single spaces, no BOM. */
const key = (header: string) => header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

function pick(record: Record_, names: readonly string[]): string {
  for (const name of names) {
    const value = record[name]?.trim();
    if (value) return value;
  }
  return '';
}

/** Google's "Phone N - Type"/"- Label" + "- Value" pairs; a value may hold several numbers joined by " ::: ". */
function googlePhones(record: Record_, headers: readonly string[]): { fax: string[]; other: number } {
  const fax: string[] = [];
  let other = 0;
  for (const header of headers) {
    const m = /^phone (\d+) - value$/.exec(header);
    if (!m) continue;
    const values = (record[header] ?? '').split(':::').map((v) => v.trim()).filter(Boolean);
    const type = `${record[`phone ${m[1]} - type`] ?? ''} ${record[`phone ${m[1]} - label`] ?? ''}`;
    if (/fax/i.test(type)) fax.push(...values);
    else other += values.length;
  }
  return { fax, other };
}

function describeShape(headers: readonly string[]): string {
  if (headers.includes('business fax') || (headers.includes('first name') && headers.includes('company'))) return 'Read as an Outlook contacts export (CSV).';
  if (headers.some((h) => /^phone \d+ - value$/.test(h))) return 'Read as a Google Contacts export (CSV).';
  return 'Read as a CSV file with a header row.';
}

/**
 * Contacts from a CSV export: Outlook's ("First Name", "Company", "Business Fax" …), Google's
 * ("Name" or "First Name", "Organization 1 - Name" or "Organization Name", "Phone 1 - Type/Label"
 * = "Work Fax" with "Phone 1 - Value"), and plain files with Name / Organisation / Fax columns.
 */
export function parseCsvContacts(text: string, region: string | undefined): ParsedContacts {
  const result = Papa.parse<Record_>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: key });
  const headers = result.meta.fields ?? [];
  const hasFax = headers.some((h) => FAX.includes(h) || /fax/.test(h)) || headers.some((h) => /^phone \d+ - value$/.test(h));
  if (!hasFax) {
    throw new ImportProblem('No column for fax numbers was found in this CSV file.',
      'Faxdesk reads Outlook and Google Contacts exports, and CSV files with Name, Organisation and Fax columns.');
  }
  const extraFax = headers.filter((h) => /fax/.test(h) && !FAX.includes(h));
  const phones = headers.filter((h) => PHONE.test(h) && !/ - (type|label)$/.test(h) && !/^phone \d+ - value$/.test(h));
  const out: ParsedContacts = { format: 'csv', notes: [describeShape(headers)], rows: [], skipped: [] };
  result.data.forEach((record, index) => {
    const google = googlePhones(record, headers);
    const first = [pick(record, FIRST), pick(record, MIDDLE), pick(record, LAST)].filter(Boolean).join(' ');
    const labels = LABELS.map((h) => record[h] ?? '').join(' ');
    const raw: RawContact = {
      line: index + 2, // the header is row 1
      name: pick(record, NAME) || first,
      organisation: pick(record, ORGANISATION),
      faxNumbers: [...FAX.map((h) => record[h]?.trim() ?? ''), ...extraFax.map((h) => record[h]?.trim() ?? ''), ...google.fax].filter(Boolean),
      otherPhones: google.other + phones.filter((h) => record[h]?.trim()).length,
      notes: pick(record, NOTES),
      favourite: /^(yes|true|1|★|x)$/i.test(pick(record, FAVOURITE)) || /starred/i.test(labels),
    };
    const row = toImportRow(raw, region);
    if (isImportRow(row)) out.rows.push(row);
    else out.skipped.push(row);
  });
  const broken = result.errors.filter((e) => e.code !== 'UndetectableDelimiter' && e.code !== 'TooFewFields' && e.code !== 'TooManyFields');
  if (broken.length > 0) out.notes.push(`${broken.length} place(s) in the file are not well-formed CSV (${broken[0]!.message}); check the rows around row ${(broken[0]!.row ?? 0) + 2}.`);
  return out;
}
