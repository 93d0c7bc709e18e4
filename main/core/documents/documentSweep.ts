import type { JobRunner } from '../jobs/jobRunner';
import type { Logger } from '../log';
import type { DocumentStore } from './documentStore';

export const SWEEP_DOCUMENTS = 'documents.sweep';
/** A compose lives in the window's memory only: what no fax uses after this long was left behind. */
const UNUSED_FOR_MS = 6 * 60 * 60_000;
const EVERY_MS = 6 * 60 * 60_000;

/** Deletes documents no fax uses (a compose that was closed, or the sources of a sent one), now and then. */
export function scheduleDocumentSweep(runner: JobRunner, documents: DocumentStore, log: Logger): void {
  runner.register(SWEEP_DOCUMENTS, async () => {
    const removed = await documents.sweep(UNUSED_FOR_MS);
    if (removed > 0) log.info('removed documents no fax uses', { documents: removed });
    return { runAgainAt: Date.now() + EVERY_MS };
  });
  runner.enqueue({ kind: SWEEP_DOCUMENTS, queue: 'maintenance', key: SWEEP_DOCUMENTS, payload: {}, runAt: Date.now() + 60_000 });
}
