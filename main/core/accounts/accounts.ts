import { randomUUID } from 'node:crypto';
import { serviceAddress } from '../../../common/domain/accountAddress';
import {
  addressFieldsOf, AccountDraftSchema, type Account, type AccountDraft, type AccountLimits, type AccountSettings,
} from '../../../common/domain/account';
import { AppError } from '../../../common/ipc/result';
import type { CoreEvents } from '../events';
import type { Logger } from '../log';
import type { FullFaxProvider } from '../providers/faxProvider';
import type { AccountRow, AccountsRepo } from '../store/accountsRepo';
import type { MetaRepo } from '../store/metaRepo';
import type { ConnectionStatus } from './connectionStatus';
import type { DemoEnvironment } from './demoPort';
import { accountSecretKey, type SecretStore } from './secretStore';

export interface ProviderFactory {
  create(settings: AccountSettings, secret: string): FullFaxProvider;
  capabilitiesOf(provider: AccountSettings['provider']): string[];
  limitsOf(provider: AccountSettings['provider']): AccountLimits;
}

export interface AccountsDeps {
  repo: AccountsRepo;
  meta: MetaRepo;
  secrets: SecretStore;
  factory: ProviderFactory;
  status: ConnectionStatus;
  events: CoreEvents;
  log: Logger;
  demo?: DemoEnvironment;
}

const DEMO_SEEDED = 'demoAccountsSeeded';

/**
 * Accounts and their secrets: non-secret settings in SQLite, secrets only in the SecretStore.
 * Nothing here ever returns a secret; `Account.hasSecret` says whether one is stored.
 */
export class Accounts {
  private readonly providers = new Map<string, { updatedAt: string; provider: FullFaxProvider }>();

  constructor(private readonly deps: AccountsDeps) {
    deps.status.onChange(() => void this.emitChanged());
  }

  seedDemoAccounts(now: string): void {
    const { demo, repo, meta } = this.deps;
    if (!demo || meta.get(DEMO_SEEDED)) return;
    for (const seed of demo.seedAccounts()) {
      repo.insert({ id: randomUUID(), name: seed.name, settings: seed.settings, demo: true, createdAt: now, updatedAt: now });
    }
    meta.set(DEMO_SEEDED, now);
  }

  async list(): Promise<Account[]> {
    return Promise.all(this.deps.repo.list().map((row) => this.toAccount(row)));
  }

  async get(id: string): Promise<Account> {
    return this.toAccount(this.row(id));
  }

  /** A Demo account's faxes never leave the computer (a removed account's faxes are not demo ones). */
  isDemo(id: string): boolean {
    return this.deps.repo.get(id)?.demo ?? false;
  }

  exists(id: string): boolean {
    return this.deps.repo.get(id) !== undefined;
  }

  /** What the account's provider can do (none for an account that is gone). */
  capabilitiesOf(id: string): string[] {
    const row = this.deps.repo.get(id);
    return row ? this.deps.factory.capabilitiesOf(row.settings.provider) : [];
  }

  /** A demo account whose emulator has not been started: nothing to check until it is used. */
  isIdleDemo(id: string): boolean {
    const row = this.row(id);
    return row.demo && this.deps.demo !== undefined && !this.deps.demo.isStarted(row.settings.provider);
  }

  async add(input: AccountDraft): Promise<Account> {
    const { repo, secrets, log } = this.deps;
    const draft = AccountDraftSchema.parse(input);
    if (!draft.secret) {
      throw AppError.of('invalid_input', 'Enter the secret for this account.', { fields: { secret: 'Required' } });
    }
    const now = new Date().toISOString();
    const row: AccountRow = { id: randomUUID(), name: draft.name, settings: draft.settings, demo: false, createdAt: now, updatedAt: now };
    log.redact(draft.secret);
    // Secret first: if the keychain refuses, no account row is left behind without its secret.
    await secrets.set(accountSecretKey(row.id), draft.secret);
    try {
      repo.insert(row);
    } catch (error) {
      await secrets.delete(accountSecretKey(row.id));
      throw error;
    }
    log.info('account added', { accountId: row.id, provider: row.settings.provider });
    await this.emitChanged();
    return this.toAccount(row);
  }

