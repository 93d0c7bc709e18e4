import { randomUUID } from 'node:crypto';
import type { FaxPart } from '../../../common/domain/document';
import type { OutboxJob } from '../../../common/domain/fax';
import { AppError } from '../../../common/ipc/result';
import { removedByRetentionWords } from '../../../common/domain/retention';
import type { Accounts } from '../accounts/accounts';
import { describeError } from '../describeError';
import type { DocumentStore } from '../documents/documentStore';
import { buildFaxContent } from '../documents/faxContent';
import type { Logger } from '../log';
import { transaction, type Database } from '../store/database';
import type { FaxJobRow } from '../store/faxJobsRepo';
import type { CoreTasks } from '../workers/coreTasks';
import type { TaskRunner } from '../workers/taskProtocol';
import { adoptRemote } from './adoptRemote';
import type { FaxRecords } from './faxRecords';

export interface FaxActionsDeps {
  db: Database;
  records: FaxRecords;
  documents: DocumentStore;
  accounts: Accounts;
  tasks: TaskRunner<CoreTasks>;
  log: Logger;
  /** Queues a fax's submission (in the caller's transaction). */
  submit(job: FaxJobRow): void;
  /** Follows a fax the provider holds. */
  follow(job: FaxJobRow): void;
}

export interface RetryChoice {
  /** A person checked with the recipient (needed where pages may have arrived). */
  confirm: boolean;
  /** Send only the pages that did not arrive, as a new fax. */
  onlyMissingPages: boolean;
}

const last4 = (to: string) => `…${to.slice(-4)}`;

const removedByRetention = (at: string) => AppError.of('conflict', `${removedByRetentionWords(at)}, so it cannot be sent again from here.`, {
  nextStep: 'Add the document again in a new fax.',
});

/**
 * What a person does with a fax that failed or may have failed: send it again (asking first where
 * pages may have arrived; only the missing pages; on the provider's side where it can retry
 * itself), say it arrived after all, or archive it.
 */
export class FaxActions {
  constructor(private readonly deps: FaxActionsDeps) {}

  async retry(id: string, choice: RetryChoice): Promise<OutboxJob> {
    const job = this.find(id);
    if (job.state !== 'failed' && job.state !== 'uncertain') throw AppError.of('conflict', 'Only a failed or uncertain fax can be sent again.');
    if (job.removedByRetentionAt) throw removedByRetention(job.removedByRetentionAt);
    const arrived = job.pagesSent ?? 0;
    const mayHaveArrived = job.state === 'uncertain' || arrived > 0;
    if (mayHaveArrived && !choice.confirm) {
      const message = job.state === 'uncertain'
        ? `The fax to ${last4(job.to)} may already have arrived.`
        : `${arrived} of ${job.pages} pages already reached ${last4(job.to)}.`;
      throw AppError.of('pages_may_have_arrived', message);
    }
    if (choice.onlyMissingPages) return this.sendMissingPages(job);
    if (job.state === 'failed' && job.error && !job.error.retryable && arrived === 0) {
      throw AppError.of('conflict', `Sending it again cannot help: ${job.error.message}`, { nextStep: job.error.nextStep });
    }
    const provider = await this.deps.accounts.providerFor(job.accountId);
    if (job.state === 'failed' && job.providerFaxId && provider.capabilities.has('retryOnServer') && provider.retry) {
      return this.retryOnServer(job, await provider.retry(job.providerFaxId).catch((error: unknown) => {
        throw new AppError(describeError(error, { accountId: job.accountId, target: 'the fax' }));
      }));
    }
    Object.assign(job, { state: 'queued', error: undefined, providerFaxId: undefined, pagesSent: undefined, completedAt: undefined, stuckSince: undefined });
    transaction(this.deps.db, () => {
      this.deps.records.save(job);
      this.deps.submit(job);
    });
    return this.deps.records.view(job);
  }

