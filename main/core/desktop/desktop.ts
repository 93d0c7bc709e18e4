import type { AppSettings } from '../../../common/ipc/contract';
import type { CoreEvents } from '../events';
import type { Logger } from '../log';
import type { AppSettingsStore } from '../settings/appSettings';
import { HotFolder, type HotFolderTiming } from './hotFolder';
import { OpenRequests, type OpenRequestsDeps } from './openRequests';
import { writePrintHelpers } from './printHelpers';

export interface DesktopDeps {
  documents: OpenRequestsDeps['documents'];
  events: CoreEvents;
  log: Logger;
  settings: AppSettingsStore;
  region(): string | undefined;
  hotFolderTiming?: Partial<HotFolderTiming>;
}

/** What the desktop hands Faxdesk: files to open (launch, "Open with", open-file) and the print-to-fax folder. */
export class Desktop {
  readonly requests: OpenRequests;
  readonly hotFolder: HotFolder;
  private readonly stopFollowing: () => void;
  private configuring: Promise<void> = Promise.resolve();

  constructor(private readonly deps: DesktopDeps) {
    this.requests = new OpenRequests(deps);
    this.hotFolder = new HotFolder({
      open: async (path, name) => {
        const r = await this.requests.openChecked(path, name);
        return r.ok ? { ok: true } : r;
      },
      refused: (message) => deps.events.emit('hotFolder.refused', { message }),
      log: deps.log,
    }, deps.hotFolderTiming);
    this.stopFollowing = deps.settings.onChange((settings) => void this.follow(settings));
  }

  /** Starts the hot folder if the settings turn it on. */
  start(): Promise<void> {
    return this.follow(this.deps.settings.get());
  }

  /** Writes the print-dialog helper files for the folder in the settings; runs nothing. */
  writeHelpers(): Promise<{ folder: string; files: string[] }> {
    return writePrintHelpers(this.deps.settings.get().hotFolderPath);
  }

  async close(): Promise<void> {
    this.stopFollowing();
    await this.configuring;
    await this.hotFolder.stop();
  }

  private follow(settings: AppSettings): Promise<void> {
    const { hotFolderEnabled: enabled, hotFolderPath: path } = settings;
    this.configuring = this.configuring.then(() => this.hotFolder.configure({ enabled, path }));
    return this.configuring;
  }
}
