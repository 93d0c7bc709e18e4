import { cleanTags } from '../../../common/domain/tags';
import { randomUUID } from 'node:crypto';
import { PROVIDER_NAMES, type Account } from '../../../common/domain/account';
import { SendRequestSchema, type OutboxJob, type SendRequest } from '../../../common/domain/fax';
import { AppError } from '../../../common/ipc/result';
import type { Accounts } from '../accounts/accounts';
import type { ConnectionStatus } from '../accounts/connectionStatus';
import { checkAccountLimits } from '../documents/accountLimits';
import type { DocumentStore } from '../documents/documentStore';
import { buildFaxContent, type FaxContent } from '../documents/faxContent';
import { pagesLabel, type CoverPages } from '../cover/coverPages';
import type { FaxPrices } from './faxPrices';
import type { JobRunner } from '../jobs/jobRunner';
import type { Logger } from '../log';
import { transaction, type Database } from '../store/database';
import type { FaxJobRow, FaxJobsRepo, FaxQuery } from '../store/faxJobsRepo';
import type { CoreTasks } from '../workers/coreTasks';
import type { TaskRunner } from '../workers/taskProtocol';
import type { AppSettingsStore } from '../settings/appSettings';
import type { FaxRecords } from './faxRecords';
import { FaxActions, type RetryChoice } from './faxActions';
import { followDelay, followFaxHandler } from './followFax';
import { submitFaxHandler, type FaxJobPayload } from './submitFax';
import { transmissionReport } from './transmissionReport';

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
  /** Draws cover pages, one per recipient (absent: a send with a cover is refused). */
  covers?: Pick<CoverPages, 'forRecipients'>;
  /** What providers charged: learnt as faxes finish, for compose's estimate. */
  prices?: FaxPrices;
  /** The drafts a send finishes (absent: a send names no draft). */
  drafts?: { finishForSend(id: string, accountId: string): { remoteDraftId?: string } };
  /** Remembers the real account a fax was last sent from. */
  settings: Pick<AppSettingsStore, 'rememberAccount'>;
  log: Logger;
}

export interface OutboxOptions {
  /** Base interval between status polls of a fax on its way. */
  followIntervalMs: number;
}

const IN_FLIGHT = ['queued', 'submitting', 'submitted', 'sending'] as const;
/** A time set a little in the past (the minute just turned) sends now; further back is a mistake. */
const PAST_GRACE_MS = 2 * 60_000;
/** Send later: at most a year ahead. */
const MAX_AHEAD_MS = 366 * 24 * 60 * 60_000;

/**
 * The durable send queue, on the job runner. A send writes the faxes and their `fax.submit` jobs in
 * one transaction before any network call; a fax the provider holds is followed by a `fax.follow`
 * job until it is sent or failed. Nothing that may have reached a provider is re-sent without a person.
 */
export class Outbox {
  private readonly actions: FaxActions;

