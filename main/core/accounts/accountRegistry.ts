import { randomUUID } from 'node:crypto';
import {
  AccountDraftSchema, type Account, type AccountDraft, type AccountSettings,
} from '../../../common/domain/account';
import { AppError } from '../../../common/ipc/result';
import type { ConnectionTest } from '../../../common/ipc/contract';
import { describeError } from '../describeError';
import type { CoreEvents } from '../events';
import type { Logger } from '../log';
import type { FullFaxProvider } from '../providers/faxProvider';
import type { AccountRow, AccountsRepo } from '../store/accountsRepo';
import { accountSecretKey, type SecretStore } from './secretStore';

export type AccountStatus = Account['status'];

export interface ProviderFactory {
  create(settings: AccountSettings, secret: string): FullFaxProvider;
  capabilitiesOf(provider: AccountSettings['provider']): string[];
}

/** Where demo accounts really point: the in-process emulators, started on first use. */
export interface DemoEnvironment {
  /** Settings with the live emulator URL filled in, and the (public) demo secret. */
  resolve(settings: AccountSettings): Promise<{ settings: AccountSettings; secret: string }>;
  /** Accounts created on first run so a new user can try the app with no credentials. */
  seedAccounts(): Array<{ name: string; settings: AccountSettings }>;
}

const DEMO_SEEDED = 'demoAccountsSeeded';

/**
 * Accounts: non-secret settings in SQLite, secrets only in the SecretStore. Nothing here ever
 * returns a secret; `Account.hasSecret` says whether one is stored.
 */
export class AccountRegistry {
  private readonly providers = new Map<string, { updatedAt: string; provider: FullFaxProvider }>();
  private readonly statuses = new Map<string, { status: AccountStatus; message?: string }>();

  constructor(
    private readonly repo: AccountsRepo,
    private readonly secrets: SecretStore,
    private readonly factory: ProviderFactory,
    private readonly events: CoreEvents,
    private readonly log: Logger,
    private readonly demo?: DemoEnvironment,
  ) {}

  seedDemoAccounts(now: string): void {
    if (!this.demo || this.repo.getMeta(DEMO_SEEDED)) return;
    for (const seed of this.demo.seedAccounts()) {
      this.repo.insert({ id: randomUUID(), name: seed.name, settings: seed.settings, demo: true, createdAt: now, updatedAt: now });
    }
    this.repo.setMeta(DEMO_SEEDED, now);
  }

  async list(): Promise<Account[]> {
    const rows = this.repo.list();
    return Promise.all(rows.map((row) => this.toAccount(row)));
  }

  async get(id: string): Promise<Account> {
    return this.toAccount(this.requireRow(id));
  }

  async add(input: AccountDraft): Promise<Account> {
    const draft = AccountDraftSchema.parse(input);
    if (!draft.secret) {
      throw AppError.of('invalid_input', 'Enter the secret for this account.', { fields: { secret: 'Required' } });
    }
    const now = new Date().toISOString();
    const row: AccountRow = { id: randomUUID(), name: draft.name, settings: draft.settings, demo: false, createdAt: now, updatedAt: now };
    this.log.redact(draft.secret);
    // Secret first: if the keychain refuses, no account row is left behind without its secret.
    await this.secrets.set(accountSecretKey(row.id), draft.secret);
    try {
      this.repo.insert(row);
    } catch (error) {
      await this.secrets.delete(accountSecretKey(row.id));
      throw error;
    }
    this.log.info('account added', { accountId: row.id, provider: row.settings.provider });
    await this.emitChanged();
    return this.toAccount(row);
  }

  async update(id: string, input: AccountDraft): Promise<Account> {
    const existing = this.requireRow(id);
    const draft = AccountDraftSchema.parse(input);
    if (draft.settings.provider !== existing.settings.provider) {
      throw AppError.of('invalid_input', 'An account cannot change provider. Add a new account instead.');
    }
    if (draft.secret) {
      this.log.redact(draft.secret);
      await this.secrets.set(accountSecretKey(id), draft.secret);
    }
    this.repo.update(id, draft.name, draft.settings, new Date().toISOString());
    this.providers.delete(id);
    this.statuses.delete(id);
    this.log.info('account updated', { accountId: id, secretChanged: Boolean(draft.secret) });
    await this.emitChanged();
    return this.get(id);
  }

  async remove(id: string, inFlightJobs: number): Promise<boolean> {
    this.requireRow(id);
    if (inFlightJobs > 0) {
      throw AppError.of('conflict', `This account still has ${inFlightJobs} fax(es) on the way.`, {
        nextStep: 'Wait until they finish, then remove the account.',
      });
    }
    const removed = this.repo.remove(id);
    await this.secrets.delete(accountSecretKey(id));
    this.providers.delete(id);
    this.statuses.delete(id);
    this.log.info('account removed', { accountId: id });
    await this.emitChanged();
    return removed;
  }

  /** Tries a cheap authenticated call and records the account's status. */
  async test(id: string): Promise<ConnectionTest> {
    try {
      const provider = await this.providerFor(id);
      await provider.testConnection();
      await this.setStatus(id, 'connected');
      return { ok: true, message: 'Connected. Credentials accepted.' };
    } catch (error) {
      const info = describeError(error, { accountId: id });
      const status: AccountStatus = info.code === 'unauthorized' ? 'signed_out' : 'retrying';
      await this.setStatus(id, status, info.message);
      return { ok: false, message: info.message, error: info };
    }
  }

  /** Checks every account once (start-up, wake from sleep) so the sidebar shows real states. */
  async testAll(): Promise<void> {
    await Promise.all(this.repo.list().map((row) => this.test(row.id).catch(() => undefined)));
  }

  async providerFor(id: string): Promise<FullFaxProvider> {
    const row = this.requireRow(id);
    const cached = this.providers.get(id);
    if (cached && cached.updatedAt === row.updatedAt) return cached.provider;
    let settings = row.settings;
    let secret: string | undefined;
    if (row.demo && this.demo) {
      ({ settings, secret } = await this.demo.resolve(row.settings));
    } else {
      secret = await this.secrets.get(accountSecretKey(id));
    }
    if (!secret) {
      throw AppError.of('unauthorized', `No secret is stored for “${row.name}”.`, { nextStep: 'Open Settings and enter the secret again.' });
    }
    this.log.redact(secret);
    const provider = this.factory.create(settings, secret);
    this.providers.set(id, { updatedAt: row.updatedAt, provider });
    return provider;
  }

  async setStatus(id: string, status: AccountStatus, message?: string): Promise<void> {
    const previous = this.statuses.get(id);
    if (previous?.status === status && previous.message === message) return;
    this.statuses.set(id, { status, message });
    await this.emitChanged();
  }

  exists(id: string): boolean {
    return this.repo.get(id) !== undefined;
  }

  private requireRow(id: string): AccountRow {
    const row = this.repo.get(id);
    if (!row) throw AppError.of('not_found', 'That account no longer exists.');
    return row;
  }

  private async toAccount(row: AccountRow): Promise<Account> {
    const status = this.statuses.get(row.id);
    const hasSecret = row.demo ? true : (await this.secrets.get(accountSecretKey(row.id))) !== undefined;
    return {
      id: row.id,
      name: row.name,
      demo: row.demo,
      hasSecret,
      status: status?.status ?? 'unknown',
      ...(status?.message ? { statusMessage: status.message } : {}),
      settings: row.settings,
      capabilities: this.factory.capabilitiesOf(row.settings.provider),
    };
  }

  private async emitChanged(): Promise<void> {
    this.events.emit('accounts.changed', await this.list());
  }
}
