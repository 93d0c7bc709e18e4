import type { Account } from '../../../common/domain/account';

export type AccountStatus = Account['status'];

export interface StatusEntry {
  status: AccountStatus;
  message?: string;
}

/**
 * What Faxdesk last learned about each account's connection (connected, retrying, signed out).
 * Kept in memory: it is re-learned at start-up and by every call to the provider.
 */
export class ConnectionStatus {
  private readonly entries = new Map<string, StatusEntry>();
  private readonly listeners = new Set<() => void>();

  get(accountId: string): StatusEntry | undefined {
    return this.entries.get(accountId);
  }

  /** Records a status; listeners hear only real changes. */
  set(accountId: string, status: AccountStatus, message?: string): void {
    const previous = this.entries.get(accountId);
    if (previous?.status === status && previous.message === message) return;
    this.entries.set(accountId, message ? { status, message } : { status });
    for (const listener of this.listeners) listener();
  }

  forget(accountId: string): void {
    this.entries.delete(accountId);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
