import { MAX_DOCUMENT_BYTES } from '../../common/domain/document';
/**
 * What the file chooser offers first (anything can still be chosen): the core judges every file by
 * its content, never its name, and explains what it cannot take.
 */
export const ACCEPT_ATTR = [
  'application/pdf', '.pdf', 'image/*', '.tif', '.tiff', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.bmp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.docx', 'text/plain', '.txt',
].join(',');
/** The core's own cap, checked here too so a huge file is not handed over at all. */
export const MAX_FILE_BYTES = MAX_DOCUMENT_BYTES;

export function refuseFile(file: { name: string; size: number }): string | null {
  const name = file.name || 'This file';
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
