import { MAX_DOCUMENT_BYTES } from '../../common/domain/document';
/** What the page refuses before reading a file; the core sniffs the bytes of everything else. */
export const ACCEPT_ATTR = 'application/pdf,.pdf';
/** The core's own cap, checked here too so the page never reads a huge file into memory. */
export const MAX_FILE_BYTES = MAX_DOCUMENT_BYTES;

export function refuseFile(file: { name: string; type: string; size: number }): string | null {
  const name = file.name || 'This file';
  const isPdfName = /\.pdf$/i.test(file.name);
  const isPdfType = file.type === 'application/pdf';
  if (!isPdfName && !isPdfType) {
    return `${name} is not a PDF. Faxdesk can send PDF files; save or print it as a PDF first.`;
  }
  if (file.size === 0) return `${name} is empty.`;
  if (file.size > MAX_FILE_BYTES) {
    return `${name} is too large (${formatBytes(file.size)}). Files must be under ${formatBytes(MAX_FILE_BYTES)}.`;
  }
  return null;
}

/** Makes sure a refusal from the core names the file, whatever wording the core used. */
export function nameInMessage(name: string, message: string): string {
  return message.includes(name) ? message : `${name}: ${message}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
