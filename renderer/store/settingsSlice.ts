import type { AppSettings, AppState } from '../../common/ipc/contract';
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
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (api) => (set) => ({
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
});
