import type { ConnectionTest } from '../../../common/ipc/contract';
import { AppError } from '../../../common/ipc/result';
import { describeError } from '../describeError';
import { ProviderError } from '../providers/providerError';
import type { JobRunner } from '../jobs/jobRunner';
import type { Accounts } from './accounts';
import type { AccountStatus, ConnectionStatus } from './connectionStatus';

export const CHECK_ACCOUNT = 'accounts.check';
/** Waits between automatic checks of an account that keeps failing: soon at first, then less often. */
const RECHECK_MS = [60_000, 2 * 60_000, 5 * 60_000, 10 * 60_000, 15 * 60_000];

/**
 * Tests accounts' connections and records what it learns. Start-up and wake-from-sleep check
 * every account so the sidebar shows real states; "Test connection" checks one. An account that
 * is retrying (the service unreachable, failing) is checked again by itself on the job runner, and
 * says when; an account whose sign-in was refused waits for a person.
 */
export class ConnectionCheck {
  private readonly failures = new Map<string, number>();

  constructor(private readonly accounts: Accounts, private readonly status: ConnectionStatus, private readonly runner: JobRunner, private readonly recheckScale = 1) {
    runner.register<{ accountId: string }>(CHECK_ACCOUNT, async ({ payload }) => {
      if (!this.accounts.exists(payload.accountId)) return;
      const result = await this.test(payload.accountId);
      if (result.ok || this.status.get(payload.accountId)?.status !== 'retrying') return this.status.setNextCheck(payload.accountId, undefined);
      const at = this.nextCheckAt(payload.accountId);
      this.status.setNextCheck(payload.accountId, new Date(at).toISOString());
      return { runAgainAt: at };
    });
    status.onChange((accountId, entry) => {
      if (entry.status === 'connected') this.failures.delete(accountId);
      if (entry.status !== 'retrying' || entry.nextCheckAt) return;
      const at = this.nextCheckAt(accountId);
      runner.enqueue({ kind: CHECK_ACCOUNT, queue: 'accounts', key: `${CHECK_ACCOUNT}:${accountId}`, payload: { accountId }, runAt: at });
      status.setNextCheck(accountId, new Date(at).toISOString());
    });
  }

  private nextCheckAt(accountId: string): number {
    const failures = this.failures.get(accountId) ?? 0;
    this.failures.set(accountId, failures + 1);
    return Date.now() + this.recheckScale * RECHECK_MS[Math.min(failures, RECHECK_MS.length - 1)]!;
  }

  /** Checks an account in the background, now (a new or edited account: people want to know at once whether it works). */
  checkSoon(id: string): void {
    if (this.accounts.isDemo(id)) return;
    this.runner.enqueue({ kind: CHECK_ACCOUNT, queue: 'accounts', key: `${CHECK_ACCOUNT}:${id}`, payload: { accountId: id }, runAt: Date.now() });
  }

  /** Tries a cheap authenticated call and records the account's status. */
  async test(id: string): Promise<ConnectionTest> {
    try {
      const provider = await this.accounts.providerFor(id);
      await provider.testConnection();
      this.status.set(id, 'connected');
      return { ok: true, message: 'Connected. Credentials accepted.' };
    } catch (error) {
      const info = describeError(error, { accountId: id });
      this.status.set(id, statusAfter(error), info.message);
      return { ok: false, message: info.message, error: info };
    }
  }

  /**
   * Checks every account once. A demo account whose emulator has not started yet is ready by
   * construction (it runs inside Faxdesk), so it is not started just to be checked.
   */
  async testAll(): Promise<void> {
    const accounts = await this.accounts.list();
    await Promise.all(accounts.map(async (account) => {
      if (this.accounts.isIdleDemo(account.id)) return this.status.set(account.id, 'connected');
      await this.test(account.id).catch(() => undefined);
    }));
  }
}

/** What a failed call says about the account: refused credentials sign it out, anything else is retried. */
export function statusAfter(error: unknown): AccountStatus {
  const code = error instanceof ProviderError ? error.code : error instanceof AppError ? error.info.code : undefined;
  return code === 'unauthorized' ? 'signed_out' : 'retrying';
}
