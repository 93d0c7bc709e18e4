import type { Account } from '../../../common/domain/account';

export type AccountStatus = Account['status'];

export interface StatusEntry {
  status: AccountStatus;
  message?: string;
  /** When Faxdesk tries this account again by itself (an account that is retrying). */
  nextCheckAt?: string;
}

/**
 * What Faxdesk last learned about each account's connection (connected, retrying, signed out).
 * Kept in memory: it is re-learned at start-up and by every call to the provider.
 */
export class ConnectionStatus {
  private readonly entries = new Map<string, StatusEntry>();
  private readonly listeners = new Set<(accountId: string, entry: StatusEntry) => void>();

  get(accountId: string): StatusEntry | undefined {
    return this.entries.get(accountId);
  }

  /** Records a status; listeners hear only real changes. A retrying account keeps its next check time. */
  set(accountId: string, status: AccountStatus, message?: string): void {
    const previous = this.entries.get(accountId);
    if (previous?.status === status && previous.message === message) return;
    const nextCheckAt = status === 'retrying' ? previous?.nextCheckAt : undefined;
    this.store(accountId, { status, ...(message ? { message } : {}), ...(nextCheckAt ? { nextCheckAt } : {}) });
  }

  /** When the account is tried again by itself. */
  setNextCheck(accountId: string, at: string | undefined): void {
    const previous = this.entries.get(accountId);
    if (!previous || previous.nextCheckAt === at) return;
    const { nextCheckAt: _old, ...rest } = previous;
    this.store(accountId, at ? { ...rest, nextCheckAt: at } : rest);
  }

  private store(accountId: string, entry: StatusEntry): void {
    this.entries.set(accountId, entry);
    for (const listener of this.listeners) listener(accountId, entry);
  }

  forget(accountId: string): void {
    this.entries.delete(accountId);
  }

  onChange(listener: (accountId: string, entry: StatusEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
