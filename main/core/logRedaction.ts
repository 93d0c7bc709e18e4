/**
 * What the logger does to every field and message so no PHI reaches a log file (issue 13, item 5):
 * fax numbers become their last four digits, names, subjects, notes and file names are dropped,
 * and absolute paths (whose file names a person chose) are left out. Ids, codes and counts stay.
 */

/** Keys whose values are fax numbers: kept as "…1234". */
const NUMBER_KEYS = new Set(['to', 'from', 'recipient', 'recipients', 'number', 'numbers', 'fromnumber', 'tonumber', 'faxnumber', 'sender', 'callerid', 'e164', 'fax']);
/** Keys whose values are names or free text a person wrote: dropped. */
const DROP_KEYS = new Set([
  'name', 'names', 'contactname', 'patientname', 'patient', 'subject', 'notes', 'note', 'tags', 'filename', 'filenames', 'coverfields',
  'cover', 'headertext', 'organisation', 'body', 'text', 'filedto',
]);

/** Seven to fifteen digits, written with spaces, dots, dashes or brackets, standing on their own (not inside an id). */
const PHONE_LIKE = /(?<![\w-])\+?\(?\d(?:[ ().-]{0,2}\d){6,14}(?![\w-])/g;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A quoted absolute path, as Node's file errors write it ("open '/home/…/Referral Smith.pdf'"). */
const QUOTED_PATH = /(['"])(?:[A-Za-z]:)?[\\/][^'"\n]*\1/g;

export const lastFour = (value: string) => {
  const digits = value.replace(/\D/g, '');
  return digits.length === 0 ? '[redacted]' : `…${digits.slice(-4)}`;
};

/** Numbers and paths out of free text (an error's message, a provider's reason). */
export function redactText(text: string): string {
  return text
    .replace(QUOTED_PATH, (_whole, quote: string) => `${quote}[path]${quote}`)
    .replace(PHONE_LIKE, (match) => (DATE_ONLY.test(match) ? match : lastFour(match)));
}

/** The JSON replacer the logger serialises fields with. */
export function redactField(key: string, value: unknown): unknown {
  const lower = key.toLowerCase();
  // A string, not an object: its `name` would read as a person's name below.
  if (value instanceof Error) return `${value.name}: ${redactText(value.message)}`;
  if (DROP_KEYS.has(lower) && value !== undefined && value !== null) return '[redacted]';
  if (NUMBER_KEYS.has(lower)) {
    if (typeof value === 'string') return lastFour(value);
    if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? lastFour(item) : item));
  }
  // Ids (job ids, provider ids) are never numbers to hide.
  if (typeof value === 'string' && !/id$/i.test(key)) return redactText(value);
  return value;
}
