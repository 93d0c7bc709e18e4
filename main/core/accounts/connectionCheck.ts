import type { ConnectionTest } from '../../../common/ipc/contract';
import { AppError } from '../../../common/ipc/result';
import { describeError } from '../describeError';
import { ProviderError } from '../providers/providerError';
import type { Accounts } from './accounts';
import type { AccountStatus, ConnectionStatus } from './connectionStatus';

/**
 * Tests accounts' connections and records what it learns. Start-up and wake-from-sleep check
 * every account so the sidebar shows real states; "Test connection" checks one.
 */
export class ConnectionCheck {
  constructor(private readonly accounts: Accounts, private readonly status: ConnectionStatus) {}

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
