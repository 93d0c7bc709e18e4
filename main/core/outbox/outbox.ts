import { randomUUID } from 'node:crypto';
import { PROVIDER_NAMES } from '../../../common/domain/account';
import { SendRequestSchema, type OutboxJob, type SendRequest } from '../../../common/domain/fax';
import { AppError } from '../../../common/ipc/result';
import type { Accounts } from '../accounts/accounts';
import type { ConnectionStatus } from '../accounts/connectionStatus';
import { checkAccountLimits } from '../documents/accountLimits';
import type { DocumentStore } from '../documents/documentStore';
import { buildFaxContent } from '../documents/faxContent';
import type { JobRunner } from '../jobs/jobRunner';
import type { Logger } from '../log';
import { transaction, type Database } from '../store/database';
import type { FaxJobRow, FaxJobsRepo } from '../store/faxJobsRepo';
import type { CoreTasks } from '../workers/coreTasks';
import type { TaskRunner } from '../workers/taskProtocol';
import type { FaxRecords } from './faxRecords';
import { followDelay, followFaxHandler } from './followFax';
import { submitFaxHandler, type FaxJobPayload } from './submitFax';

export const SUBMIT_FAX = 'fax.submit';
export const FOLLOW_FAX = 'fax.follow';

/** Each account has its own queues, so a slow or failing account never holds up another. */
export const sendQueueOf = (accountId: string) => `send:${accountId}`;
export const followQueueOf = (accountId: string) => `follow:${accountId}`;

export interface OutboxDeps {
  db: Database;
  repo: FaxJobsRepo;
  records: FaxRecords;
  documents: DocumentStore;
  accounts: Accounts;
  status: ConnectionStatus;
  runner: JobRunner;
  /** Composes a fax's pages into PDFs (the worker pool). */
  tasks: TaskRunner<CoreTasks>;
  log: Logger;
}

export interface OutboxOptions {
  /** Base interval between status polls of a fax on its way. */
  followIntervalMs: number;
}

const IN_FLIGHT = ['queued', 'submitting', 'submitted', 'sending'] as const;

/**
 * The durable send queue, on the job runner. A send writes the faxes and their `fax.submit` jobs in
 * one transaction before any network call; a fax the provider holds is followed by a `fax.follow`
 * job until it is sent or failed. Nothing that may have reached a provider is re-sent without a person.
 */
export class Outbox {
  constructor(private readonly deps: OutboxDeps, private readonly options: OutboxOptions) {
    const follow = (job: FaxJobRow) => this.follow(job);
    deps.runner.register(SUBMIT_FAX, submitFaxHandler({ ...deps, follow }));
    deps.runner.register(FOLLOW_FAX, followFaxHandler({ ...deps, intervalMs: options.followIntervalMs }));
  }

  /**
   * Makes sure every fax still on its way has its job (after an upgrade from a version without
   * the job runner, or a job that gave up); idempotent thanks to the jobs' keys.
   */
  resume(): void {
    for (const job of this.deps.repo.inStates(['queued', 'submitting'])) this.submit(job);
    for (const job of this.deps.repo.inStates(['submitted', 'sending'])) this.follow(job, Date.now());
  }

  list(): OutboxJob[] {
    return this.deps.records.list();
  }

  /** Persists one fax per recipient together with its job; the runner takes it from there. */
  async send(input: SendRequest): Promise<OutboxJob[]> {
    const { accounts, documents, db, repo, log, records } = this.deps;
    const request = SendRequestSchema.parse(input);
    if (!accounts.exists(request.accountId)) throw AppError.of('not_found', 'The account to send from no longer exists.');
    const account = await accounts.get(request.accountId);
    const content = await buildFaxContent(documents, this.deps.tasks, request.documentIds, request.parts);
    checkAccountLimits(content.documentIds.map((id) => documents.toOutgoing(id)), account.limits, PROVIDER_NAMES[account.settings.provider]);
    const pages = content.pages;
    const now = new Date().toISOString();
    const batchId = randomUUID();
    const rows: FaxJobRow[] = [...new Set(request.to)].map((to) => ({
      id: randomUUID(), batchId, accountId: request.accountId, to, documentIds: content.documentIds,
      options: request.options, pages, state: 'queued', attempts: 0, createdAt: now, updatedAt: now,
    }));
    transaction(db, () => rows.forEach((row) => {
      repo.insert(row);
      this.submit(row);
    }));
    log.info('fax queued', { batchId, jobs: rows.length, pages });
    for (const row of rows) records.announce(row);
    return rows.map((row) => records.view(row));
  }

  /** Explicit retry by a person. An uncertain fax needs confirmation that they checked first. */
  async retry(id: string, confirmUncertain: boolean): Promise<OutboxJob> {
    const job = this.deps.records.get(id);
    if (!job) throw AppError.of('not_found', 'That fax is no longer in the outbox.');
    if (job.state === 'uncertain' && !confirmUncertain) {
      throw AppError.of('conflict', 'This fax may already have been sent.', { nextStep: 'Check with the recipient, then confirm to send it again.' });
    }
    if (job.state !== 'failed' && job.state !== 'uncertain') {
      throw AppError.of('conflict', 'Only a failed fax can be retried.');
    }
    Object.assign(job, { state: 'queued', error: undefined, providerFaxId: undefined, pagesSent: undefined, completedAt: undefined });
    transaction(this.deps.db, () => {
      this.deps.records.save(job);
      this.submit(job);
    });
    return this.deps.records.view(job);
  }

  inFlightCount(accountId: string): number {
    return this.deps.repo.countForAccount(accountId, IN_FLIGHT);
  }

  private submit(job: FaxJobRow): void {
    this.deps.runner.enqueue({
      kind: SUBMIT_FAX, queue: sendQueueOf(job.accountId), key: `${SUBMIT_FAX}:${job.id}`,
      payload: { faxId: job.id } satisfies FaxJobPayload, maxAttempts: 1_000,
    });
  }

  private follow(job: FaxJobRow, at = Date.now() + followDelay(job, this.options.followIntervalMs)): void {
    this.deps.runner.enqueue({
      kind: FOLLOW_FAX, queue: followQueueOf(job.accountId), key: `${FOLLOW_FAX}:${job.id}`,
      payload: { faxId: job.id } satisfies FaxJobPayload, runAt: at, maxAttempts: 1_000_000,
    });
  }
}
