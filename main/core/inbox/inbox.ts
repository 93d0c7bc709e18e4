import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  InboxQuerySchema, type InboxCounts, type InboxFax, type InboxFaxArrived, type InboxList, type InboxQuery, type InboxSyncState,
} from '../../../common/domain/inbox';
import { AppError } from '../../../common/ipc/result';
import type { Accounts } from '../accounts/accounts';
import type { ConnectionStatus } from '../accounts/connectionStatus';
import type { DemoEnvironment } from '../accounts/demoPort';
import type { DocumentStore } from '../documents/documentStore';
import type { DocumentContent } from '../crypto/sealedFiles';
import type { CoreEvents } from '../events';
import type { JobRunner } from '../jobs/jobRunner';
import type { JobStore } from '../jobs/jobStore';
import type { Logger } from '../log';
import type { Database } from '../store/database';
import { InboxActionsRepo } from '../store/inboxActionsRepo';
import { countInbox, listInbox } from '../store/inboxQuery';
import { InboxRepo, type InboxRow } from '../store/inboxRepo';
import type { CoreTasks } from '../workers/coreTasks';
import type { TaskRunner } from '../workers/taskProtocol';
import { DOWNLOAD_DOCUMENT, documentPath, downloadHandler, downloadQueueOf, type DownloadPayload } from './documentDownload';
import { InboxActions } from './inboxActions';
import { InboxFiles } from './inboxFiles';
import { DEFAULT_TUNING, type SyncResult, type SyncTuning } from './inboxSync';
import { toInboxFax } from './inboxView';
import { ReviewedWriteBack } from './reviewedWriteBack';
import { SyncLoop } from './syncLoop';

export interface InboxDeps {
  db: Database;
  dataDir: string;
  accounts: Accounts;
  status: ConnectionStatus;
  runner: JobRunner;
  jobs: JobStore;
  tasks: TaskRunner<CoreTasks>;
  /** Where pages split off a fax are kept, as documents to file, forward or save. */
  documents: DocumentStore;
  events: CoreEvents;
  log: Logger;
  demo?: DemoEnvironment;
  /** The poll interval setting (ms). */
  intervalMs(): number;
  /** Demo accounts hidden by the person (their faxes are left out of the shared views). */
  hiddenAccounts(): string[];
}

export interface InboxOptions {
  tuning?: Partial<SyncTuning>;
  sentEveryMs?: number;
  backoffMaxMs?: number;
}

/** At most this many ids go in one `inbox.changed` (the window refetches its view anyway). */
const MAX_CHANGED_IDS = 500;

/**
 * The inbox (issue 10): polling sync per account on the job runner, documents downloaded once,
 * the local store with its search, and what the window asks of it.
 */
export class Inbox {
  readonly repo: InboxRepo;
  readonly loop: SyncLoop;
  readonly folder: string;
  /** The viewer's actions: page turns, notes and tags, delete, file to a patient. */
  readonly actions: InboxActions;
  /** The document as files: export (as received or turned), split. */
  readonly files: InboxFiles;
  private readonly actionsRepo: InboxActionsRepo;
  private readonly reviewedWriteBack: ReviewedWriteBack;

  constructor(private readonly deps: InboxDeps, options: InboxOptions = {}) {
    this.repo = new InboxRepo(deps.db);
    this.folder = join(deps.dataDir, 'inbox');
    mkdirSync(this.folder, { recursive: true });
    this.loop = new SyncLoop({
      repo: this.repo, accounts: deps.accounts, status: deps.status, runner: deps.runner, jobs: deps.jobs, events: deps.events, log: deps.log,
      tuning: { ...DEFAULT_TUNING, ...options.tuning }, intervalMs: deps.intervalMs, sentEveryMs: options.sentEveryMs ?? 5 * 60_000,
      backoffMaxMs: options.backoffMaxMs ?? 15 * 60_000,
      documentDue: (faxId, accountId) => this.enqueueDownload(faxId, accountId),
      synced: (accountId, result) => this.announce(accountId, result),
    });
    deps.runner.register<DownloadPayload>(DOWNLOAD_DOCUMENT, downloadHandler({
      repo: this.repo, accounts: deps.accounts, tasks: deps.tasks, folder: this.folder, vault: deps.documents.vault, log: deps.log,
      changed: (faxId) => this.changed([faxId], 'document'),
    }));
    this.actionsRepo = new InboxActionsRepo(deps.db);
    const local = (ids: readonly string[]) => this.changed(ids, 'local');
    this.actions = new InboxActions({
      repo: this.repo, actions: this.actionsRepo, accounts: deps.accounts, runner: deps.runner, log: deps.log, folder: this.folder, changed: local,
    });
    this.files = new InboxFiles({
      repo: this.repo, actions: this.actionsRepo, documents: deps.documents, tasks: deps.tasks, log: deps.log, folder: this.folder, changed: local,
    });
    this.reviewedWriteBack = new ReviewedWriteBack({ repo: this.repo, accounts: deps.accounts, runner: deps.runner, log: deps.log });
  }

