import type { StateCreator } from 'zustand/vanilla';
import type { FaxdeskApi } from '../../common/ipc/bridge';
import type { AccountsSlice } from './accountsSlice';
import type { AuditSlice } from './auditSlice';
import type { ComposeSlice } from './composeSlice';
import type { ContactsSlice } from './contactsSlice';
import type { CoverSlice } from './coverSlice';
import type { DocumentsSlice } from './documentsSlice';
import type { DraftsSlice } from './draftsSlice';
import type { FaxActionsSlice } from './faxActionsSlice';
import type { InboxSlice } from './inboxSlice';
import type { LockSlice } from './lockSlice';
import type { OutboxSlice } from './outboxSlice';
import type { SettingsSlice } from './settingsSlice';
import type { UiSlice } from './uiSlice';

export type FaxdeskState = AccountsSlice & AuditSlice & ComposeSlice & ContactsSlice & CoverSlice & DocumentsSlice & DraftsSlice & FaxActionsSlice & InboxSlice & LockSlice & OutboxSlice & SettingsSlice & UiSlice;

/** Every slice gets the bridge injected, so tests can build a store over a fake API. */
export type SliceCreator<T> = (api: FaxdeskApi) => StateCreator<FaxdeskState, [], [], T>;
