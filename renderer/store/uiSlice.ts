import type { SliceCreator } from './types';

/** Which pane fills the space right of the sidebar. Compose keeps its draft while hidden. */
export type Pane = 'compose' | 'outbox' | 'sent' | 'settings';

export interface UiSlice {
  pane: Pane;
  showPane(pane: Pane): void;
}

export const createUiSlice: SliceCreator<UiSlice> = () => (set) => ({
  pane: 'outbox',
  showPane: (pane) => set({ pane }),
});
