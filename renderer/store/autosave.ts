import type { StoreApi } from 'zustand/vanilla';
import { composeHasContent } from './draftsSlice';
import type { FaxdeskState } from './types';

/** Typing pauses this long before compose is saved: often enough that a crash loses a few keystrokes at most. */
export const AUTOSAVE_MS = 600;

/** What compose's autosave watches; anything else changing (the pane, a save's own state) saves nothing. */
const WATCHED = [
  'recipients', 'numberText', 'docs', 'pages', 'composeAccountId', 'headerText', 'resolution', 'patient',
  'coverMode', 'coverTemplateId', 'coverFields', 'serverCoverId',
] as const satisfies ReadonlyArray<keyof FaxdeskState>;

/** Saves compose as a draft in the core a moment after each change. Returns the unsubscribe. */
export function watchForAutosave(store: StoreApi<FaxdeskState>): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const off = store.subscribe((s, before) => {
    if (!WATCHED.some((key) => s[key] !== before[key])) return;
    if (!composeHasContent(s) && s.draftId === null) return;
    clearTimeout(timer);
    // Said at once: "Saving…" until the core has it, so nobody takes an unsaved change for a saved one.
    if (s.draftSave !== 'pending') store.setState({ draftSave: 'pending' });
    timer = setTimeout(() => void store.getState().saveDraft(), AUTOSAVE_MS);
  });
  return () => {
    clearTimeout(timer);
    off();
  };
}