  /** "It arrived" (a person checked with the recipient) or archive; each fax is changed at most once. */
  resolve(ids: readonly string[], action: 'arrived' | 'archive'): OutboxJob[] {
    const jobs = ids.map((id) => this.find(id));
    const now = new Date().toISOString();
    for (const job of jobs) {
      if (action === 'arrived') {
        if (job.state !== 'failed' && job.state !== 'uncertain') throw AppError.of('conflict', `The fax to ${last4(job.to)} is not waiting for a decision.`);
      } else if (!['sent', 'failed', 'uncertain', 'cancelled'].includes(job.state)) {
        throw AppError.of('conflict', `The fax to ${last4(job.to)} is still on its way; it can be archived once it is done.`);
      }
    }
    transaction(this.deps.db, () => {
      for (const job of jobs) {
        if (action === 'arrived') Object.assign(job, { state: 'sent', resolution: 'confirmed_by_person', error: undefined, completedAt: job.completedAt ?? now });
        else job.archivedAt ??= now;
        this.deps.records.save(job);
      }
    });
    this.deps.log.info(action === 'arrived' ? 'faxes confirmed by a person' : 'faxes archived', { faxes: jobs.length });
    return jobs.map((job) => this.deps.records.view(job));
  }

  /** A new fax with the pages after those that arrived; the first one is archived as resent. */
  private async sendMissingPages(job: FaxJobRow): Promise<OutboxJob> {
    const arrived = job.pagesSent ?? 0;
    if (arrived === 0 || arrived >= job.pages) throw AppError.of('conflict', 'There are no missing pages to send: send the whole fax again instead.');
    const parts: FaxPart[] = [];
    let skip = arrived;
    for (const id of job.documentIds) {
      const doc = this.deps.documents.get(id);
      if (doc.pages === null) throw AppError.of('conflict', 'Part of this fax is a Word file the fax service converted; its pages cannot be picked. Send the whole fax again.');
      for (let page = 0; page < doc.pages; page++) {
        if (skip > 0) skip--;
        else parts.push({ type: 'page', documentId: id, page, rotation: 0 });
      }
    }
    const content = await buildFaxContent(this.deps.documents, job.documentIds, parts, (await this.deps.accounts.get(job.accountId)).limits);
    const now = new Date().toISOString();
    const rest: FaxJobRow = {
      id: randomUUID(), batchId: job.batchId, accountId: job.accountId, to: job.to, documentIds: content.documentIds,
      options: job.options, pages: content.pages, state: 'queued', attempts: 0, createdAt: now, updatedAt: now,
      resentFrom: job.id, firstPage: (job.firstPage ?? 1) + arrived, contentKey: content.contentKey,
    };
    Object.assign(job, { resolution: 'resent', archivedAt: now });
    transaction(this.deps.db, () => {
      this.deps.records.insert(rest);
      this.deps.submit(rest);
      this.deps.records.save(job);
    });
    this.deps.log.info('missing pages sent again', { jobId: job.id, newJobId: rest.id, pages: rest.pages });
    return this.deps.records.view(rest);
  }

  /** The provider sends its own fax again (Welkin): the same fax, followed again. */
  private retryOnServer(job: FaxJobRow, remote: Parameters<typeof adoptRemote>[1]): OutboxJob {
    job.attempts += 1;
    job.submittedAt = new Date().toISOString();
    Object.assign(job, { completedAt: undefined, stuckSince: undefined });
    adoptRemote(job, remote, this.deps.log);
    if (job.state === 'failed' && remote.status !== 'failed') job.state = 'submitted';
    this.deps.records.save(job);
    this.deps.follow(job);
    this.deps.log.info('fax retried by the provider', { jobId: job.id });
    return this.deps.records.view(job);
  }

  private find(id: string): FaxJobRow {
    const job = this.deps.records.get(id);
    if (!job) throw AppError.of('not_found', 'That fax is no longer in the outbox.');
    return job;
  }
}
