import type { InboxSyncState } from '../../../common/domain/inbox';
import type { Accounts } from '../accounts/accounts';
import { statusAfter } from '../accounts/connectionCheck';
import type { ConnectionStatus } from '../accounts/connectionStatus';
import { describeError } from '../describeError';
import type { CoreEvents } from '../events';
import { retryAfterOf } from '../jobs/backoff';
import type { JobContext, JobResult, JobRunner } from '../jobs/jobRunner';
import type { JobStore } from '../jobs/jobStore';
import type { Logger } from '../log';
import type { FullFaxProvider } from '../providers/faxProvider';
import type { InboxRepo } from '../store/inboxRepo';
import { syncNewestFirst, syncWindow, type SyncResult, type SyncTuning } from './inboxSync';

export const SYNC_INBOX = 'inbox.sync';
export const SYNC_SENT = 'inbox.syncSent';
/** One queue per account: a slow or failing account never delays another. */
export const syncQueueOf = (accountId: string) => `inbox:${accountId}`;
const keyOf = (kind: string, accountId: string) => `${kind}:${accountId}`;

interface SyncPayload {
  accountId: string;
  /** Polls that failed in a row (for the backoff). */
  failures?: number;
}

export interface SyncLoopDeps {
  repo: InboxRepo;
  accounts: Accounts;
  status: ConnectionStatus;
  runner: JobRunner;
  jobs: JobStore;
  events: CoreEvents;
  log: Logger;
  tuning: SyncTuning;
  /** Between polls of one account (the setting, 10 s – 15 min). */
  intervalMs(): number;
  /** Between refreshes of faxes sent from elsewhere (a second request, so less often than the inbox). */
  sentEveryMs: number;
  /** Longest wait between tries of a failing account. */
  backoffMaxMs: number;
  /** Enqueues a fax's document download (inside the transaction that stored the fax). */
  documentDue(faxId: string, accountId: string): void;
  /** What a pass brought: events, notifications. */
  synced(accountId: string, result: SyncResult): void;
  random?: () => number;
}

/** ±15 % so accounts (and workstations) polling at the same interval drift apart. */
const jitter = (ms: number, random: () => number) => Math.round(ms * (0.85 + 0.3 * random()));

/**
 * The polling loops (DESIGN §10): per account, one `inbox.sync` job that runs, reschedules itself
 * (interval with jitter; after an error, exponential backoff with jitter and Retry-After as a
 * floor), and keeps a state the window shows ("Offline — retrying in 40 s", "Signed out — open
 * settings"). Errors never end a loop; removing the account does.
 */
export class SyncLoop {
  private readonly states = new Map<string, InboxSyncState>();
  private offline = false;
  private asleep = false;
  private readonly random: () => number;

  constructor(private readonly deps: SyncLoopDeps) {
    this.random = deps.random ?? Math.random;
    deps.runner.register<SyncPayload>(SYNC_INBOX, (context) => this.poll(context, 'inbound'));
    deps.runner.register<SyncPayload>(SYNC_SENT, (context) => this.poll(context, 'outbound'));
  }

  /** Every account has its loops (idempotent: the jobs' keys keep one each). */
  ensure(accountIds: readonly string[]): void {
    for (const accountId of accountIds) {
      for (const kind of [SYNC_INBOX, SYNC_SENT]) {
        this.deps.runner.enqueue({ kind, queue: syncQueueOf(accountId), key: keyOf(kind, accountId), payload: { accountId } satisfies SyncPayload, maxAttempts: 1_000_000 });
      }
      if (!this.states.has(accountId)) this.set({ accountId, state: 'idle', skipped: 0, initialSyncDone: this.deps.repo.watermark(accountId, 'inbound') !== undefined });
    }
  }

  /** Poll now rather than at the next timer (wake from sleep, network back, a test fax, a person). */
  syncNow(accountIds: readonly string[]): void {
    for (const accountId of accountIds) this.deps.jobs.runNow(keyOf(SYNC_INBOX, accountId));
    this.deps.runner.wake();
  }

  /** The computer went to sleep, woke, went offline or came back: the states say so; polls resume at once. */
  setPaused(reason: 'offline' | 'asleep', paused: boolean): void {
    if (reason === 'offline') this.offline = paused;
    else this.asleep = paused;
    for (const state of this.states.values()) {
      if (this.offline || this.asleep) this.set({ ...state, state: this.offline ? 'offline' : 'paused' });
      else if (state.state === 'offline' || state.state === 'paused') this.set({ ...state, state: state.lastSyncAt ? 'ok' : 'idle' });
    }
  }

  get paused(): boolean {
    return this.offline || this.asleep;
  }

