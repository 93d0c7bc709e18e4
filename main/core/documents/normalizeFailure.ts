import { AppError } from '../../../common/ipc/result';
import { WorkerTaskError } from '../workers/taskProtocol';

const RESAVE = 'Open it in a PDF viewer and save or print it to a new PDF.';

/** Why a document could not be read when the reader itself failed (time limit, crash, busy, not running). */
export function normalizeFailure(error: unknown, name: string): AppError {
  const failure = error instanceof WorkerTaskError ? error.failure : undefined;
  if (failure === 'timeout' || failure === 'crashed') {
    const why = failure === 'timeout' ? 'took too long to read' : 'stopped the document reader';
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
