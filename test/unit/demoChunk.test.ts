import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronFake, state } from '../support/fakeElectron';

/**
 * The Demo accounts' emulators ship in the app but cost nothing until a demo account is used:
 * they sit in their own chunk of the built main bundle, which the core reaches only through the
 * demo port, by a dynamic import.
 */
const root = resolve(import.meta.dirname, '../..');
const outMain = join(root, 'out/main');
const chunkName = () => {
  const found = readdirSync(join(outMain, 'chunks')).filter((name) => name.startsWith('emulators-'));
  if (found.length !== 1) throw new Error(`expected one emulators chunk in out/main/chunks, found ${found.join(', ') || 'none'} (run npm run build)`);
  return found[0]!;
};

vi.mock('electron', () => electronFake);
vi.mock('keytar', () => {
  const keytar = { findCredentials: async () => [], getPassword: async () => null, setPassword: async () => {}, deletePassword: async () => false };
  return { ...keytar, default: keytar };
});

describe('the demo emulators are a lazily loaded chunk', () => {
  it('in the build: a chunk of their own, reached from the main bundle only by a dynamic import', () => {
    const main = readFileSync(join(outMain, 'index.js'), 'utf8');
    const chunk = readFileSync(join(outMain, 'chunks', chunkName()), 'utf8');
    expect(chunk).toMatch(/\bSinchEmulatorApp = class\b|class SinchEmulatorApp\b/);
    expect(chunk).toMatch(/\bWelkinEmulatorApp = class\b|class WelkinEmulatorApp\b/);
    expect(main).not.toContain('SinchEmulatorApp');
    expect(main).not.toContain('WelkinEmulatorApp');
    expect(main).toContain(`import("./chunks/${chunkName()}")`);
    const staticImports = [...main.matchAll(/^\s*(?:import|export)\b[^;]*?from\s*["']([^"']+)["']/gm)].map((m) => m[1]);
    expect(staticImports.filter((path) => path!.includes('emulators'))).toEqual([]);
  });

  it('at run time: a start with the demo accounts unused does not load it; using one does', async () => {
    let loads = 0;
    vi.doMock(join(outMain, 'chunks', chunkName()), async (importOriginal) => {
      loads++;
      return importOriginal();
    });
    state.userData = mkdtempSync(join(tmpdir(), 'faxdesk-demo-chunk-'));
    state.appPath = root;
    const shell = (await import(/* @vite-ignore */ join(outMain, 'index.js'))) as { shellReady: Promise<{ close(): Promise<void> } | undefined> };
    const core = await shell.shellReady;
    expect(core).toBeDefined();
    const frame = { senderFrame: { url: 'app://faxdesk/index.html', parent: null } };
    const call = (channel: string, input: unknown) => state.ipcHandles.get(channel)![0]!(frame, input) as Promise<{ ok: boolean; value: unknown }>;
    const accounts = (await call('accounts.list', {})).value as Array<{ id: string; demo: boolean; status: string; settings: { provider: string } }>;
    expect(accounts.filter((a) => a.demo)).toHaveLength(2);
    // The start-up check ran (every account has a status) without starting an emulator.
    await vi.waitFor(async () => {
      const listed = (await call('accounts.list', {})).value as Array<{ status: string }>;
      expect(listed.every((a) => a.status === 'connected')).toBe(true);
    });
    expect(loads).toBe(0);

    const sinchDemo = accounts.find((a) => a.demo && a.settings.provider === 'sinch')!;
    expect(await call('accounts.test', { id: sinchDemo.id })).toMatchObject({ ok: true, value: { ok: true } });
    expect(loads).toBe(1);
    await core!.close();
  });
});