  state(accountId: string): InboxSyncState | undefined {
    return this.states.get(accountId);
  }

  all(): InboxSyncState[] {
    return [...this.states.values()];
  }

  private set(state: InboxSyncState): void {
    const previous = this.states.get(state.accountId);
    this.states.set(state.accountId, state);
    if (JSON.stringify(previous) !== JSON.stringify(state)) this.deps.events.emit('inbox.sync', state);
  }

  private async poll(context: JobContext<SyncPayload>, stream: 'inbound' | 'outbound'): Promise<JobResult> {
    const { accountId } = context.payload;
    const { accounts, log } = this.deps;
    if (!accounts.exists(accountId)) {
      this.states.delete(accountId);
      return undefined;
    }
    const interval = stream === 'inbound' ? this.deps.intervalMs() : Math.max(this.deps.sentEveryMs, this.deps.intervalMs());
    const next = (ms: number) => ({ runAgainAt: Date.now() + ms, payload: { accountId } satisfies SyncPayload });
    const previous = this.states.get(accountId) ?? { accountId, state: 'idle' as const, skipped: 0, initialSyncDone: false };
    // A Demo account whose emulator has not started holds nothing new: polling it would start it for nothing.
    if (accounts.isIdleDemo(accountId)) {
      if (stream === 'inbound') this.set({ ...previous, state: 'idle', nextTryAt: new Date(Date.now() + interval).toISOString() });
      return next(jitter(interval, this.random));
    }
    let provider: FullFaxProvider;
    try {
      provider = await accounts.providerFor(accountId);
    } catch (error) {
      return this.failed(context, stream, error, interval);
    }
    // Only providers with a time filter list sent faxes apart; the others bring them with the inbox.
    if (stream === 'outbound' && !provider.listCreatedSince) return undefined;
    if (stream === 'inbound') this.set({ ...previous, state: 'syncing' });
    try {
      const ctx = {
        accountId, provider, repo: this.deps.repo, log, tuning: this.deps.tuning, signal: context.signal,
        documentDue: (faxId: string) => this.deps.documentDue(faxId, accountId),
      };
      const result = provider.listCreatedSince ? await syncWindow(ctx, stream) : await syncNewestFirst(ctx);
      this.deps.synced(accountId, result);
      this.deps.status.set(accountId, 'connected');
      const wait = jitter(interval, this.random);
      if (stream === 'inbound') {
        this.set({
          accountId, state: this.paused ? (this.offline ? 'offline' : 'paused') : 'ok', lastSyncAt: new Date().toISOString(),
          nextTryAt: new Date(Date.now() + wait).toISOString(), skipped: result.skipped, initialSyncDone: true,
        });
      }
      if (result.inserted.length + result.updated.length + result.skipped > 0) {
        log.info('inbox synced', { accountId, stream, new: result.inserted.length, changed: result.updated.length, skipped: result.skipped, requests: result.requests });
      }
      return next(wait);
    } catch (error) {
      return this.failed(context, stream, error, interval);
    }
  }

  /** Backs off with jitter (Retry-After is a floor); a refused sign-in waits long, until a person fixes it or the interval's cap. */
  private failed(context: JobContext<SyncPayload>, stream: 'inbound' | 'outbound', error: unknown, interval: number): JobResult {
    if (context.signal.aborted) throw error; // the runner is stopping: the next start polls again
    const { accountId } = context.payload;
    const failures = (context.payload.failures ?? 0) + 1;
    const info = describeError(error, { accountId });
    const status = statusAfter(error);
    const ceiling = status === 'signed_out' ? this.deps.backoffMaxMs : Math.min(this.deps.backoffMaxMs, interval * 2 ** (failures - 1));
    let wait = Math.round(ceiling / 2 + this.random() * (ceiling / 2));
    const asked = retryAfterOf(error);
    if (asked !== undefined) wait = Math.max(wait, asked + Math.round(this.random() * Math.min(1_000, asked * 0.1)));
    this.deps.log.warn('inbox sync failed', { accountId, stream, code: info.code, failures, retryInMs: wait });
    this.deps.status.set(accountId, status, info.message);
    if (stream === 'inbound') {
      const previous = this.states.get(accountId);
      this.set({
        accountId, state: this.offline ? 'offline' : status === 'signed_out' ? 'signed_out' : 'retrying', lastSyncAt: previous?.lastSyncAt, nextTryAt: new Date(Date.now() + wait).toISOString(),
        error: info, skipped: previous?.skipped ?? 0, initialSyncDone: previous?.initialSyncDone ?? false,
      });
    }
    return { runAgainAt: Date.now() + wait, payload: { accountId, failures } satisfies SyncPayload };
  }
}
