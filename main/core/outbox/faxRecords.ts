import type { OutboxJob } from '../../../common/domain/fax';
import type { DocumentStore } from '../documents/documentStore';
import type { CoreEvents } from '../events';
import type { FaxJobRow, FaxJobsRepo, FaxQuery } from '../store/faxJobsRepo';
import { toOutboxJob } from './jobView';

/** The outbox's faxes as rows: read, saved with a fresh `updatedAt`, announced to the window. */
export class FaxRecords {
  constructor(
    private readonly repo: FaxJobsRepo,
    private readonly documents: DocumentStore,
    private readonly events: CoreEvents,
    private readonly isDemoAccount: (accountId: string) => boolean,
    /** Scales how long a fax should take before it counts as stuck (tests). */
    readonly durationScale = 1,
  ) {}

  get(id: string): FaxJobRow | undefined {
    return this.repo.get(id);
  }

  insert(job: FaxJobRow): void {
    this.repo.insert(job);
  }

  save(job: FaxJobRow): void {
    job.updatedAt = new Date().toISOString();
    this.repo.save(job);
    this.announce(job);
  }

  announce(job: FaxJobRow): void {
    this.events.emit('outbox.jobChanged', this.view(job));
  }

  list(query?: FaxQuery): OutboxJob[] {
    return this.repo.list(query).map((job) => this.view(job));
  }

  view(job: FaxJobRow): OutboxJob {
    return toOutboxJob(job, {
      documentInfo: (id) => this.documents.info(id),
      isDemoAccount: this.isDemoAccount,
      durationScale: this.durationScale,
    });
  }
}
