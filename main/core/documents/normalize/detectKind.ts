import type { NormalizedKind, NormalizeRefused } from './normalizeTypes';
import { refusalWords } from './refusal';

/**
 * What a file is, judged by its first bytes (never its name). Cheap and dependency-free, so the
 * main thread can refuse a file early; the worker confirms what it needs (a zip is a Word
 * document only if it holds word/document.xml; text is checked whole for NUL bytes).
 */
export type SourceFormat =
  | 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'tiff' | 'zip' | 'text'
  /** An OLE2 compound file: an old .doc/.xls, or an Office document protected by a password. */
  | 'legacy_office';

export type Detected = SourceFormat | 'empty' | 'unknown';

/** How many first bytes detectKind looks at (text is judged on this much). */
export const DETECT_BYTES = 4096;

const KIND_OF: Record<SourceFormat, NormalizedKind | undefined> = {
  pdf: 'pdf', png: 'image', jpeg: 'image', gif: 'image', webp: 'image', bmp: 'image',
  tiff: 'tiff', zip: 'docx', text: 'text', legacy_office: undefined,
};

export function kindOf(format: SourceFormat): NormalizedKind | undefined {
  return KIND_OF[format];
}

export function detectKind(firstBytes: Uint8Array): Detected {
  const b = firstBytes;
  if (b.length === 0) return 'empty';
  const starts = (...sig: number[]) => sig.every((byte, i) => b[i] === byte);
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (starts(0x49, 0x49, 0x2b, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2b)) return 'tiff'; // BigTIFF
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'legacy_office';
  if (isBmp(b)) return 'bmp';
  // Readers accept junk before the header within the first KB (and so do the fax services).
  if (Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, 1024)).toString('latin1').includes('%PDF-')) return 'pdf';
  if (looksLikeText(b)) return 'text';
  return 'unknown';
}

/** "BM" alone is too weak (a text file may start so): the DIB header size must be a known one. */
function isBmp(b: Uint8Array): boolean {
  if (b.length < 18 || b[0] !== 0x42 || b[1] !== 0x4d) return false;
  const dibSize = b[14]! | (b[15]! << 8) | (b[16]! << 16) | (b[17]! << 24);
  return [12, 40, 52, 56, 64, 108, 124].includes(dibSize);
}

/**
 * Plain text: UTF-16 with a byte-order mark, or no NUL byte and hardly any control characters
 * (UTF-8 or an 8-bit code page; which one is decided when the whole file is read).
 */
export function looksLikeText(b: Uint8Array): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  if (b.includes(0)) return false;
  let controls = 0;
  for (const byte of b) if (byte < 0x20 && !ALLOWED_CONTROLS.has(byte)) controls++;
  return controls <= b.length / 100;
}

// Tab, line feed, vertical tab, form feed, carriage return, and DOS's end-of-file marker.
const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a]);

export function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** A refusal the main thread can give before any worker runs, or undefined when the worker must look. */
export function refuseEarly(firstBytes: Uint8Array, name: string): NormalizeRefused | undefined {
  const detected = detectKind(firstBytes);
  if (detected === 'empty') return refusalWords('empty', name);
  if (detected === 'unknown') return refusalWords('unknown_type', name);
  if (detected === 'legacy_office') return refusalWords('unknown_type', name, LEGACY_OFFICE);
  return undefined;
}

export const LEGACY_OFFICE = {
  message: '{name} is an old-style Office file (.doc) or an Office document locked with a password.',
  nextStep: 'Open it in Word and save it as a Word document (.docx) or PDF without a password, then add that.',
};
