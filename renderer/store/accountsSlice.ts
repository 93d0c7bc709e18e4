import type { Account, AccountDraft } from '../../common/domain/account';
import type { OutputOf } from '../../common/ipc/contract';
import type { Result } from '../../common/ipc/result';
import type { SliceCreator } from './types';

export type ConnectionTest = OutputOf<'accounts.test'>;
export type LoadStatus = 'loading' | 'ready' | 'error';

export interface AccountsSlice {
  accounts: Account[];
  accountsStatus: LoadStatus;
  accountsError: string | null;
  loadAccounts(): Promise<void>;
  /** Replaces the list (from `accounts.changed`). */
  setAccounts(accounts: Account[]): void;
  /** Adds (id null) or updates an account. The caller shows `error.fields` next to inputs. */
  saveAccount(id: string | null, draft: AccountDraft): Promise<Result<Account>>;
  removeAccount(id: string): Promise<Result<{ removed: boolean }>>;
  testAccount(id: string): Promise<Result<ConnectionTest>>;
}

export const createAccountsSlice: SliceCreator<AccountsSlice> = (api) => (set, get) => {
  /**
   * `accounts.changed` lists heard so far. An answer to a request made before the last of them
   * is older than what the window shows (a new account's first poll may sign it out between the
   * request and its answer) and must not replace it.
   */
  let heard = 0;

  return {
    accounts: [],
    accountsStatus: 'loading',
    accountsError: null,

    async loadAccounts() {
      const before = heard;
      const r = await api.accounts.list();
      if (heard !== before) return;
      if (r.ok) set({ accounts: r.value, accountsStatus: 'ready', accountsError: null });
      else set({ accountsStatus: 'error', accountsError: r.error.message });
    },

    setAccounts: (accounts) => {
      heard += 1;
      set({ accounts, accountsStatus: 'ready', accountsError: null });
    },

    async saveAccount(id, draft) {
      const before = heard;
      const r = id === null ? await api.accounts.add(draft) : await api.accounts.update({ id, draft });
      // The core said so meanwhile, with the saved account in a list newer than this answer.
      if (r.ok && heard !== before) return r;
      if (r.ok) {
        const saved = r.value;
        const others = get().accounts.filter((a) => a.id !== saved.id);
        const index = get().accounts.findIndex((a) => a.id === saved.id);
        const next = [...others];
        next.splice(index < 0 ? next.length : index, 0, saved);
        set({ accounts: next });
        // The core may have checked the account since it answered: ask again (an answer older than
        // a change heard meanwhile is dropped by loadAccounts).
        void get().loadAccounts();
      }
      return r;
    },

    async removeAccount(id) {
      const r = await api.accounts.remove({ id });
      if (r.ok) {
        set((s) => ({
          accounts: s.accounts.filter((a) => a.id !== id),
          composeAccountId: s.composeAccountId === id ? null : s.composeAccountId,
        }));
      }
      return r;
    },

    testAccount: (id) => api.accounts.test({ id }),
  };
};
