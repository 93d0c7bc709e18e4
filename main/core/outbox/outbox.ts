import { randomUUID } from 'node:crypto';
import { SendRequestSchema, type OutboxJob, type SendRequest } from '../../../common/domain/fax';
import { errorInfo } from '../../../common/errors';
import { AppError } from '../../../common/ipc/result';
import type { AccountRegistry } from '../accounts/accountRegistry';
import type { DocumentStore } from '../documents/documentStore';
import { toInfo } from '../documents/documentStore';
import { describeError } from '../describeError';
import type { CoreEvents } from '../events';
import type { Logger } from '../log';
import type { RemoteFax } from '../providers/faxProvider';
import { ProviderError } from '../providers/providerError';
import { transaction, type Database } from '../store/database';
import type { JobRow, JobsRepo } from '../store/jobsRepo';
import { toOutboxJob } from './jobView';

export interface OutboxOptions {
  pollIntervalMs: number;
  /** Jobs submitted at once; the rest wait in `queued`. */
  concurrency: number;
}

/**
 * The durable send queue. A job is written to SQLite before any network call; each attempt carries
 * a reference (`<jobId>.<attempt>`) stored with the fax at the provider, so after a timeout or a
 * crash the outbox asks the provider before anything is re-sent. Nothing is retried automatically.
 */
