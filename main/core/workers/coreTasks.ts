import { renderCover, type CoverRenderInput } from '../cover/coverLayout';
import { parseContacts, type ParseContactsInput } from '../contacts/parseContacts';
import { composePdf, type ComposeInput } from '../documents/composePdf';
import { countPdfPages } from '../documents/pdfPageCount';
import { normalizeDocument } from '../documents/normalize/normalizeDocument';
import type { NormalizeInput } from '../documents/normalize/normalizeTypes';
import { layoutReport, type ReportInput } from '../outbox/reportLayout';
import type { TaskHandlers } from './taskProtocol';

/**
 * The core's CPU-heavy tasks, by kind: the one registry. Handlers run in the pool's workers
 * (taskWorker.ts); the main thread imports only the type, from which each kind's input and
 * output types are derived (TaskInput, TaskOutput).
 */
export const coreTasks = {
  /**
   * Any file a person adds (PDF, picture, TIFF, DOCX, text), judged by its content, as one PDF of
   * fax pages at `outputPath`; or why it cannot be faxed (documents/normalize). Main-thread
   * callers use normalizeFile, which owns the work folder and cleans up after a timeout.
   */
  'document.normalize': (input: NormalizeInput) => normalizeDocument(input),
  /** The fax's pages, after the person's page operations, as one PDF. */
  'fax.compose': (input: ComposeInput) => composePdf(input),
  /** The page count of a received fax's document, or why it cannot be read (inbox downloads). */
  'pdf.countPages': (input: { path: string }) => countPdfPages(input),
  /** A fax's one-page transmission report (with the SHA-256 of what was sent and a thumbnail). */
  'report.transmission': async (input: ReportInput, context) => {
    const bytes = await layoutReport(input);
    context.transfer(bytes.buffer as ArrayBuffer);
    return bytes;
  },
  /** One cover page (cover/coverLayout), written to `outputPath`; how its text fitted. */
  'cover.render': (input: CoverRenderInput) => renderCover(input),
  /** A contacts file (CSV or vCard) as rows to import and rows skipped with reasons (contacts import preview). */
  'contacts.parse': (input: ParseContactsInput) => parseContacts(input),
} satisfies TaskHandlers;

export type CoreTasks = typeof coreTasks;
