import type { DocumentInfo } from '../../../common/domain/document';
import type { OutboxJob } from '../../../common/domain/fax';
import type { FaxJobRow } from '../store/faxJobsRepo';
import { isInFlight } from './adoptRemote';
import { expectedDoneAt } from './faxDuration';

export interface ViewContext {
  documentInfo(id: string): DocumentInfo | undefined;
  isDemoAccount(id: string): boolean;
  /** Scales the time a fax should take (tests). */
  durationScale: number;
}

/** The renderer's view of a fax: documents by name and pages, no file paths. */
export function toOutboxJob(job: FaxJobRow, context: ViewContext): OutboxJob {
  return {
    id: job.id,
    batchId: job.batchId,
    accountId: job.accountId,
    to: job.to,
    documents: job.documentIds.flatMap((id) => {
      const info = context.documentInfo(id);
      return info ? [info] : [];
    }),
    pages: job.pages,
    state: job.state,
    ...(job.providerFaxId ? { providerFaxId: job.providerFaxId } : {}),
    ...(job.pagesSent !== undefined ? { pagesSent: job.pagesSent } : {}),
    attempts: job.attempts,
    ...(job.error ? { error: job.error } : {}),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    ...(job.completedAt ? { completedAt: job.completedAt } : {}),
    demo: context.isDemoAccount(job.accountId),
    ...(job.options.subject ? { subject: job.options.subject } : {}),
    ...(job.options.resolution ? { resolution: job.options.resolution } : {}),
    ...(job.resolution ? { decision: job.resolution } : {}),
    ...(job.archivedAt ? { archivedAt: job.archivedAt } : {}),
    ...(job.resentFrom ? { resentFrom: job.resentFrom } : {}),
    ...(job.firstPage ? { firstPage: job.firstPage } : {}),
    ...(isInFlight(job) ? { expectedDoneAt: expectedDoneAt(job, context.durationScale) } : {}),
    ...(job.stuckSince ? { stuckSince: job.stuckSince } : {}),
    ...(job.options.cover ? { hasCover: true } : {}),
    ...(job.options.sendAt ? { scheduledFor: job.options.sendAt } : {}),
    ...(job.options.startedLateAt ? { startedLateAt: job.options.startedLateAt } : {}),
    ...(job.options.patient ? { patientName: job.options.patient.name } : {}),
    ...(job.removedByRetentionAt ? { removedByRetentionAt: job.removedByRetentionAt } : {}),
    ...(job.legalHold ? { legalHold: true } : {}),
    ...(job.notes ? { notes: job.notes } : {}),
    ...(job.tags?.length ? { tags: job.tags } : {}),
  };
}
