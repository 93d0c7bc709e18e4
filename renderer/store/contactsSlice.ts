import type { Contact, ContactDraft, Group, ImportPreview, RecipientSuggestion } from '../../common/domain/contact';
import type { ChosenFile } from '../../common/ipc/bridge';
import type { Result } from '../../common/ipc/result';
import type { SliceCreator } from './types';

/** The Contacts screen's list: what the core answered for the search typed, and the groups. */
export interface ContactsSlice {
  contacts: Contact[];
  /** How many contacts match the search (the list holds the first 1,000). */
  contactsTotal: number;
  contactGroups: Group[];
  contactsText: string;
  contactsStatus: 'idle' | 'loading' | 'ready' | 'error';
  contactsError: string | null;
  selectedContactId: string | null;
  /** A group shown instead of every contact. */
  contactsGroupId: string | null;
  loadContacts(): Promise<void>;
  setContactsText(text: string): void;
  selectContact(id: string | null): void;
  showContactGroup(id: string | null): void;
  /** The recipient field's list for what was typed (groups, contacts, numbers faxed before). */
  searchRecipients(text: string): Promise<RecipientSuggestion[]>;
  saveContact(id: string | null, draft: ContactDraft): Promise<Result<Contact>>;
  toggleFavourite(contact: Contact): Promise<void>;
  removeContact(id: string): Promise<Result<{ removed: boolean }>>;
  saveGroup(id: string | null, name: string, memberIds: string[]): Promise<Result<Group>>;
  removeGroup(id: string): Promise<Result<{ removed: boolean }>>;
  /** Reads a chosen file (in the core) and answers what importing it would do. */
  previewImport(file: ChosenFile): Promise<Result<ImportPreview>>;
  commitImport(previewId: string): Promise<Result<{ imported: number }>>;
  exportContacts(format: 'csv' | 'vcard'): Promise<Result<{ name: string; bytes: Uint8Array }>>;
}

export const createContactsSlice: SliceCreator<ContactsSlice> = (api) => (set, get) => {
  let asked = 0;
  return {
    contacts: [], contactsTotal: 0, contactGroups: [], contactsText: '', contactsStatus: 'idle', contactsError: null,
    selectedContactId: null, contactsGroupId: null,

    async loadContacts() {
      const ticket = ++asked;
      if (get().contactsStatus === 'idle') set({ contactsStatus: 'loading' });
      const text = get().contactsText.trim();
      const [list, groups] = await Promise.all([api.contacts.list(text ? { text } : {}), api.groups.list()]);
      if (ticket !== asked) return; // a later search answered first
      if (!list.ok || !groups.ok) {
        set({ contactsStatus: 'error', contactsError: (!list.ok ? list.error : !groups.ok ? groups.error : null)?.message ?? null });
        return;
      }
      set({ contacts: list.value.contacts, contactsTotal: list.value.total, contactGroups: groups.value, contactsStatus: 'ready', contactsError: null });
    },

    setContactsText(text) {
      set({ contactsText: text });
      void get().loadContacts();
    },

    selectContact: (id) => set({ selectedContactId: id }),
    showContactGroup: (id) => set({ contactsGroupId: id }),

    async searchRecipients(text) {
      const r = await api.contacts.search({ text, limit: 8 });
      return r.ok ? r.value : [];
    },

    async saveContact(id, draft) {
      const r = id ? await api.contacts.update({ id, change: draft }) : await api.contacts.add(draft);
      if (r.ok) {
        set({ selectedContactId: r.value.id });
        await get().loadContacts();
      }
      return r;
    },

    async toggleFavourite(contact) {
      const r = await api.contacts.update({ id: contact.id, change: { favourite: !contact.favourite } });
      if (r.ok) await get().loadContacts();
    },

    async removeContact(id) {
      const r = await api.contacts.remove({ id });
      if (r.ok) {
        if (get().selectedContactId === id) set({ selectedContactId: null });
        await get().loadContacts();
      }
      return r;
    },

    async saveGroup(id, name, memberIds) {
      const r = id ? await api.groups.update({ id, draft: { name, memberIds } }) : await api.groups.add({ name, memberIds });
      if (r.ok) await get().loadContacts();
      return r;
    },

    async removeGroup(id) {
      const r = await api.groups.remove({ id });
      if (r.ok) {
        if (get().contactsGroupId === id) set({ contactsGroupId: null });
        await get().loadContacts();
      }
      return r;
    },

    async previewImport(file) {
      return api.contacts.importPreview({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    },

    async commitImport(previewId) {
      const r = await api.contacts.import({ previewId });
      if (r.ok) await get().loadContacts();
      return r;
    },

    exportContacts: (format) => api.contacts.export({ format }),
  };
};