export class Outbox {
  private readonly active = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private stopped = false;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    private readonly jobs: JobsRepo,
    private readonly documents: DocumentStore,
    private readonly accounts: AccountRegistry,
    private readonly events: CoreEvents,
    private readonly log: Logger,
    private readonly options: OutboxOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.tick(), this.options.pollIntervalMs);
    this.timer.unref?.();
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.pending]);
  }

  list(): OutboxJob[] {
    return this.jobs.list().map((job) => this.view(job));
  }

  /** Persists one job per recipient, then starts submitting them. Returns the queued jobs. */
  async send(input: SendRequest): Promise<OutboxJob[]> {
    const request = SendRequestSchema.parse(input);
    if (!this.accounts.exists(request.accountId)) throw AppError.of('not_found', 'The account to send from no longer exists.');
    const docs = request.documentIds.map((id) => this.documents.get(id));
    const pages = docs.reduce((sum, doc) => sum + doc.pages, 0);
    const recipients = [...new Set(request.to)];
    const now = new Date().toISOString();
    const batchId = randomUUID();
    const rows: JobRow[] = recipients.map((to) => ({
      id: randomUUID(), batchId, accountId: request.accountId, to, documentIds: request.documentIds,
      options: request.options, pages, state: 'queued', attempts: 0, createdAt: now, updatedAt: now,
    }));
    transaction(this.db, () => rows.forEach((row) => this.jobs.insert(row)));
    this.log.info('fax queued', { batchId, jobs: rows.length, pages });
    for (const row of rows) this.changed(row);
    void this.tick();
    return rows.map((row) => this.view(row));
  }

  /** Explicit retry by a person. An uncertain job needs confirmation that they checked first. */
  async retry(id: string, confirmUncertain: boolean): Promise<OutboxJob> {
    const job = this.jobs.get(id);
    if (!job) throw AppError.of('not_found', 'That fax is no longer in the outbox.');
    if (job.state === 'uncertain' && !confirmUncertain) {
      throw AppError.of('conflict', 'This fax may already have been sent.', { nextStep: 'Check with the recipient, then confirm to send it again.' });
    }
    if (job.state !== 'failed' && job.state !== 'uncertain') {
      throw AppError.of('conflict', 'Only a failed fax can be retried.');
    }
    job.state = 'queued';
    job.error = undefined;
    job.providerFaxId = undefined;
    job.pagesSent = undefined;
    job.completedAt = undefined;
    this.save(job);
    void this.tick();
    return this.view(job);
  }

  inFlightCount(accountId: string): number {
    return this.jobs.countForAccount(accountId, ['queued', 'submitting', 'submitted', 'sending']);
  }

  /** One pass: submit queued jobs, reconcile interrupted submissions, poll jobs at the provider. */
  async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      for (const job of this.jobs.inStates(['submitting'])) {
        if (!this.active.has(job.id)) await this.reconcileInterrupted(job);
      }
      const queued = this.jobs.inStates(['queued']).filter((job) => !this.active.has(job.id));
      const slots = Math.max(0, this.options.concurrency - this.active.size);
      for (const job of queued.slice(0, slots)) this.track(this.submit(job));
      for (const job of this.jobs.inStates(['submitted', 'sending'])) {
        if (!this.active.has(job.id)) await this.poll(job);
      }
    } catch (error) {
      this.log.error('outbox tick failed', { error });
    } finally {
      this.ticking = false;
    }
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private async submit(job: JobRow): Promise<void> {
    this.active.add(job.id);
    try {
      job.attempts += 1;
      job.state = 'submitting';
      job.submittedAt = new Date().toISOString();
      this.save(job); // persisted before the network call: a crash from here on is reconciled, not re-sent
      const provider = await this.accounts.providerFor(job.accountId);
      const reference = referenceOf(job);
      try {
        const [remote] = await provider.send({
          to: [job.to],
          documents: job.documentIds.map((id) => this.documents.toOutgoing(id)),
          headerText: job.options.headerText,
          resolution: job.options.resolution,
          labels: { faxdeskRef: reference },
          clientReference: reference,
        });
        if (!remote) throw new ProviderError({ code: 'provider_unavailable', message: 'The provider returned no fax.', maybeAccepted: true });
        this.adopt(job, remote);
        await this.accounts.setStatus(job.accountId, 'connected');
      } catch (error) {
        await this.afterSendError(job, error);
      }
    } catch (error) {
      job.state = 'failed';
      job.error = describeError(error, { accountId: job.accountId, target: 'the fax' });
      this.save(job);
    } finally {
      this.active.delete(job.id);
    }
  }

  private async afterSendError(job: JobRow, error: unknown): Promise<void> {
    const providerError = error instanceof ProviderError ? error : undefined;
    this.log.warn('send failed', { jobId: job.id, code: providerError?.code ?? 'internal', status: providerError?.status, maybeAccepted: providerError?.maybeAccepted });
    if (providerError?.code === 'unauthorized') await this.accounts.setStatus(job.accountId, 'signed_out', describeError(providerError).message);
    const definite = providerError?.definitelyRefused === true;
    if (!definite) {
      // The provider may hold the fax after all (a 5xx after acceptance, a timeout): ask it first.
      const found = await this.findAtProvider(job);
      if (found) return this.adopt(job, found);
      // An error status with no fax at the provider is a clear "not sent". No answer at all (timeout,
      // reset) or a 2xx we could not read may still turn into a fax: a person has to check.
      const answeredWithError = providerError?.status !== undefined && providerError.status >= 400;
      if (found === undefined || (providerError?.maybeAccepted && !answeredWithError)) {
        job.state = 'uncertain';
        job.error = errorInfo('uncertain', { target: 'the fax' });
        return this.save(job);
      }
    }
    job.state = 'failed';
    job.error = describeError(error, { accountId: job.accountId, target: 'the fax' });
    this.save(job);
  }

  /** The fax sent for this attempt, null when the provider shows none, undefined when it cannot tell. */
  private async findAtProvider(job: JobRow): Promise<RemoteFax | null | undefined> {
    try {
      const provider = await this.accounts.providerFor(job.accountId);
      const since = new Date(Date.parse(job.submittedAt ?? job.createdAt) - 60_000).toISOString();
      const matches = await provider.findByReference(referenceOf(job), since);
      return matches.find((fax) => fax.to === job.to) ?? matches[0] ?? null;
    } catch (error) {
      this.log.warn('reconciliation failed', { jobId: job.id, error });
      return undefined;
    }
  }

  /** A submission cut short by a crash or quit: adopt the provider's fax or mark it not sent. */
  private async reconcileInterrupted(job: JobRow): Promise<void> {
    const found = await this.findAtProvider(job);
    if (found === undefined) return; // provider unreachable: try again next tick, never re-send
    if (found) return this.adopt(job, found);
    job.state = 'failed';
    job.error = errorInfo('interrupted', { target: 'the fax' });
    this.save(job);
  }

  private async poll(job: JobRow): Promise<void> {
    if (!job.providerFaxId) return;
    try {
      const provider = await this.accounts.providerFor(job.accountId);
      this.adopt(job, await provider.getFax(job.providerFaxId));
      await this.accounts.setStatus(job.accountId, 'connected');
    } catch (error) {
      const code = error instanceof ProviderError ? error.code : 'internal';
      this.log.warn('status poll failed', { jobId: job.id, code });
      await this.accounts.setStatus(job.accountId, code === 'unauthorized' ? 'signed_out' : 'retrying', describeError(error).message);
    }
  }

  private adopt(job: JobRow, remote: RemoteFax): void {
    const before = JSON.stringify([job.state, job.providerFaxId, job.pagesSent, job.error]);
    // A provider clock running ahead of ours must not put a finish time in our future.
    const remoteMs = remote.completedAt ? Date.parse(remote.completedAt) : NaN;
    const finishedAt = new Date(Number.isNaN(remoteMs) ? Date.now() : Math.min(remoteMs, Date.now())).toISOString();
    job.providerFaxId = remote.id;
    if (remote.pagesSent !== undefined) job.pagesSent = remote.pagesSent;
    job.error = undefined;
    if (remote.status === 'sent') {
      job.state = 'sent';
      job.completedAt = finishedAt;
    } else if (remote.status === 'failed') {
      job.state = 'failed';
      job.completedAt = finishedAt;
      job.error = describeError(remote, { accountId: job.accountId, pages: job.pages });
      // The provider's own words go to the log only, never to the screen.
      this.log.info('fax failed at the provider', { jobId: job.id, code: job.error.code, providerReason: remote.failure?.providerReason });
    } else {
      job.state = remote.status === 'sending' ? 'sending' : 'submitted';
    }
    if (JSON.stringify([job.state, job.providerFaxId, job.pagesSent, job.error]) !== before) this.save(job);
  }

  private save(job: JobRow): void {
    job.updatedAt = new Date().toISOString();
    this.jobs.save(job);
    this.changed(job);
  }

  private changed(job: JobRow): void {
    this.events.emit('outbox.jobChanged', this.view(job));
  }

  private view(job: JobRow): OutboxJob {
    return toOutboxJob(job, (id) => {
      try {
        return toInfo(this.documents.get(id));
      } catch {
        return undefined;
      }
    });
  }
}

const referenceOf = (job: JobRow) => `${job.id}.${job.attempts}`;
