import { AppError } from '../../../common/ipc/result';
import type { CoreTasks } from '../workers/coreTasks';
import { WorkerTaskError, type TaskRunner } from '../workers/taskProtocol';

export interface PdfFacts {
  pages: number;
  sha256: string;
}

const SAVE_UNPROTECTED = 'Save an unprotected copy of the PDF and add that instead.';
const RESAVE = 'Open it in a PDF viewer and save or print it to a new PDF.';

/** The first bytes of a PDF (after optional junk, which readers tolerate in the first 1 KB). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/**
 * Counts a PDF's pages and fingerprints it (SHA-256), and refuses what a fax service cannot send
 * (encrypted, password-protected, broken), in words that name the file. pdf.js runs in the worker pool; `bytes` are moved there
 * when they own their buffer, so the caller must not use them afterwards.
 */
export async function inspectPdf(tasks: TaskRunner<CoreTasks>, bytes: Uint8Array, name: string): Promise<PdfFacts> {
  if (!looksLikePdf(bytes)) {
    throw AppError.of('unsupported_file', `${name} is not a PDF.`, { nextStep: 'Choose a PDF file, or print the document to PDF first.' });
  }
  const data = ownedView(bytes);
  let inspected;
  try {
    inspected = await tasks.run('pdf.inspect', { bytes: data }, { transfer: [data.buffer] });
  } catch (error) {
    throw readFailure(error, name);
  }
  const { verdict, sha256 } = inspected;
  if ('pages' in verdict) return { pages: verdict.pages, sha256 };
  switch (verdict.refused) {
    case 'encrypted': throw AppError.of('unsupported_file', `${name} is encrypted.`, { nextStep: SAVE_UNPROTECTED });
    case 'password': throw AppError.of('unsupported_file', `${name} is password-protected.`, { nextStep: SAVE_UNPROTECTED });
    case 'no_pages': throw AppError.of('unsupported_file', `${name} has no pages.`);
    case 'damaged': throw AppError.of('unsupported_file', `${name} is damaged and cannot be read as a PDF.`, { nextStep: RESAVE });
  }
}

function readFailure(error: unknown, name: string): AppError {
  const failure = error instanceof WorkerTaskError ? error.failure : undefined;
  if (failure === 'timeout' || failure === 'crashed') {
    const why = failure === 'timeout' ? 'took too long to read' : 'stopped the PDF reader';
    return AppError.of('unsupported_file', `${name} ${why}; it is probably damaged.`, { nextStep: RESAVE });
  }
  if (failure === 'queue_full') {
    return AppError.of('internal', 'Faxdesk is busy reading other documents.', { nextStep: `Add ${name} again in a moment.`, retryable: true });
  }
  // Not the file's fault: the reader itself could not run (or Faxdesk is closing).
  return AppError.of('internal', `${name} could not be read: Faxdesk's document reader is not working (${(error as Error).message}).`, {
    nextStep: 'Restart Faxdesk. If this happens again, reinstall it.',
  });
}

/**
 * A view that owns its whole ArrayBuffer, so it can be moved to the worker. A Node Buffer is
 * often a slice of a shared pool (small Buffers), which must be copied instead of moved.
 */
function ownedView(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const owns = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return owns ? new Uint8Array(bytes.buffer as ArrayBuffer, 0, bytes.byteLength) : new Uint8Array(bytes);
}
