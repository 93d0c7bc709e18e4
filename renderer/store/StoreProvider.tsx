import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { FaxdeskApi } from '../../common/ipc/bridge';
import { connectFaxdeskStore, type FaxdeskStore } from './createFaxdeskStore';
import type { FaxdeskState } from './types';

const StoreContext = createContext<FaxdeskStore | null>(null);

export function StoreProvider({ store, api, children }: { store: FaxdeskStore; api: FaxdeskApi; children: ReactNode }) {
  useEffect(() => connectFaxdeskStore(store, api), [store, api]);
  return (
<StoreContext.Provider value={store}>{children}</StoreContext.Provider>
  );
}

function useStoreApi(): FaxdeskStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useFaxdesk must be used inside <StoreProvider>');
  return store;
}

/** Narrow selector hook: `useFaxdesk((s) => s.pane)`. */
export function useFaxdesk<T>(selector: (s: FaxdeskState) => T): T {
  return useStore(useStoreApi(), selector);
}

/** For event handlers that need the latest state without subscribing. */
export function useFaxdeskStore(): FaxdeskStore {
  return useStoreApi();
}
