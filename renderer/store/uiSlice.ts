import { composeHasContent } from './draftsSlice';
import type { SliceCreator } from './types';

/** Which pane fills the space right of the sidebar. Compose keeps its draft while hidden. */
export type Pane = 'inbox' | 'compose' | 'outbox' | 'sent' | 'settings' | 'contacts' | 'drafts' | 'audit';

export interface UiSlice {
  pane: Pane;
  /** The pane before compose opened: Escape goes back there. */
  previousPane: Exclude<Pane, 'compose'>;
  /** Set by an error's "Open settings for <account>": Settings opens that account's editor once. */
  editAccountId: string | null;
  /** Set by an error's "Choose other files": compose puts focus on its file chooser once. */
  focusFileChooser: boolean;
  showPane(pane: Pane): void;
  /** Settings, with the editor of `accountId` open when it can be edited. */
  openAccountSettings(accountId?: string): void;
  /** Compose, with focus on "Choose files…". */
  chooseOtherFiles(): void;
  /** The pane that acted on a request above clears it, so it happens once. */
  clearUiRequests(): void;
  /** Leaves compose (the draft is kept) for the pane it was opened from. */
  closeCompose(): void;
  /** A short visible note of what just happened ("Kept as a draft"), with a way there. */
  notice: { text: string; seq: number; go?: Pane } | null;
  notify(text: string, go?: Pane): void;
  dismissNotice(): void;
  /** Prints a PDF's pages with the system dialog; answers what went wrong, or null. */
  printDocument(bytes: Uint8Array): Promise<string | null>;
}

export const createUiSlice: SliceCreator<UiSlice> = (api) => (set, get) => ({
  // The app opens on the Inbox: receiving is half of the product, and what a front desk checks first.
  pane: 'inbox',
  previousPane: 'inbox',
  editAccountId: null,
  focusFileChooser: false,
  showPane: (pane) => set({ pane }),
  openAccountSettings: (accountId) => set({ pane: 'settings', editAccountId: accountId ?? null }),
  chooseOtherFiles: () => set({ pane: 'compose', focusFileChooser: true }),
  clearUiRequests: () => set({ editAccountId: null, focusFileChooser: false }),
  closeCompose: () => {
    const s = get();
    // What was refused belongs to that moment of composing: it does not wait for the next one.
    set({ pane: s.previousPane, fileRefusals: [] });
    if (!composeHasContent(s)) return;
    // Saved now (not after the autosave's pause), and said: closing never loses work.
    void s.saveDraft();
    get().notify('The fax was kept as a draft.', 'drafts');
  },
  notice: null,
  notify: (text, go) => set((s) => ({ notice: { text, seq: (s.notice?.seq ?? 0) + 1, ...(go ? { go } : {}) } })),
  dismissNotice: () => set({ notice: null }),
  async printDocument(bytes) {
    const { printPdf } = await import('../print/printPdf'); // pdf.js only when printing
    const r = await printPdf(bytes, (jobName) => api.files.print(jobName));
    return r.ok ? null : [r.error.message, r.error.nextStep].filter(Boolean).join(' ');
  },
});