  constructor(private readonly deps: OutboxDeps, private readonly options: OutboxOptions) {
    const follow = (job: FaxJobRow) => this.follow(job);
    this.actions = new FaxActions({ ...deps, submit: (job) => this.submit(job), follow });
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

  list(query?: FaxQuery): OutboxJob[] {
    return this.deps.records.list(query);
  }

  /** Persists one fax per recipient together with its job; the runner takes it from there. */
  async send(input: SendRequest): Promise<OutboxJob[]> {
    const { accounts, documents, db, repo, log, records } = this.deps;
    const request = SendRequestSchema.parse(input);
    const { remoteDraftId: _ignored, startedLateAt: _alsoIgnored, ...options } = request.options; // the core's to set
    request.options = { ...options, ...(options.sendAt ? { sendAt: checkSendAt(options.sendAt) } : {}) };
    if (!accounts.exists(request.accountId)) throw AppError.of('not_found', 'The account to send from no longer exists.');
    const account = await accounts.get(request.accountId);
    // A cover page drawn by Faxdesk is one more file.
    const maxFiles = account.limits.maxFiles === undefined ? undefined : account.limits.maxFiles - (request.options.cover ? 1 : 0);
    const content = await buildFaxContent(documents, request.documentIds, request.parts, { maxFiles });
    checkAccountLimits(content.documentIds.map((id) => documents.toOutgoing(id)), account.limits, PROVIDER_NAMES[account.settings.provider]);
    if (!request.confirmDuplicate) this.refuseDuplicates(request.to, content.contentKey);
    const covers = await this.coversFor(request, content, account);
    const pages = content.pages + (covers || request.options.serverCover ? 1 : 0);
    const now = new Date().toISOString();
    const batchId = randomUUID();
    const rows: FaxJobRow[] = [...new Set(request.to)].map((to): FaxJobRow => ({
      id: randomUUID(), batchId, accountId: request.accountId, to, documentIds: covers ? [covers.get(to)!, ...content.documentIds] : content.documentIds,
      options: request.options, pages, state: 'queued', attempts: 0, createdAt: now, updatedAt: now, contentKey: content.contentKey,
    }));
    transaction(db, () => {
      const finished = request.draftId ? this.deps.drafts?.finishForSend(request.draftId, request.accountId) : undefined;
      if (finished?.remoteDraftId) rows[0]!.options = { ...rows[0]!.options, remoteDraftId: finished.remoteDraftId };
      rows.forEach((row) => {
        repo.insert(row);
        this.submit(row);
      });
    });
    log.info('fax queued', { batchId, jobs: rows.length, pages });
    if (!account.demo) this.deps.settings.rememberAccount(account.id);
    for (const row of rows) records.announce(row);
    return rows.map((row) => records.view(row));
  }

  /**
   * The cover drawn for each recipient (first in its fax), or none. A cover the provider adds
   * needs an account whose service has cover pages; the two kinds never go together.
   */
  private async coversFor(request: SendRequest, content: FaxContent, account: Account): Promise<Map<string, string> | undefined> {
    const { cover, serverCover } = request.options;
    if (cover && serverCover) throw AppError.of('invalid_input', 'Choose one cover page: drawn by Faxdesk or added by the fax service.');
    if (serverCover && !account.capabilities.includes('serverCoverPages')) {
      throw AppError.of('invalid_input', `${account.name} cannot add a cover page on the fax service's side.`, { nextStep: 'Choose a Faxdesk cover template instead.' });
    }
    if (!cover) return undefined;
    if (!this.deps.covers) throw AppError.of('internal', 'Cover pages are not available.');
    const { documents } = this.deps;
    const unknown = content.documentIds.filter((id) => documents.get(id).sentAs === 'original').length;
    const covers = await this.deps.covers.forRecipients(cover, [...new Set(request.to)], pagesLabel(content.pages, unknown));
    const first = covers.values().next().value;
    if (first) checkAccountLimits([first, ...content.documentIds].map((id) => documents.toOutgoing(id)), account.limits, PROVIDER_NAMES[account.settings.provider]);
    return covers;
  }

  /** Send later: a new time for a fax that has not started (null: send it now). */
  reschedule(id: string, sendAt: string | null): OutboxJob {
    const job = this.scheduled(id);
    const at = sendAt === null ? Date.now() : Date.parse(checkSendAt(sendAt));
    if (!this.deps.runner.moveRunAt(`${SUBMIT_FAX}:${job.id}`, at)) throw startedAlready();
    const { sendAt: _old, ...rest } = job.options;
    job.options = sendAt === null ? rest : { ...rest, sendAt: new Date(at).toISOString() };
    this.deps.records.save(job);
    return this.deps.records.view(job);
  }

  /** Cancels a scheduled fax that has not started: it never goes out. */
  cancelScheduled(id: string): OutboxJob {
    const job = this.scheduled(id);
    if (!this.deps.runner.cancelPending(`${SUBMIT_FAX}:${job.id}`)) throw startedAlready();
    job.state = 'cancelled';
    job.completedAt = new Date().toISOString();
    this.deps.records.save(job);
    return this.deps.records.view(job);
  }

  private scheduled(id: string): FaxJobRow {
    const job = this.deps.records.get(id);
    if (!job) throw AppError.of('not_found', 'That fax is no longer in the Outbox.');
    if (!job.options.sendAt) throw AppError.of('invalid_input', 'Only a fax set to send later can be changed or cancelled.');
    if (job.state !== 'queued') throw startedAlready();
    return job;
  }

  /** A person sends a failed or uncertain fax again (see FaxActions). */
  retry(id: string, choice: RetryChoice): Promise<OutboxJob> {
    return this.actions.retry(id, choice);
  }

  /** A note and tags on a sent (or sending) fax, as on a received one. */
  annotate(id: string, change: { notes?: string; tags?: string[] }): OutboxJob {
    if (!this.deps.records.get(id)) throw AppError.of('not_found', 'That fax is no longer in the Outbox.');
    this.deps.repo.annotate(id, {
      ...(change.notes !== undefined ? { notes: change.notes.trim() } : {}),
      ...(change.tags !== undefined ? { tags: cleanTags(change.tags) } : {}),
    }, new Date().toISOString());
    const saved = this.deps.records.get(id)!;
    this.deps.records.announce(saved);
    return this.deps.records.view(saved);
  }

  /** Legal hold: the fax's documents are kept whatever the retention setting says, until released. */
  setLegalHold(id: string, hold: boolean): OutboxJob {
    const job = this.deps.records.get(id);
    if (!job) throw AppError.of('not_found', 'That fax is no longer in the Outbox.');
    if (hold && job.removedByRetentionAt) {
      throw AppError.of('conflict', 'This fax’s documents were already removed by retention, so there is nothing left to hold.');
    }
    this.deps.repo.setLegalHold(id, hold, new Date().toISOString());
    const saved = this.deps.records.get(id)!;
    this.deps.records.announce(saved);
    return this.deps.records.view(saved);
  }

  /** The transmission report (proof of delivery) of a finished fax. */
  report(id: string): Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }> {
    return transmissionReport(this.deps, id);
  }

