import { open } from 'node:fs/promises';
import { isPasswordError, openPdfFile } from '../pdfjsNode';

export type PdfInspection =
  | { pages: number; asItIs: boolean }
  | { failed: 'password' | 'unreadable' };

/**
 * What pdf.js makes of a PDF file, read by ranges (never whole): its page count, and whether it
 * can be faxed byte for byte as it is. That holds for a plain document only: not encrypted (an
 * owner password's encryption is removed by re-writing), no form fields (they are flattened),
 * no attachments or scripts, and one revision with an intact cross-reference table (an
 * incrementally saved file still carries what earlier edits deleted; a broken table is read
 * differently by different readers, so the fax service might not see what the preview shows).
 * Anything else is re-written page by page. A plain PDF keeps its document information
 * (title, author) as the person's program wrote it.
 */
export async function inspectPdfFile(path: string): Promise<PdfInspection> {
  const { task } = await openPdfFile(path);
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      return { failed: isPasswordError(error) ? 'password' : 'unreadable' };
    }
    const [permissions, fields, attachments, scripts, openAction, plainFile] = await Promise.all([
      doc.getPermissions(), doc.getFieldObjects(), doc.getAttachments(), doc.getJSActions(), doc.getOpenAction(), isOneIntactRevision(path),
    ]);
    const asItIs = permissions === null && fields === null && !doc.isPureXfa && attachments === null && scripts === null
      && !(openAction as { action?: unknown } | null)?.action && plainFile;
    return { pages: doc.numPages, asItIs };
  } catch {
    return { failed: 'unreadable' };
  } finally {
    await task.destroy();
  }
}

const SCAN_BYTES = 256 * 1024;
const EOF_MARK = Buffer.from('%%EOF');

/**
 * One `%%EOF` in the whole file, near its end, after a `startxref` that points at a
 * cross-reference table or stream. Read in pieces: the file is never held whole.
 */
export async function isOneIntactRevision(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    let marks = 0;
    let lastMark = -1;
    const piece = Buffer.alloc(SCAN_BYTES + EOF_MARK.length);
    let carry = 0;
    for (let offset = 0; offset < size; offset += SCAN_BYTES) {
      const { bytesRead } = await file.read(piece, carry, SCAN_BYTES, offset);
      const seen = piece.subarray(0, carry + bytesRead);
      for (let at = seen.indexOf(EOF_MARK); at !== -1; at = seen.indexOf(EOF_MARK, at + 1)) {
        marks++;
        lastMark = offset - carry + at;
      }
      // Keep the last few bytes: a mark may straddle two pieces (and is not counted twice: it is shorter than them).
      carry = Math.min(EOF_MARK.length - 1, seen.length);
      seen.copy(piece, 0, seen.length - carry);
    }
    if (marks !== 1 || size - lastMark > 1024) return false;
    const tailStart = Math.max(0, lastMark - 64);
    const tail = Buffer.alloc(lastMark - tailStart);
    await file.read(tail, 0, tail.length, tailStart);
    const startxref = /startxref\s+(\d+)\s*$/.exec(tail.toString('latin1'));
    if (!startxref) return false;
    const at = Number(startxref[1]);
    if (at >= size) return false;
    const head = Buffer.alloc(32);
    const { bytesRead } = await file.read(head, 0, head.length, at);
    return /^(xref\b|\d+\s+\d+\s+obj\b)/.test(head.subarray(0, bytesRead).toString('latin1'));
  } finally {
    await file.close();
  }
}
