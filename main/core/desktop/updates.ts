import type { UpdateStatus } from '../../../common/domain/updates';
import type { Logger } from '../log';

/**
 * What Faxdesk uses of electron-updater's `autoUpdater`. The shell loads the real one (a package
 * the core never imports); the dev bridge has none; tests pass a fake.
 */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: UpdaterEvent, listener: (arg?: unknown) => void): unknown;
}
export type UpdaterEvent = 'checking-for-update' | 'update-available' | 'update-not-available' | 'update-downloaded' | 'error';

export interface UpdatesDeps {
  /** Loads the updater once it is first needed; undefined: this build cannot update itself. Absent: not the desktop app. */
  load?: () => Promise<UpdaterPort | undefined>;
  emit(status: UpdateStatus): void;
  log: Logger;
  /** Between checks while Faxdesk stays open (default 6 hours). */
  everyMs?: number;
}

const OFF: UpdateStatus = { state: 'off', message: 'Updates are off. Enter the address of your update feed to turn them on.' };
const SIX_HOURS = 6 * 60 * 60 * 1_000;

/** A version string from an update's info, or undefined. */
const versionOf = (info: unknown) => {
  const version = (info as { version?: unknown } | undefined)?.version;
  return typeof version === 'string' ? version.slice(0, 64) : undefined;
};

/**
 * Updates from a generic feed (latest*.yml next to the installers): off until Settings names the
 * feed; then checked at once and every six hours, downloaded in the background, installed when
 * Faxdesk quits. Turning the feed off again also cancels an install waiting for the quit.
 */
export class Updates {
  private status: UpdateStatus = OFF;
  private feedUrl = '';
  private updater: UpdaterPort | undefined;
  private loading: Promise<UpdaterPort | undefined> | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly deps: UpdatesDeps) {}

  current(): UpdateStatus {
    return this.status;
  }

  /** Follows the feed setting ('' = off). */
  async configure(feedUrl: string): Promise<void> {
    if (feedUrl === this.feedUrl) return;
    this.feedUrl = feedUrl;
    this.stopTimer();
    if (feedUrl === '') {
      if (this.updater) this.updater.autoInstallOnAppQuit = false;
      this.set(OFF);
      return;
    }
    if (!this.deps.load) {
      this.set({ state: 'unavailable', message: 'Only the installed Faxdesk app updates itself.' });
      return;
    }
    const updater = await this.loadOnce(this.deps.load);
    if (this.feedUrl !== feedUrl) return; // changed again while the updater loaded
    if (!updater) {
      this.set({ state: 'unavailable', message: 'This build of Faxdesk cannot update itself.' });
      return;
    }
    updater.setFeedURL({ provider: 'generic', url: feedUrl });
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    this.timer = setInterval(() => void this.check(), this.deps.everyMs ?? SIX_HOURS);
    this.timer.unref?.();
    await this.check();
  }

  /** Asks the feed now (a downloaded update waiting for the quit is not asked about again). */
  async check(): Promise<void> {
    const updater = this.updater;
    if (!updater || this.feedUrl === '' || this.status.state === 'ready') return;
    try {
      await updater.checkForUpdates();
    } catch (error) {
      this.failed(error);
    }
  }

  stop(): void {
    this.stopTimer();
  }

  private async loadOnce(load: () => Promise<UpdaterPort | undefined>): Promise<UpdaterPort | undefined> {
    this.loading ??= load().then((updater) => {
      if (updater) this.listen(updater);
      this.updater = updater;
      return updater;
    }, (error: unknown) => {
      this.deps.log.warn('the updater could not be loaded', { error });
      return undefined;
    });
    return this.loading;
  }

  private listen(updater: UpdaterPort): void {
    const live = () => this.feedUrl !== '';
    updater.on('checking-for-update', () => {
      if (live() && this.status.state !== 'downloading') this.set({ state: 'checking', message: 'Checking for updates…' });
    });
    updater.on('update-not-available', () => {
      if (live()) this.set({ state: 'current', message: 'Faxdesk is up to date.' });
    });
    updater.on('update-available', (info) => {
      const version = versionOf(info);
      if (live()) this.set({ state: 'downloading', version, message: `Downloading Faxdesk ${version ?? 'update'} in the background.` });
    });
    updater.on('update-downloaded', (info) => {
      const version = versionOf(info);
      if (live()) this.set({ state: 'ready', version, message: `Faxdesk ${version ?? 'update'} is ready and will be installed when you quit Faxdesk.` });
    });
    updater.on('error', (error) => {
      if (live()) this.failed(error);
    });
  }

  private failed(error: unknown): void {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
    this.deps.log.warn('update check failed', { reason });
    this.set({ state: 'failed', message: `Faxdesk could not check for updates (${reason}). It will try again later.` });
  }

  private set(status: UpdateStatus): void {
    this.status = status.version === undefined ? { state: status.state, message: status.message } : status;
    this.deps.emit(this.status);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
