import { decodeText, ImportProblem } from './decodeText';
import { parseCsvContacts } from './csvContacts';
import type { ParsedContacts } from './parsedContact';
import { parseVcardContacts } from './vcardContacts';

export interface ParseContactsInput {
  bytes: Uint8Array;
  fileName: string;
  /** The office's region: numbers written without a country code are read in it. */
  region?: string;
}

/** The most rows one import takes (a broadcast list, not a CRM). */
export const MAX_IMPORT_ROWS = 50_000;

/** What the `contacts.parse` task answers: the parsed file, or why it cannot be imported. */
export type ParseContactsOutput = ({ ok: true } & ParsedContacts) | { ok: false; message: string; nextStep: string };

/**
 * A contacts file (CSV or vCard, judged by its content, then its name) as rows to import and
 * rows skipped with a reason. Runs in the worker pool: a 10,000-row file takes a while to check.
 */
export function parseContacts(input: ParseContactsInput): ParseContactsOutput {
  try {
    const { text, note } = decodeText(input.bytes);
    const vcard = /^\s*BEGIN:VCARD/im.test(text.slice(0, 10_000)) || /\.(vcf|vcard)$/i.test(input.fileName);
    const parsed = vcard ? parseVcardContacts(text, input.region) : parseCsvContacts(text, input.region);
    if (parsed.rows.length + parsed.skipped.length > MAX_IMPORT_ROWS) {
      throw new ImportProblem(`The file has ${parsed.rows.length + parsed.skipped.length} contacts; Faxdesk imports up to ${MAX_IMPORT_ROWS} at a time.`,
        'Split the file and import the parts one after another.');
    }
    if (parsed.rows.length + parsed.skipped.length === 0) throw new ImportProblem('The file has a header but no contacts.');
    return { ok: true, ...parsed, notes: note ? [note, ...parsed.notes] : parsed.notes };
  } catch (error) {
    if (error instanceof ImportProblem) return { ok: false, message: error.message, nextStep: error.nextStep };
    throw error;
  }
}
