import type { LockState } from '../../common/domain/lock';
import type { Result } from '../../common/ipc/result';
import { composeHasContent } from './draftsSlice';
import type { SliceCreator } from './types';

/** The lock as Settings and Ctrl+L see it (the lock screen itself lives outside the store: the store is dropped while locked). */
export interface LockSlice {
  /** Null until the core answered. */
  lockState: LockState | null;
  loadLock(): Promise<void>;
  applyLock(state: LockState): void;
  /** Sets, changes or (`pin: null`) removes the PIN. */
  setPin(current: string | undefined, pin: string | null): Promise<Result<LockState>>;
  /** Ctrl+L: compose is kept as a draft first, then Faxdesk locks; without a PIN a note says how to set one. */
  lockNow(): Promise<void>;
}

export const NO_PIN_NOTE = 'Set a PIN in Settings, under Lock, first: then Ctrl+L locks Faxdesk.';

export const createLockSlice: SliceCreator<LockSlice> = (api) => (set, get) => ({
  lockState: null,

  async loadLock() {
    const r = await api.lock.state();
    if (r.ok) set({ lockState: r.value });
  },

  applyLock: (lockState) => set({ lockState }),

  async setPin(current, pin) {
    const r = await api.lock.setPin({ ...(current ? { current } : {}), pin });
    if (r.ok) set({ lockState: r.value });
    return r;
  },

  async lockNow() {
    const s = get();
    if (s.lockState && !s.lockState.pinSet) {
      s.notify(NO_PIN_NOTE, 'settings');
      return;
    }
    // Locking drops what the window holds: work in compose is saved as a draft first.
    if (s.pane === 'compose' && composeHasContent(s)) await s.saveDraft();
    const r = await api.lock.lock();
    if (!r.ok) get().notify(`${r.error.message} ${r.error.nextStep}`, r.error.action.kind === 'open_settings' ? 'settings' : undefined);
  },
});
