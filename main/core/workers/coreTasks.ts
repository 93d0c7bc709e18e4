import { createHash } from 'node:crypto';
import { normalizeDocument } from '../documents/normalize/normalizeDocument';
import type { NormalizeInput } from '../documents/normalize/normalizeTypes';
import { readPdfFacts } from '../documents/pdfFacts';
import type { TaskHandlers } from './taskProtocol';

/**
 * The core's CPU-heavy tasks, by kind: the one registry. Handlers run in worker threads
 * (taskWorker.ts); the main thread imports only the type, from which each kind's input and
 * output types are derived (TaskInput, TaskOutput).
 */
export const coreTasks = {
  /**
   * Page count of a PDF, or why it cannot be faxed (pdf.js); and its SHA-256, taken here because
   * hashing 100 MB holds a thread for ~80 ms (before pdf.js, which may take over the bytes).
   */
  'pdf.inspect': async ({ bytes }: { bytes: Uint8Array }) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { sha256, verdict: await readPdfFacts(bytes) };
  },
  /**
   * Any file a person adds (PDF, picture, TIFF, DOCX, text), judged by its content, as one PDF of
   * fax pages at `outputPath`; or why it cannot be faxed (documents/normalize). Main-thread
   * callers use normalizeFile, which owns the work folder and cleans up after a timeout.
   */
  'document.normalize': (input: NormalizeInput) => normalizeDocument(input),
} satisfies TaskHandlers;

export type CoreTasks = typeof coreTasks;
