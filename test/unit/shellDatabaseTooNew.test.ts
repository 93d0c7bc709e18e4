import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, it, vi } from 'vitest';
import { electronFake, state } from '../support/fakeElectron';

vi.mock('electron', () => electronFake);
vi.mock('keytar', () => {
  const keytar = { findCredentials: async () => [], getPassword: async () => null, setPassword: async () => {}, deletePassword: async () => false };
  return { ...keytar, default: keytar };
});

it('refuses, with a clear window, a database written by a newer Faxdesk, and leaves it unchanged', async () => {
  state.userData = mkdtempSync(join(tmpdir(), 'faxdesk-shell-newer-'));
  state.appPath = resolve(import.meta.dirname, '../..');
  const file = join(state.userData, 'faxdesk.sqlite');
  const db = new DatabaseSync(file);
  db.exec('CREATE TABLE future (x); PRAGMA user_version = 42;');
  db.close();
  const before = createHash('sha256').update(readFileSync(file)).digest('hex');
  const shell = (await import(/* @vite-ignore */ join(state.appPath, 'out/main/index.js'))) as { shellReady: Promise<unknown> };
  expect(await shell.shellReady).toBeUndefined();
  expect(state.errorBoxes).toEqual([{ title: 'Faxdesk cannot start', content: expect.stringContaining('newer version of Faxdesk') }]);
  expect(state.windows).toHaveLength(0);
  expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
});
