import { useEffect, useState } from 'react';
import type { LockState } from '../../../common/domain/lock';
import type { FaxdeskApi } from '../../../common/ipc/bridge';
import { App } from '../../App';
import { releaseAll } from '../../pdf/pdfDocuments';
import { createFaxdeskStore, type FaxdeskStore } from '../../store/createFaxdeskStore';
import { StoreProvider } from '../../store/StoreProvider';
import type { Pane } from '../../store/uiSlice';
import { LockScreen } from './LockScreen';
import { useActivityReport } from './useActivityReport';

/** Ctrl/Cmd+L, wherever focus is (dialogs included). */
const isLockKey = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l';

interface View { lock: LockState | null; store: FaxdeskStore | null }

/**
 * Above the whole app: shows the lock screen while the core is locked, and builds a fresh store on
 * each unlock — locking drops the old one (inbox pages, the selected fax, outbox jobs, contacts,
 * drafts, compose) with every view of it. The app starts at once, before the core has said whether
 * it is locked (a dropped file is not missed): a locked core refuses it every fax, so it holds none,
 * and gives way to the lock screen as soon as the answer comes.
 */
export function LockGate({ api }: { api: FaxdeskApi }) {
  const [view, setView] = useState<View>(() => ({ lock: null, store: createFaxdeskStore(api) }));

  useEffect(() => {
    let store: FaxdeskStore | null = view.store;
    // Where the person was (a pane's name holds no PHI); compose comes back as its draft.
    let resumePane: Pane = 'inbox';
    const follow = (lock: LockState) => {
      if (lock.locked && store) {
        const pane = store.getState().pane;
        resumePane = pane === 'compose' ? 'drafts' : pane;
        store = null;
        releaseAll(); // pdf.js's open documents (pages, thumbnails) go too
      } else if (!lock.locked && !store) {
        store = createFaxdeskStore(api);
        store.setState({ pane: resumePane });
      }
      setView({ lock, store });
    };
    const off = api.on('lock.changed', follow);
    void api.lock.state().then((r) => { if (r.ok) follow(r.value); });
    return off;
  }, [api]); // eslint-disable-line react-hooks/exhaustive-deps -- the first store only; later ones are made here

  const { lock, store } = view;
  useActivityReport(api, store !== null);
  useEffect(() => {
    if (!store) return;
    const onKey = (e: KeyboardEvent) => {
      if (!isLockKey(e)) return;
      e.preventDefault();
      void store.getState().lockNow();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [store]);

  if (!store) return lock ? <LockScreen api={api} state={lock} /> : <div className="lock-wait" aria-busy="true" />;
  return (
    <StoreProvider store={store} api={api}>
      <App />
    </StoreProvider>
  );
}
