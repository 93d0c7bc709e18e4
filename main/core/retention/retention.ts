import { retentionCutoff, type RetentionPeriod } from '../../../common/domain/retention';
import type { AuditLog } from '../audit/auditLog';
import type { DocumentStore } from '../documents/documentStore';
import type { CoreEvents } from '../events';
import { documentPath } from '../inbox/documentDownload';
import type { JobRunner } from '../jobs/jobRunner';
import type { Logger } from '../log';
import { transaction, type Database } from '../store/database';
import type { Cutoffs } from '../store/retentionRepo';
import { RetentionRepo } from '../store/retentionRepo';
import { secureDelete } from './secureDelete';

export const RETENTION_JOB = 'retention.run';
const EVERY_MS = 24 * 60 * 60_000;
/** Faxes handled per step; the event loop gets a turn between steps. */
const BATCH = 50;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface RetentionDeps {
  db: Database;
  documents: DocumentStore;
  /** `<data folder>/inbox`, where received faxes' documents are. */
  inboxFolder: string;
  audit: AuditLog;
  events: CoreEvents;
  log: Logger;
  periods(): { keepReceivedFor: RetentionPeriod; keepSentFor: RetentionPeriod };
  now?: () => Date;
}

export interface RetentionResult { faxes: number; jobs: number; documents: number }

/**
 * Retention (issue 13, item 4): the local documents of faxes older than the settings say are
 * overwritten and deleted; the faxes' records stay, marked with the day, and each removal is in
 * the audit log. A received fax tagged "legal hold" and a sent fax on legal hold are kept. Nothing
 * is removed at the provider.
 */
export class Retention {
  private readonly repo: RetentionRepo;

  constructor(private readonly deps: RetentionDeps) {
    this.repo = new RetentionRepo(deps.db);
  }

  cutoffs(): Cutoffs {
    const now = this.deps.now?.() ?? new Date();
    const { keepReceivedFor, keepSentFor } = this.deps.periods();
    return { received: retentionCutoff(keepReceivedFor, now)?.toISOString(), sent: retentionCutoff(keepSentFor, now)?.toISOString() };
  }

  async run(signal?: AbortSignal): Promise<RetentionResult> {
    const cutoffs = this.cutoffs();
    const result: RetentionResult = { faxes: 0, jobs: 0, documents: 0 };
    const { keepReceivedFor, keepSentFor } = this.deps.periods();
    for (const [direction, cutoff, period] of [['inbound', cutoffs.received, keepReceivedFor], ['outbound', cutoffs.sent, keepSentFor]] as const) {
      if (!cutoff) continue;
      const skipped = new Set<string>();
      for (;;) {
        signal?.throwIfAborted();
        const batch = this.repo.expiredFaxes(direction, cutoff, BATCH + skipped.size).filter((row) => !skipped.has(row.id));
        if (batch.length === 0) break;
        for (const row of batch) {
          const removed = await this.removeFax(row.id, cutoffs, period);
          if (removed < 0) skipped.add(row.id);
          else { result.faxes++; result.documents += removed; }
        }
        await nextTurn();
      }
    }
    if (cutoffs.sent) {
      const kept = new Set<string>();
      for (;;) {
        signal?.throwIfAborted();
        const batch = this.repo.expiredJobs(cutoffs.sent, BATCH + kept.size).filter((row) => !kept.has(row.id));
        if (batch.length === 0) break;
        for (const { id } of batch) {
          const removed = await this.removeJob(id, cutoffs, keepSentFor);
          if (removed < 0) kept.add(id);
          else { result.jobs++; result.documents += removed; }
        }
        await nextTurn();
      }
    }
    if (result.faxes + result.jobs > 0) this.deps.log.info('retention removed documents', { ...result });
    return result;
  }

  /** A received (or sent-elsewhere) fax: its downloaded document and the parts split off it that nothing else needs. */
  private async removeFax(faxId: string, cutoffs: Cutoffs, period: RetentionPeriod): Promise<number> {
    const path = documentPath(this.deps.inboxFolder, faxId);
    let files = Number(await secureDelete(path)) + Number(await secureDelete(`${path}.part`));
    const parts = this.repo.partsOf(faxId).filter((id) => !this.repo.stillNeeded(id, cutoffs));
    for (const id of parts) files += await this.deleteDocumentFile(id);
    const at = this.nowIso();
    transaction(this.deps.db, () => {
      for (const id of parts) this.repo.markDocument(id, at);
      this.repo.markFax(faxId, at);
      this.deps.audit.record('retention_removed', { type: 'fax', id: faxId }, { period, parts: parts.length || undefined });
    });
    this.deps.events.emit('inbox.changed', { faxIds: [faxId], more: false, reason: 'local' });
    return files;
  }

  /** A finished outbox fax: its documents go when no other fax or draft still needs them; until then the fax waits (-1). */
  private async removeJob(jobId: string, cutoffs: Cutoffs, period: RetentionPeriod): Promise<number> {
    const documents = this.repo.documentsOfJob(jobId);
    const needed = documents.filter((id) => this.repo.documentFile(id)?.removed_by_retention_at === null && this.repo.stillNeeded(id, cutoffs));
    if (needed.length > 0) return -1;
    const toRemove = documents.filter((id) => this.repo.documentFile(id)?.removed_by_retention_at === null);
    let files = 0;
    for (const id of toRemove) files += await this.deleteDocumentFile(id);
    const at = this.nowIso();
    transaction(this.deps.db, () => {
      for (const id of toRemove) this.repo.markDocument(id, at);
      this.repo.markJob(jobId, at);
      this.deps.audit.record('retention_removed', { type: 'job', id: jobId }, { period, documents: toRemove.length });
    });
    return files;
  }

  private async deleteDocumentFile(documentId: string): Promise<number> {
    const file = this.repo.documentFile(documentId);
    if (!file) return 0;
    return Number(await secureDelete(this.deps.documents.sentPath(documentId, file.sent_as)));
  }

  private nowIso(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}

/** The two settings retention follows, as one value to compare. */
export const retentionKey = (periods: { keepReceivedFor: RetentionPeriod; keepSentFor: RetentionPeriod }) => `${periods.keepReceivedFor}/${periods.keepSentFor}`;

/** Runs retention at start and then daily on the job runner; a changed setting runs it at once. */
export function scheduleRetention(runner: JobRunner, retention: Retention, onSettingsChange: (listener: () => void) => void): void {
  let changedWhileRunning = false;
  let running = false;
  runner.register(RETENTION_JOB, async (context) => {
    running = true;
    changedWhileRunning = false;
    try {
      await retention.run(context.signal);
    } finally {
      running = false;
    }
    return { runAgainAt: changedWhileRunning ? Date.now() : Date.now() + EVERY_MS };
  });
  runner.enqueue({ kind: RETENTION_JOB, queue: 'maintenance', key: RETENTION_JOB, payload: {} });
  runner.moveRunAt(RETENTION_JOB, Date.now());
  onSettingsChange(() => {
    if (running) changedWhileRunning = true;
    else runner.moveRunAt(RETENTION_JOB, Date.now());
  });
}
