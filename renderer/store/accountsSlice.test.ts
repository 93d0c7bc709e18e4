import { describe, expect, it } from 'vitest';
import type { Account } from '../../common/domain/account';
import type { Result } from '../../common/ipc/result';
import { connectFaxdeskStore, createFaxdeskStore } from './createFaxdeskStore';
import { fakeApi } from './fakeApi';

/** An answer the core gave before its latest `accounts.changed` never replaces what that said. */
const account = (status: Account['status']): Account => ({
  id: 'front', name: 'Front desk', demo: false, hasSecret: true, status,
  settings: { provider: 'sinch', sinch: { projectId: 'p', keyId: 'k' } },
  capabilities: [], limits: {},
} as unknown as Account);

describe('accounts in the window', () => {
  it('a new account signed out by its first poll before the add is answered stays signed out', async () => {
    let answerAdd: (r: Result<Account>) => void = () => {};
    const fake = fakeApi({
      'accounts.list': () => ({ ok: true, value: [] }),
      'accounts.add': () => new Promise((resolve) => { answerAdd = resolve; }),
    });
    const store = createFaxdeskStore(fake.api);
    connectFaxdeskStore(store, fake.api);
    await new Promise((r) => setTimeout(r, 0));
    const saving = store.getState().saveAccount(null, { name: 'Front desk', secret: 'x', settings: account('connected').settings });
    await new Promise((r) => setTimeout(r, 0));
    // The core added it, its first poll was refused, and it said so before answering the add.
    fake.emit('accounts.changed', [account('signed_out')]);
    answerAdd({ ok: true, value: account(undefined as unknown as Account['status']) });
    await saving;
    expect(store.getState().accounts.map((a) => a.status)).toEqual(['signed_out']);
  });

  it('a list asked for before the latest change is not applied over it', async () => {
    let answerList: (r: Result<Account[]>) => void = () => {};
    const fake = fakeApi({ 'accounts.list': () => new Promise((resolve) => { answerList = resolve; }) });
    const store = createFaxdeskStore(fake.api);
    const loading = store.getState().loadAccounts();
    await new Promise((r) => setTimeout(r, 0));
    store.getState().setAccounts([account('signed_out')]);
    answerList({ ok: true, value: [account(undefined as unknown as Account['status'])] });
    await loading;
    expect(store.getState().accounts.map((a) => a.status)).toEqual(['signed_out']);
  });
});
