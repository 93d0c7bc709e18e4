import type { OutboxJob } from '../../../common/domain/fax';
import type { DocumentInfo } from '../../../common/domain/document';
import type { FaxJobRow } from '../store/faxJobsRepo';

/** The renderer's view of a job: documents by name and pages, no file paths. */
export function toOutboxJob(job: FaxJobRow, documentInfo: (id: string) => DocumentInfo | undefined): OutboxJob {
  return {
    id: job.id,
    batchId: job.batchId,
    accountId: job.accountId,
    to: job.to,
    documents: job.documentIds.flatMap((id) => {
      const info = documentInfo(id);
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
  };
}
