import { PaperSizeSchema } from '../../../common/domain/document';
import type { AppSettings } from '../../../common/ipc/contract';
import type { MetaRepo } from '../store/metaRepo';

const DEFAULTS: AppSettings = { paperSize: 'auto', hideDemoAccounts: false };

/** Faxdesk's own settings (not an account's), and what it remembers for the person, in the meta table. */
export class AppSettingsStore {
  constructor(private readonly meta: MetaRepo) {}

  get(): AppSettings & { lastAccountId?: string } {
    const paper = PaperSizeSchema.safeParse(this.meta.get('settings.paperSize'));
    const lastAccountId = this.meta.get('state.lastAccountId');
    return {
      ...DEFAULTS,
      ...(paper.success ? { paperSize: paper.data } : {}),
      hideDemoAccounts: this.meta.get('settings.hideDemoAccounts') === 'true',
      ...(lastAccountId ? { lastAccountId } : {}),
    };
  }

  update(change: Partial<AppSettings>): AppSettings & { lastAccountId?: string } {
    if (change.paperSize !== undefined) this.meta.set('settings.paperSize', change.paperSize);
    if (change.hideDemoAccounts !== undefined) this.meta.set('settings.hideDemoAccounts', String(change.hideDemoAccounts));
    return this.get();
  }

  /** Compose starts with the real account a fax was last sent from. */
  rememberAccount(accountId: string): void {
    this.meta.set('state.lastAccountId', accountId);
  }
}
