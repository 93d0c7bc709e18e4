/** Why a file cannot be imported at all, in words for the person (rows are skipped one by one instead). */
export class ImportProblem extends Error {
  constructor(message: string, readonly nextStep = 'Export the contacts again as CSV (UTF-8) or vCard, and import that file.') {
    super(message);
    this.name = 'ImportProblem';
  }
}

export interface DecodedText {
  text: string;
  /** Said to the person when the file was not plain UTF-8. */
  note?: string;
}

/** Which byte of most 16-bit units is zero, in the first KB: UTF-16 text without a byte-order mark. */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 1024) & ~1;
  let even = 0, odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even += 1;
    if (bytes[i + 1] === 0) odd += 1;
  }
  const units = n / 2;
  if (units < 2) return undefined;
  if (odd > units * 0.4 && even < units * 0.05) return 'utf-16le';
  if (even > units * 0.4 && odd < units * 0.05) return 'utf-16be';
  return undefined;
}

/**
 * The file's text. UTF-8 (with or without a BOM) is read as it is; UTF-16 (Outlook's "Unicode"
 * CSV, with or without a BOM) is decoded as UTF-16; anything else that is not valid UTF-8 is read
 * as Windows-1252 (Excel's "CSV" on Western systems, a superset of Latin-1), and the preview says so.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new ImportProblem('The file is empty.', 'Choose the file your contacts were exported to.');
  let text: string;
  let note: string | undefined;
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  const utf16 = bom16 ?? utf16Without(bytes);
  if (utf16) {
    text = new TextDecoder(utf16).decode(bytes);
    note = `The file is ${utf16 === 'utf-16le' ? 'UTF-16' : 'UTF-16 (big-endian)'} text (Outlook’s “Unicode” export); it was read as such.`;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      note = 'The file is not UTF-8; it was read as Western European (Windows-1252, Latin-1). Check accented names in the preview; '
        + 'if they look wrong, export the file again as “CSV UTF-8”.';
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Control characters other than tab and line ends mean this is not a text export at all.
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code < 9 || (code > 13 && code < 32)) control += 1;
  }
  if (control > 0 && control > sample.length / 100) {
    throw new ImportProblem('This file is not a contacts export: it is not text.', 'Choose a CSV or vCard (.vcf) file.');
  }
  if (text.trim() === '') throw new ImportProblem('The file is empty.', 'Choose the file your contacts were exported to.');
  return { text, ...(note ? { note } : {}) };
}
