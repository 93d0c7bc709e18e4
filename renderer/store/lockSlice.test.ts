import { describe, expect, it } from 'vitest';
import type { LockState } from '../../common/domain/lock';
import { createFaxdeskStore } from './createFaxdeskStore';
import { fakeApi } from './fakeApi';
import { NO_PIN_NOTE } from './lockSlice';

const unlocked = (pinSet: boolean): LockState => ({ locked: false, pinSet, autoLock: pinSet, failedTries: 0, retryInMs: 0 });

describe('lock slice (Ctrl+L)', () => {
  it('without a PIN, says how to set one and asks the core nothing', async () => {
    const { api, callsTo } = fakeApi({ 'lock.state': () => ({ ok: true, value: unlocked(false) }) });
    const store = createFaxdeskStore(api);
    await store.getState().loadLock();
    await store.getState().lockNow();
    expect(callsTo('lock.lock')).toEqual([]);
    expect(store.getState().notice).toMatchObject({ text: NO_PIN_NOTE, go: 'settings' });
  });

  it('with a PIN, keeps compose as a draft first, then locks', async () => {
    const order: string[] = [];
    const { api } = fakeApi({
      'lock.state': () => ({ ok: true, value: unlocked(true) }),
      'drafts.save': () => { order.push('drafts.save'); return { ok: true, value: { id: 'd1', updatedAt: '2026-03-02T09:00:00Z' } }; },
      'lock.lock': () => { order.push('lock.lock'); return { ok: true, value: { ...unlocked(true), locked: true } }; },
    });
    const store = createFaxdeskStore(api);
    await store.getState().loadLock();
    store.setState({ pane: 'compose', numberText: '+1 415 555 2100' });
    await store.getState().lockNow();
    expect(order).toEqual(['drafts.save', 'lock.lock']);
  });

  it('a refusal from the core is said in its words', async () => {
    const { api } = fakeApi({
      'lock.state': () => ({ ok: true, value: unlocked(true) }),
      'lock.lock': () => ({ ok: false, error: { code: 'invalid_input', message: 'Faxdesk cannot lock until a PIN is set: nobody could unlock it.', nextStep: 'Set a PIN in Settings, under Lock, then lock again.', retryable: false, action: { kind: 'open_settings' } } }),
    });
    const store = createFaxdeskStore(api);
    await store.getState().loadLock();
    await store.getState().lockNow();
    expect(store.getState().notice).toMatchObject({ text: expect.stringMatching(/cannot lock until a PIN is set/), go: 'settings' });
  });
});
