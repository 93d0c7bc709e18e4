import { createHash } from 'node:crypto';
import { composePdf, type ComposeInput } from '../documents/composePdf';
import type { NormalizeInput } from '../documents/normalizeTypes';
import { readPdfFacts } from '../documents/pdfFacts';
import { normalizePdfOnly } from '../documents/pdfOnlyNormalize';
import { layoutReport, type ReportInput } from '../outbox/reportLayout';
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
  /** Any added file → Faxdesk's normalised PDF (or the file itself, when the provider converts it). */
  'document.normalize': (input: NormalizeInput) => normalizePdfOnly(input),
  /** The fax's pages, after the person's page operations, as one PDF. */
  'fax.compose': (input: ComposeInput) => composePdf(input),
  /** A fax's one-page transmission report (with the SHA-256 of what was sent and a thumbnail). */
  'report.transmission': async (input: ReportInput, context) => {
    const bytes = await layoutReport(input);
    context.transfer(bytes.buffer as ArrayBuffer);
    return bytes;
  },
} satisfies TaskHandlers;

export type CoreTasks = typeof coreTasks;
