import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FaxdeskApi } from '../../common/ipc/bridge';
import { createAccountsSlice } from './accountsSlice';
import { createComposeSlice } from './composeSlice';
import { createCoverSlice } from './coverSlice';
import { createContactsSlice } from './contactsSlice';
import { createDocumentsSlice } from './documentsSlice';
import { createOutboxSlice } from './outboxSlice';
import { createSettingsSlice } from './settingsSlice';
import type { FaxdeskState } from './types';
import { createUiSlice } from './uiSlice';

export type FaxdeskStore = StoreApi<FaxdeskState>;

/** A fresh vanilla store over the given bridge (the real `window.faxdesk`, or a fake in tests). */
export function createFaxdeskStore(api: FaxdeskApi): FaxdeskStore {
  return createStore<FaxdeskState>()((...a) => ({
    ...createAccountsSlice(api)(...a),
    ...createComposeSlice(api)(...a),
    ...createCoverSlice(api)(...a),
    ...createContactsSlice(api)(...a),
    ...createDocumentsSlice(api)(...a),
    ...createOutboxSlice(api)(...a),
    ...createSettingsSlice(api)(...a),
    ...createUiSlice(api)(...a),
  }));
}

/** Loads the first data and follows the core's events. Returns the unsubscribe. */
export function connectFaxdeskStore(store: FaxdeskStore, api: FaxdeskApi): () => void {
  const offs = [
    api.on('outbox.jobChanged', (job) => store.getState().applyJob(job)),
    api.on('accounts.changed', (accounts) => store.getState().setAccounts(accounts)),
    // A click on a notification about a fax opens it.
    api.on('notification.clicked', ({ faxId }) => store.setState({ pane: 'outbox', selectedJobId: faxId })),
    // The address book changed (an import, another window): the Contacts screen refetches once it has loaded.
    api.on('contacts.changed', () => { if (store.getState().contactsStatus !== 'idle') void store.getState().loadContacts(); }),
  ];
  void store.getState().loadAccounts();
  void store.getState().loadOutbox();
  void store.getState().loadSettings();
  return () => offs.forEach((off) => off());
}
