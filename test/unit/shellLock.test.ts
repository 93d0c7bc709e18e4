import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../main/core/app';
import { electronFake, state } from '../support/fakeElectron';

/**
 * The lock through the built shell (out/main/index.js) with the fake electron: powerMonitor's
 * lock-screen and suspend lock the core, the window then hears nothing but lock.changed, and a
 * new fax's notice says only "New fax".
 */
vi.mock('electron', () => electronFake);
vi.mock('keytar', () => {
  const keytar = { findCredentials: async () => [], getPassword: async () => null, setPassword: async () => {}, deletePassword: async () => false };
  return { ...keytar, default: keytar };
});

const root = resolve(import.meta.dirname, '../..');
const frame = { senderFrame: { url: 'app://faxdesk/index.html', parent: null } };
let core: Core | undefined;

async function invoke(channel: string, input: unknown = {}): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const [handler] = state.ipcHandles.get(channel)!;
  return handler!(frame, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
}
const power = (event: string) => state.powerEvents.get(event)!.forEach((fn) => fn());
const locked = async () => ((await invoke('lock.state')).value as { locked: boolean }).locked;

beforeAll(async () => {
  const bundle = join(root, 'out/main/index.js');
  if (!existsSync(bundle)) throw new Error('out/main/index.js is missing: run `npm run build` before this test');
  state.userData = mkdtempSync(join(tmpdir(), 'faxdesk-shell-lock-'));
  state.appPath = root;
  core = await ((await import(/* @vite-ignore */ bundle)) as { shellReady: Promise<Core | undefined> }).shellReady;
  expect(core).toBeDefined();
  expect(await invoke('lock.setPin', { pin: '2468' })).toMatchObject({ ok: true });
});
afterAll(async () => { await core?.close(); });

describe('the shell and the lock (fake electron)', () => {
  it('the OS screen lock locks Faxdesk: the window is refused fax data and hears only lock.changed until unlocked', async () => {
    expect(state.powerEvents.get('lock-screen')).toHaveLength(1);
    const sent = state.windows[0]!.webContents.sent;
    const before = sent.length;
    power('lock-screen');
    expect(await locked()).toBe(true);
    expect((await invoke('inbox.list', {})).error?.code).toBe('locked');
    core!.events.emit('contacts.changed', {});
    core!.events.emit('inbox.changed', { ids: ['f1'] } as never);
    expect(sent.slice(before).map(([event]) => event)).toEqual(['lock.changed']);

    // A fax arrives while locked: the notice says only "New fax".
    core!.events.emit('inbox.faxArrived', { faxId: 'f1', accountId: 'a1', fromLast4: '2100', pages: 3, demo: false } as never);
    await vi.waitFor(() => expect(state.notifications.at(-1)).toMatchObject({ title: 'Faxdesk', body: 'New fax' }));

    expect(await invoke('lock.unlock', { pin: '2468' })).toMatchObject({ ok: true, value: { locked: false } });
    core!.events.emit('contacts.changed', {});
    expect(sent.at(-1)![0]).toBe('contacts.changed');
  });

  it('going to sleep locks Faxdesk; waking leaves it locked', async () => {
    expect(state.powerEvents.get('suspend')).toHaveLength(1);
    power('suspend');
    expect(await locked()).toBe(true);
    power('resume');
    expect(await locked()).toBe(true);
    expect(await invoke('lock.unlock', { pin: '2468' })).toMatchObject({ ok: true });
  });
});
