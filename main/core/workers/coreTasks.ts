import { readPdfFacts } from '../documents/pdfFacts';
import type { TaskHandlers } from './taskProtocol';

/**
 * The core's CPU-heavy tasks, by kind: the one registry. Handlers run in worker threads
 * (taskWorker.ts); the main thread imports only the type, from which each kind's input and
 * output types are derived (TaskInput, TaskOutput).
 */
export const coreTasks = {
  /** Page count of a PDF, or why it cannot be faxed (pdf.js). */
  'pdf.inspect': ({ bytes }: { bytes: Uint8Array }) => readPdfFacts(bytes),
} satisfies TaskHandlers;

export type CoreTasks = typeof coreTasks;
