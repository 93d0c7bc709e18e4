import type { AppSettings, AppState } from '../../common/ipc/contract';
import type { UpdateStatus } from '../../common/domain/updates';
import type { Result } from '../../common/ipc/result';
import type { SliceCreator } from './types';

/** Faxdesk's own settings (not an account's), as the core keeps them. */
export interface SettingsSlice {
  /** Null until the core answered. */
  appSettings: AppState | null;
  loadSettings(): Promise<void>;
  updateSettings(change: Partial<AppSettings>): Promise<Result<AppState>>;
  /** Writes the print-dialog helper files for the print-to-fax folder (the person runs them). */
  writePrintHelpers(): Promise<Result<{ folder: string; files: string[] }>>;
  /** Where Faxdesk stands with updates; null until the core answered. */
  updateStatus: UpdateStatus | null;
  loadUpdateStatus(): Promise<void>;
  /** An `updates.changed` event: kept for Settings; a downloaded update or a failure is also said at the foot of the window. */
  applyUpdateStatus(status: UpdateStatus): void;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (api) => (set, get) => ({
  appSettings: null,

  async loadSettings() {
    const r = await api.settings.get();
    if (r.ok) set({ appSettings: r.value });
  },

  async updateSettings(change) {
    const r = await api.settings.update(change);
    if (r.ok) set({ appSettings: r.value });
    return r;
  },

  writePrintHelpers: () => api.hotFolder.writeHelpers(),

  updateStatus: null,
  async loadUpdateStatus() {
    const r = await api.updates.status();
    if (r.ok) set({ updateStatus: r.value });
  },
  applyUpdateStatus(status) {
    const before = get().updateStatus;
    set({ updateStatus: status });
    const news = status.state !== before?.state || status.version !== before?.version;
    if (news && (status.state === 'ready' || status.state === 'failed')) get().notify(status.message);
  },
});
