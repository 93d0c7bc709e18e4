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

export const createAccountsSlice: SliceCreator<AccountsSlice> = (api) => (set, get) => ({
  accounts: [],
  accountsStatus: 'loading',
  accountsError: null,

  async loadAccounts() {
    const r = await api.accounts.list();
    if (r.ok) set({ accounts: r.value, accountsStatus: 'ready', accountsError: null });
    else set({ accountsStatus: 'error', accountsError: r.error.message });
  },

  setAccounts: (accounts) => set({ accounts, accountsStatus: 'ready', accountsError: null }),

  async saveAccount(id, draft) {
    const r = id === null ? await api.accounts.add(draft) : await api.accounts.update({ id, draft });
    if (r.ok) {
      const saved = r.value;
      const others = get().accounts.filter((a) => a.id !== saved.id);
      const index = get().accounts.findIndex((a) => a.id === saved.id);
      const next = [...others];
      next.splice(index < 0 ? next.length : index, 0, saved);
      set({ accounts: next });
      // The core may already have checked the account (a new account's first inbox poll starts at
      // once) and said so in an `accounts.changed` that arrived before this answer: ask again, so a
      // stale "not checked yet" never hides a refused sign-in.
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
});
