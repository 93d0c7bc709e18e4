import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FaxdeskApi } from '../../common/ipc/bridge';
import { createAccountsSlice } from './accountsSlice';
import { createAuditSlice } from './auditSlice';
import { createComposeSlice } from './composeSlice';
import { createCoverSlice } from './coverSlice';
import { createContactsSlice } from './contactsSlice';
import { createDocumentsSlice } from './documentsSlice';
import { createDraftsSlice } from './draftsSlice';
import { createFaxActionsSlice } from './faxActionsSlice';
import { watchForAutosave } from './autosave';
import { createInboxSlice, inboxRefresher } from './inboxSlice';
import { createLockSlice } from './lockSlice';
import { createOutboxSlice } from './outboxSlice';
import { createSettingsSlice } from './settingsSlice';
import type { FaxdeskState } from './types';
import { createUiSlice } from './uiSlice';

export type FaxdeskStore = StoreApi<FaxdeskState>;

/** A fresh vanilla store over the given bridge (the real `window.faxdesk`, or a fake in tests). */
export function createFaxdeskStore(api: FaxdeskApi): FaxdeskStore {
  const store = createStore<FaxdeskState>()((...a) => ({
    ...createAccountsSlice(api)(...a),
    ...createAuditSlice(api)(...a),
    ...createComposeSlice(api)(...a),
    ...createCoverSlice(api)(...a),
    ...createContactsSlice(api)(...a),
    ...createDocumentsSlice(api)(...a),
    ...createDraftsSlice(api)(...a),
    ...createFaxActionsSlice(api)(...a),
    ...createInboxSlice(api)(...a),
    ...createLockSlice(api)(...a),
    ...createOutboxSlice(api)(...a),
    ...createSettingsSlice(api)(...a),
    ...createUiSlice(api)(...a),
  }));
  // Compose remembers where it was opened from, whichever way it opened: Escape goes back there.
  store.subscribe((s, before) => {
    if (s.pane === 'compose' && before.pane !== 'compose') store.setState({ previousPane: before.pane });
  });
  return store;
}

/** Loads the first data and follows the core's events. Returns the unsubscribe. */
export function connectFaxdeskStore(store: FaxdeskStore, api: FaxdeskApi): () => void {
  const inbox = inboxRefresher(() => store.getState().refreshInbox());
  const offs = [
    watchForAutosave(store),
    api.on('files.saveFailed', ({ message }) => store.getState().notify(message)),
    api.on('drafts.changed', () => { if (store.getState().draftsStatus !== 'idle') void store.getState().loadDrafts(); }),
    api.on('outbox.jobChanged', (job) => store.getState().applyJob(job)),
    // The inbox: the view and the counts are asked again once a burst of changes settles.
    api.on('inbox.changed', () => inbox.schedule()),
    api.on('inbox.sync', (state) => store.getState().applyInboxSync(state)),
    api.on('inbox.faxArrived', (arrival) => store.getState().faxArrived(arrival)),
    api.on('inbox.notificationClicked', ({ faxId }) => store.getState().openFax(faxId)),
    api.on('accounts.changed', (accounts) => store.getState().setAccounts(accounts)),
    // A click on a notification about a fax opens it.
    api.on('notification.clicked', ({ faxId }) => store.setState({ pane: 'outbox', selectedJobId: faxId })),
    // The address book changed (an import, another window): the Contacts screen refetches once it has loaded.
    // Files from the desktop: the core queues them (a launch's arrive before this page listens), so they are taken, once.
    api.on('compose.openRequested', () => void store.getState().takeOpenRequests()),
    api.on('hotFolder.refused', ({ message }) => store.getState().notify(message)),
    api.on('updates.changed', (status) => store.getState().applyUpdateStatus(status)),
    api.on('contacts.changed', () => { if (store.getState().contactsStatus !== 'idle') void store.getState().loadContacts(); }),
    api.on('lock.changed', (state) => store.getState().applyLock(state)),
  ];
  void store.getState().loadLock();
  void store.getState().loadAccounts();
  void store.getState().loadOutbox();
  void store.getState().loadSettings();
  void store.getState().loadUpdateStatus();
  void store.getState().loadInboxCounts();
  void store.getState().loadInboxSync();
  void store.getState().takeOpenRequests();
  // The app opens on the Inbox (the receiving half of the product): its first page is asked for now.
  if (store.getState().pane === 'inbox') store.getState().showInbox(store.getState().inboxView);
  return () => {
    inbox.cancel();
    offs.forEach((off) => off());
  };
}
