import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it, vi } from 'vitest';
import { electronFake, state } from '../support/fakeElectron';

vi.mock('electron', () => electronFake);
vi.mock('keytar', () => {
  const broken = { findCredentials: async () => { throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'); } };
  return { ...broken, default: broken };
});

it('shows a clear error window, not a crash, when the keychain is unavailable', async () => {
  state.userData = mkdtempSync(join(tmpdir(), 'faxdesk-shell-err-'));
  state.appPath = resolve(import.meta.dirname, '../..');
  const shell = (await import(/* @vite-ignore */ join(state.appPath, 'out/main/index.js'))) as { shellReady: Promise<unknown> };
  expect(await shell.shellReady).toBeUndefined();
  expect(state.errorBoxes).toEqual([{ title: 'Faxdesk cannot start', content: expect.stringContaining('keychain is not available') }]);
  expect(state.errorBoxes[0]!.content).toContain('gnome-keyring');
  expect(state.windows).toHaveLength(0);
  expect(state.ipcHandles.size).toBe(0);
  expect(state.quitCalled).toBe(1);
});