  /** A person's way out: "It arrived", or archive. */
  resolve(ids: readonly string[], action: 'arrived' | 'archive'): OutboxJob[] {
    return this.actions.resolve(ids, action);
  }

  /** The same pages to the same number within a day are asked about first ("You sent this to …0142 at 9:14"). */
  private refuseDuplicates(to: readonly string[], contentKey: string): void {
    const since = new Date(Date.now() - 24 * 60 * 60_000).toISOString();
    for (const number of new Set(to)) {
      const earlier = this.deps.repo.lastSameContent(number, contentKey, since);
      if (!earlier) continue;
      const at = new Date(earlier.createdAt);
      const when = at.toDateString() === new Date().toDateString() ? 'today' : 'yesterday';
      const time = at.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
      throw AppError.of('possible_duplicate', `You sent these pages to …${number.slice(-4)} at ${time} ${when}.`);
    }
  }

  inFlightCount(accountId: string): number {
    return this.deps.repo.countForAccount(accountId, IN_FLIGHT);
  }

  private submit(job: FaxJobRow): void {
    this.deps.runner.enqueue({
      kind: SUBMIT_FAX, queue: sendQueueOf(job.accountId), key: `${SUBMIT_FAX}:${job.id}`,
      payload: { faxId: job.id } satisfies FaxJobPayload, maxAttempts: 1_000,
      ...(job.options.sendAt ? { runAt: Date.parse(job.options.sendAt) } : {}),
    });
  }

  private follow(job: FaxJobRow, at = Date.now() + followDelay(job, this.options.followIntervalMs)): void {
    this.deps.runner.enqueue({
      kind: FOLLOW_FAX, queue: followQueueOf(job.accountId), key: `${FOLLOW_FAX}:${job.id}`,
      payload: { faxId: job.id } satisfies FaxJobPayload, runAt: at, maxAttempts: 1_000_000,
    });
  }
}

const startedAlready = () => AppError.of('conflict', 'This fax has already started sending: its time can no longer be changed.', { nextStep: 'Follow it in the Outbox.' });

/** A time to send later: not well in the past, not more than a year ahead. Answers it as an instant. */
function checkSendAt(sendAt: string): string {
  const at = Date.parse(sendAt);
  if (Number.isNaN(at)) throw AppError.of('invalid_input', 'The time to send is not a date and time.');
  if (at < Date.now() - PAST_GRACE_MS) throw AppError.of('invalid_input', 'The time to send has already passed.', { nextStep: 'Choose a later time, or send now.' });
  if (at > Date.now() + MAX_AHEAD_MS) throw AppError.of('invalid_input', 'The time to send is more than a year ahead.', { nextStep: 'Choose a time within the next year.' });
  return new Date(at).toISOString();
}