  async update(id: string, input: AccountDraft): Promise<Account> {
    const existing = this.row(id);
    const draft = AccountDraftSchema.parse(input);
    if (draft.settings.provider !== existing.settings.provider) {
      throw AppError.of('invalid_input', 'An account cannot change provider. Add a new account instead.');
    }
    if (!draft.secret && await this.secretWouldMove(existing, draft.settings)) {
      throw AppError.of('invalid_input', 'Enter the secret again: the account’s address changed.', {
        nextStep: 'Faxdesk sends a stored secret only to the address it was entered for. Type the secret, then save.',
        fields: { secret: 'Enter the secret again: the address changed' },
      });
    }
    if (draft.secret) {
      this.deps.log.redact(draft.secret);
      await this.deps.secrets.set(accountSecretKey(id), draft.secret);
    }
    this.deps.repo.update(id, draft.name, draft.settings, new Date().toISOString());
    this.providers.delete(id);
    this.deps.status.forget(id);
    this.deps.log.info('account updated', { accountId: id, secretChanged: Boolean(draft.secret) });
    await this.emitChanged();
    return this.get(id);
  }

  async remove(id: string, inFlightFaxes: number): Promise<boolean> {
    this.row(id);
    if (inFlightFaxes > 0) {
      throw AppError.of('conflict', `This account still has ${inFlightFaxes} fax(es) on the way.`, {
        nextStep: 'Wait until they finish, then remove the account.',
      });
    }
    const removed = this.deps.repo.remove(id);
    await this.deps.secrets.delete(accountSecretKey(id));
    this.providers.delete(id);
    this.deps.status.forget(id);
    this.deps.log.info('account removed', { accountId: id });
    await this.emitChanged();
    return removed;
  }

  /** The provider for an account, built once per settings version (a demo account starts its emulator here). */
  async providerFor(id: string): Promise<FullFaxProvider> {
    const row = this.row(id);
    const cached = this.providers.get(id);
    if (cached && cached.updatedAt === row.updatedAt) return cached.provider;
    let settings = row.settings;
    let secret: string | undefined;
    if (row.demo && this.deps.demo) {
      ({ settings, secret } = await this.deps.demo.resolve(row.settings));
    } else {
      secret = await this.deps.secrets.get(accountSecretKey(id));
    }
    if (!secret) {
      throw AppError.of('unauthorized', `No secret is stored for “${row.name}”.`, { nextStep: 'Open Settings and enter the secret again.' });
    }
    this.deps.log.redact(secret);
    const provider = this.deps.factory.create(settings, secret);
    this.providers.set(id, { updatedAt: row.updatedAt, provider });
    return provider;
  }

  /**
   * A new base URL, auth URL or region would carry the stored secret to a host it was never entered
   * for (a typo, or a look-alike domain someone suggested). A Demo account's secret is the public
   * demo one and always goes to its own emulator; an account without a stored secret has none to move.
   */
  private async secretWouldMove(existing: AccountRow, next: AccountSettings): Promise<boolean> {
    if (existing.demo) return false;
    if (serviceAddress(addressFieldsOf(existing.settings)) === serviceAddress(addressFieldsOf(next))) return false;
    return (await this.deps.secrets.get(accountSecretKey(existing.id))) !== undefined;
  }

  private row(id: string): AccountRow {
    const row = this.deps.repo.get(id);
    if (!row) throw AppError.of('not_found', 'That account no longer exists.');
    return row;
  }

  private async toAccount(row: AccountRow): Promise<Account> {
    const status = this.deps.status.get(row.id);
    const hasSecret = row.demo ? true : (await this.deps.secrets.get(accountSecretKey(row.id))) !== undefined;
    return {
      id: row.id,
      name: row.name,
      demo: row.demo,
      hasSecret,
      status: status?.status ?? 'unknown',
      ...(status?.message ? { statusMessage: status.message } : {}),
      ...(status?.nextCheckAt ? { nextCheckAt: status.nextCheckAt } : {}),
      settings: row.settings,
      capabilities: this.deps.factory.capabilitiesOf(row.settings.provider),
      limits: this.deps.factory.limitsOf(row.settings.provider),
    };
  }

  private async emitChanged(): Promise<void> {
    this.deps.events.emit('accounts.changed', await this.list());
  }
}