  /** At start-up: every account polls, every document still due has its job. */
  async resume(): Promise<void> {
    this.loop.ensure((await this.deps.accounts.list()).map((account) => account.id));
    for (const row of this.repo.pendingDocuments()) this.enqueueDownload(row.id, row.account_id);
  }

  list(input: Partial<InboxQuery> = {}): InboxList {
    const query = InboxQuerySchema.parse(input);
    const { total, rows } = listInbox(this.deps.db, query, this.deps.hiddenAccounts());
    const ids = rows.map((row) => row.id);
    const parts = this.actionsRepo.partsOf(ids);
    const removed = this.repo.removedByRetention(ids);
    return { total, rows: rows.map((row) => this.view(row, parts.get(row.id), removed.get(row.id))) };
  }

  counts(): InboxCounts {
    return countInbox(this.deps.db, this.deps.hiddenAccounts());
  }

  get(id: string): InboxFax {
    const row = this.repo.get(id);
    if (!row) throw AppError.of('not_found', 'That fax is no longer in the inbox.');
    return this.view(row);
  }

  mark(ids: readonly string[], flag: 'read' | 'reviewed', value: boolean): InboxFax[] {
    const changed = this.repo.mark(ids, flag, value, new Date().toISOString());
    if (changed.length > 0) this.changed(changed, 'local');
    if (flag === 'reviewed') this.reviewedWriteBack.changed(changed);
    return ids.map((id) => this.repo.get(id)).filter((row) => row !== undefined).map((row) => this.view(row));
  }

  /** "Document unavailable — retry": downloads it again now. */
  retryDocument(id: string): InboxFax {
    const row = this.repo.get(id);
    if (!row) throw AppError.of('not_found', 'That fax is no longer in the inbox.');
    if (row.document_state === 'unavailable' && this.repo.resetDocument(id)) {
      this.enqueueDownload(id, row.account_id);
      this.changed([id], 'document');
    }
    return this.get(id);
  }

  syncStates(): InboxSyncState[] {
    return this.loop.all();
  }

  /** Poll now (all accounts, or one). */
  syncNow(accountId?: string): void {
    this.loop.syncNow(accountId ? [accountId] : this.loop.all().map((state) => state.accountId));
  }

  /** A Demo account receives one fax from its emulator, and the inbox polls at once to show it. */
  async receiveTestFax(accountId: string): Promise<void> {
    const account = await this.deps.accounts.get(accountId);
    if (!account.demo || !this.deps.demo?.receiveTestFax) {
      throw AppError.of('invalid_input', 'Only a Demo account can receive a test fax.', { nextStep: 'Send a fax to this account’s number from another machine instead.' });
    }
    await this.deps.demo.receiveTestFax(account.settings.provider);
    this.loop.ensure([accountId]);
    this.syncNow(accountId);
  }

  /** The downloaded document of a fax, for the document routes (dev bridge, app://). */
  async documentContent(id: string): Promise<DocumentContent | undefined> {
    const row = this.repo.get(id);
    if (!row || row.document_state !== 'ready') return undefined;
    return this.deps.documents.vault.content(documentPath(this.folder, id), row.document_type ?? 'application/pdf', (error) => this.files.damaged(id, error));
  }

  private view(row: InboxRow, parts = this.actionsRepo.partsOf([row.id]).get(row.id), removedAt = this.repo.removedByRetention([row.id]).get(row.id)): InboxFax {
    return toInboxFax(row, (accountId) => this.deps.accounts.isDemo(accountId), parts, removedAt);
  }

  private enqueueDownload(faxId: string, accountId: string): void {
    this.deps.runner.enqueue({
      kind: DOWNLOAD_DOCUMENT, queue: downloadQueueOf(accountId), key: `${DOWNLOAD_DOCUMENT}:${faxId}`,
      payload: { faxId } satisfies DownloadPayload, maxAttempts: 1_000,
    });
  }

  /** The address book changed: senders' names follow it (in the list and in search). */
  refreshContactNames(): void {
    const ids = this.repo.refreshContactNames();
    if (ids.length > 0) this.changed(ids, 'local');
  }

  private changed(ids: readonly string[], reason: 'synced' | 'document' | 'local'): void {
    this.deps.events.emit('inbox.changed', { faxIds: ids.slice(0, MAX_CHANGED_IDS), more: ids.length > MAX_CHANGED_IDS, reason });
  }

  /** After a pass: the window refreshes, and faxes that arrived since the last poll are announced (not a first sync's history). */
  private announce(accountId: string, result: SyncResult): void {
    const ids = [...result.inserted, ...result.updated];
    if (ids.length > 0) this.changed(ids, 'synced');
    const demo = this.deps.accounts.isDemo(accountId);
    // A first sync brings the account's history: not news. A Demo account's first faxes are the test faxes a person asked for.
    if (result.initial && !demo) return;
    for (const faxId of result.arrived) {
      const row = this.repo.get(faxId);
      if (!row) continue;
      const arrival: InboxFaxArrived = {
        faxId, accountId, demo, ...(row.pages !== null ? { pages: row.pages } : {}),
        ...(row.from_number ? { fromLast4: row.from_number.replace(/\D/g, '').slice(-4) } : {}),
      };
      this.deps.events.emit('inbox.faxArrived', arrival);
    }
  }
}
