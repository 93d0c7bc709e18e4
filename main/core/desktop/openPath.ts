import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve, win32 } from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../../../common/domain/document';

/** A file the desktop handed over that may be read, or why not in words a person understands. */
export type OpenPathCheck = { ok: true; path: string; name: string } | { ok: false; message: string };

/** Names Windows reserves for devices, whatever the extension ("NUL.pdf" is the null device). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;

/** The base name for messages: short, and never a control character that could forge a line. */
export function shownName(path: string): string {
  // eslint-disable-next-line no-control-regex
  const name = win32.basename(path).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 120);
  return name || 'The file';
}

/**
 * Checks one path from the command line, a second launch or macOS open-file before the documents
 * pipeline reads it: a regular file on this computer, readable, not empty and within the size limit.
 * Network (UNC) and device paths are refused outright: reading them can hang or touch hardware.
 */
export async function checkOpenPath(input: string, cwd: string): Promise<OpenPathCheck> {
  const name = shownName(input);
  const refuse = (why: string): OpenPathCheck => ({ ok: false, message: `${name} was not opened: ${why}` });
  // eslint-disable-next-line no-control-regex
  if (input.length > 4096 || /[\u0000-\u001f\u007f]/.test(input)) return refuse('its name is not a valid file name.');
  if (/^[\\/]{2}/.test(input)) return refuse('it is on a network share or is a device. Copy it to this computer first.');
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(input)) return refuse('it is a web address, not a file on this computer.');
  if (WINDOWS_DEVICE.test(win32.basename(input))) return refuse('that name belongs to a device, not a file.');
  const path = isAbsolute(input) ? input : resolve(cwd, input);
  const facts = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (facts instanceof Error) {
    return refuse(facts.code === 'EACCES' || facts.code === 'EPERM' ? 'Faxdesk is not allowed to read it.' : 'there is no such file. It may have been moved or deleted.');
  }
  if (facts.isDirectory()) return refuse('it is a folder. Open the files inside it instead.');
  if (!facts.isFile()) return refuse('it is not an ordinary file (a device, a pipe or a socket).');
  if (facts.size === 0) return refuse('it is empty.');
  if (facts.size > MAX_DOCUMENT_BYTES) return refuse(`it is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB. Split the document into smaller files.`);
  const readable = await access(path, constants.R_OK).then(() => true, () => false);
  if (!readable) return refuse('Faxdesk is not allowed to read it.');
  return { ok: true, path, name: basename(path) };
}
