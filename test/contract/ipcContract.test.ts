import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../common/ipc/contract';
import { AppError } from '../../common/ipc/result';
import { createDispatcher, type Handlers } from '../../main/core/ipc/dispatcher';
import { createSenderCheck, registerIpc, type IpcInvokeEventLike } from '../../main/core/ipc/registerIpc';
import { createLogger } from '../../main/core/log';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** An in-memory ipcMain: records registrations and lets the test invoke like a renderer would. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const counts = new Map<string, number>();
  return {
    handle(channel: string, listener: Listener) {
      counts.set(channel, (counts.get(channel) ?? 0) + 1);
      handlers.set(channel, listener);
    },
    counts,
    invoke(channel: string, input: unknown, frame: IpcInvokeEventLike['senderFrame'] = { url: 'app://faxdesk/index.html', parent: null }) {
      const listener = handlers.get(channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      return listener({ senderFrame: frame }, input);
    },
  };
}

const logLines: string[] = [];
const log = createLogger((_level, line) => logLines.push(line));

/** A full handler table whose behaviour each test overrides. */
function handlerTable(overrides: Partial<Handlers> = {}): Handlers {
  const notUsed = () => { throw new Error('not used in this test'); };
  const table = Object.fromEntries(INVOKE_CHANNELS.map((channel) => [channel, notUsed])) as unknown as Handlers;
  return { ...table, 'app.info': () => ({ version: '1.2.3', host: 'electron' }), ...overrides };
}

function setup(overrides: Partial<Handlers> = {}) {
  const ipc = fakeIpcMain();
  registerIpc(ipc, createDispatcher(handlerTable(overrides), log), createSenderCheck('app://faxdesk'));
  return ipc;
}

describe('registerIpc', () => {
  it('registers every contract channel exactly once', () => {
    const ipc = setup();
    expect([...ipc.counts.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect([...ipc.counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('answers the app origin main frame with an ok envelope', async () => {
    const ipc = setup();
    await expect(ipc.invoke('app.info', {})).resolves.toEqual({ ok: true, value: { version: '1.2.3', host: 'electron' } });
  });

  it('refuses a call from a foreign origin', async () => {
    const ipc = setup();
    const result = await ipc.invoke('app.info', {}, { url: 'https://evil.example/page', parent: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('refuses a call from a sub-frame of the app', async () => {
    const ipc = setup();
    const result = await ipc.invoke('app.info', {}, { url: 'app://faxdesk/frame.html', parent: { url: 'app://faxdesk/index.html' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('refuses a call with no sender frame, or a file:// page', async () => {
    const ipc = setup();
    expect(await ipc.invoke('app.info', {}, null)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await ipc.invoke('app.info', {}, { url: 'file:///tmp/index.html', parent: null })).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('returns invalid_input with field messages for malformed input, without calling the handler', async () => {
    let called = false;
    const ipc = setup({ 'fax.send': () => { called = true; return []; } });
    const result = await ipc.invoke('fax.send', { accountId: 'a', to: ['not a number'], documentIds: [] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const error = (result as { error: { fields: Record<string, string> } }).error;
    expect(Object.keys(error.fields)).toEqual(expect.arrayContaining(['to.0', 'documentIds']));
    expect(called).toBe(false);
  });

  it('refuses unknown keys on strict inputs', async () => {
    const ipc = setup({ 'accounts.remove': () => ({ removed: true }) });
    expect(await ipc.invoke('accounts.remove', { id: 'x', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('turns a thrown error into { ok:false } with a code, not a crash', async () => {
    const ipc = setup({ 'outbox.list': () => { throw new TypeError('boom'); } });
    const result = await ipc.invoke('outbox.list', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('Something went wrong'), nextStep: expect.any(String), retryable: true, action: { kind: 'retry' } },
    });
    expect(logLines.some((line) => line.includes('handler crashed') && line.includes('boom'))).toBe(true);
  });

  it('passes an AppError through with its code and next step', async () => {
    const ipc = setup({ 'outbox.retry': () => { throw AppError.of('conflict', 'Only a failed fax can be retried.', { nextStep: 'Wait.' }); } });
    expect(await ipc.invoke('outbox.retry', { id: 'j1' })).toEqual({
      ok: false, error: { code: 'conflict', message: 'Only a failed fax can be retried.', nextStep: 'Wait.', retryable: false, action: { kind: 'none' } },
    });
  });

  it('refuses handler output that breaks the contract', async () => {
    const ipc = setup({ 'app.info': () => ({ version: 42 } as unknown as { version: string; host: 'electron' }) });
    expect(await ipc.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('answers an unknown channel through the dispatcher with invalid_input', async () => {
    const dispatch = createDispatcher(handlerTable(), log);
    expect(await dispatch('fax.nuke', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Names inherited from Object.prototype are not channels either.
    expect(await dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
