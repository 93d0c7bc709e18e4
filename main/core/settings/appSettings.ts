import { homedir } from 'node:os';
import { isAbsolute, join, normalize } from 'node:path';
import { AppError } from '../../../common/ipc/result';
import { isAllowedServiceUrl } from '../../../common/domain/accountAddress';
import { PaperSizeSchema } from '../../../common/domain/document';
import type { AppSettings } from '../../../common/ipc/contract';
import { RetentionPeriodSchema, type RetentionPeriod } from '../../../common/domain/retention';
import { systemRegion } from '../documents/paper';
import type { MetaRepo } from '../store/metaRepo';

const DEFAULTS: Omit<AppSettings, 'hotFolderPath'> = { paperSize: 'auto', hideDemoAccounts: false, inboxPollSeconds: 30, newFaxSound: true, markReadOnOpen: true, hotFolderEnabled: false, openAtLogin: false,
  keepReceivedFor: 'forever', keepSentFor: 'forever', lockAfterMinutes: 5, updateFeedUrl: '' };

/** Where print-to-fax files are dropped unless the person chose another folder. */
export const defaultHotFolder = () => join(homedir(), 'Faxdesk', 'Print to fax');

/** Faxdesk's own settings (not an account's), and what it remembers for the person, in the meta table. */
export class AppSettingsStore {
  private readonly listeners = new Set<(settings: AppSettings) => void>();

  constructor(private readonly meta: MetaRepo) {}

  /** Parts of the core that follow a setting (the hot folder) hear each change. */
  onChange(listener: (settings: AppSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

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
      hotFolderEnabled: this.meta.get('settings.hotFolderEnabled') === 'true',
      openAtLogin: this.meta.get('settings.openAtLogin') === 'true',
      hotFolderPath: this.meta.get('settings.hotFolderPath') ?? defaultHotFolder(),
      keepReceivedFor: period(this.meta.get('settings.keepReceivedFor')),
      keepSentFor: period(this.meta.get('settings.keepSentFor')),
      lockAfterMinutes: lockMinutes(this.meta.get('settings.lockAfterMinutes')),
      updateFeedUrl: this.meta.get('settings.updateFeedUrl') ?? '',
      ...(lastAccountId ? { lastAccountId } : {}),
      ...(systemRegion() ? { region: systemRegion() } : {}),
    };
  }

  update(change: Partial<AppSettings>): AppSettings & { lastAccountId?: string } {
    // Checked before anything is stored: a refused address leaves every setting as it was.
    const feed = change.updateFeedUrl === undefined ? undefined : updateFeedUrl(change.updateFeedUrl);
    if (change.paperSize !== undefined) this.meta.set('settings.paperSize', change.paperSize);
    if (change.hideDemoAccounts !== undefined) this.meta.set('settings.hideDemoAccounts', String(change.hideDemoAccounts));
    if (change.inboxPollSeconds !== undefined) this.meta.set('settings.inboxPollSeconds', String(change.inboxPollSeconds));
    if (change.newFaxSound !== undefined) this.meta.set('settings.newFaxSound', String(change.newFaxSound));
    if (change.markReadOnOpen !== undefined) this.meta.set('settings.markReadOnOpen', String(change.markReadOnOpen));
    if (change.hotFolderPath !== undefined) this.meta.set('settings.hotFolderPath', hotFolderPath(change.hotFolderPath));
    if (change.hotFolderEnabled !== undefined) this.meta.set('settings.hotFolderEnabled', String(change.hotFolderEnabled));
    if (change.openAtLogin !== undefined) this.meta.set('settings.openAtLogin', String(change.openAtLogin));
    if (change.keepReceivedFor !== undefined) this.meta.set('settings.keepReceivedFor', RetentionPeriodSchema.parse(change.keepReceivedFor));
    if (change.keepSentFor !== undefined) this.meta.set('settings.keepSentFor', RetentionPeriodSchema.parse(change.keepSentFor));
    if (change.lockAfterMinutes !== undefined) this.meta.set('settings.lockAfterMinutes', String(change.lockAfterMinutes));
    if (feed !== undefined) this.meta.set('settings.updateFeedUrl', feed);
    const settings = this.get();
    for (const listener of this.listeners) listener(settings);
    return settings;
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

/** A stored retention period; anything unknown (a damaged value) reads as "forever": never remove by mistake. */
function period(stored: string | undefined): RetentionPeriod {
  const parsed = RetentionPeriodSchema.safeParse(stored);
  return parsed.success ? parsed.data : 'forever';
}

/** A stored idle lock time: 0 (off) or 0.05 – 1440 minutes; 5 when unset or unreadable. */
function lockMinutes(stored: string | undefined): number {
  const value = Number(stored);
  if (stored === undefined || !Number.isFinite(value) || value < 0) return DEFAULTS.lockAfterMinutes;
  return value === 0 ? 0 : Math.min(1_440, Math.max(0.05, value));
}

/** A folder the person typed: absolute, local, without control characters (a relative path would depend on where Faxdesk started). */
function hotFolderPath(input: string): string {
  const path = input.trim();
  if (/^[\\/]{2}/.test(path)) {
    throw AppError.of('invalid_input', 'The print-to-fax folder must be on this computer, not a network share.', { nextStep: 'Choose a folder on this computer.' });
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path) || !isAbsolute(path)) {
    throw AppError.of('invalid_input', 'The print-to-fax folder must be a full path, such as /Users/you/Faxdesk/Print to fax or C:\\Users\\you\\Faxdesk\\Print to fax.', { nextStep: 'Type the whole path of the folder.' });
  }
  return normalize(path);
}

/** The update feed: '' (off), or an https address (http only to this computer), since installers come from it. */
function updateFeedUrl(input: string): string {
  const url = input.trim();
  if (url === '') return '';
  if (!isAllowedServiceUrl(url)) {
    throw AppError.of('invalid_input', 'The update feed must be an https:// address (http:// is accepted only for this computer).', {
      nextStep: 'Type the address your office publishes Faxdesk updates at, such as https://updates.example.com/faxdesk/, or leave it empty to turn updates off.',
    });
  }
  return new URL(url).href;
}
