import { PaperSizeSchema } from '../../../common/domain/document';
import type { AppSettings } from '../../../common/ipc/contract';
import { systemRegion } from '../documents/paper';
import type { MetaRepo } from '../store/metaRepo';

const DEFAULTS: AppSettings = { paperSize: 'auto', hideDemoAccounts: false, inboxPollSeconds: 30, newFaxSound: true, markReadOnOpen: true };

/** Faxdesk's own settings (not an account's), and what it remembers for the person, in the meta table. */
export class AppSettingsStore {
  constructor(private readonly meta: MetaRepo) {}

  get(): AppSettings & { lastAccountId?: string; region?: string } {
    const paper = PaperSizeSchema.safeParse(this.meta.get('settings.paperSize'));
    const lastAccountId = this.meta.get('state.lastAccountId');
    return {
      ...DEFAULTS,
      ...(paper.success ? { paperSize: paper.data } : {}),
      hideDemoAccounts: this.meta.get('settings.hideDemoAccounts') === 'true',
      inboxPollSeconds: pollSeconds(this.meta.get('settings.inboxPollSeconds')),
      newFaxSound: this.meta.get('settings.newFaxSound') !== 'false',
      markReadOnOpen: this.meta.get('settings.markReadOnOpen') !== 'false',
      ...(lastAccountId ? { lastAccountId } : {}),
      ...(systemRegion() ? { region: systemRegion() } : {}),
    };
  }

  update(change: Partial<AppSettings>): AppSettings & { lastAccountId?: string } {
    if (change.paperSize !== undefined) this.meta.set('settings.paperSize', change.paperSize);
    if (change.hideDemoAccounts !== undefined) this.meta.set('settings.hideDemoAccounts', String(change.hideDemoAccounts));
    if (change.inboxPollSeconds !== undefined) this.meta.set('settings.inboxPollSeconds', String(change.inboxPollSeconds));
    if (change.newFaxSound !== undefined) this.meta.set('settings.newFaxSound', String(change.newFaxSound));
    if (change.markReadOnOpen !== undefined) this.meta.set('settings.markReadOnOpen', String(change.markReadOnOpen));
    return this.get();
  }

  /** Compose starts with the real account a fax was last sent from. */
  rememberAccount(accountId: string): void {
    this.meta.set('state.lastAccountId', accountId);
  }
}

/** A stored poll interval, within the setting's range (10 s – 15 min); 30 s when unset. */
function pollSeconds(stored: string | undefined): number {
  const value = Number(stored);
  return stored !== undefined && Number.isInteger(value) ? Math.min(900, Math.max(10, value)) : DEFAULTS.inboxPollSeconds;
}
