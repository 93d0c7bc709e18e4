import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DRAG_OUT_CHANNEL, PRINT_CHANNEL } from '../../common/ipc/shellChannels';
import { INVOKE_CHANNELS } from '../../common/ipc/contract';
import { defaultSession, electronFake, state } from '../support/fakeElectron';
import { pdfBytes } from '../support/testKit';

/**
 * DESIGN §7: the built main bundle (out/main/index.js), loaded under Node with a fake `electron`
 * and an in-memory keytar. Asserts the wiring a person would otherwise check by running the app.
 */
const root = resolve(import.meta.dirname, '../..');
const mainBundle = join(root, 'out/main/index.js');
const preloadBundle = join(root, 'out/preload/index.cjs');
const keychain = new Map<string, string>();

vi.mock('electron', () => electronFake);
vi.mock('keytar', () => {
  const keytar = {
    getPassword: async (_s: string, k: string) => keychain.get(k) ?? null,
    setPassword: async (_s: string, k: string, v: string) => { keychain.set(k, v); },
    deletePassword: async (_s: string, k: string) => keychain.delete(k),
    findCredentials: async () => [],
  };
  return { ...keytar, default: keytar };
});

let core: { close(): Promise<void>; outbox: { tick(): Promise<void> } } | undefined;
const argv = process.argv;
const desktop = process.env.XDG_CURRENT_DESKTOP;
let files = '';

beforeAll(async () => {
  if (!existsSync(mainBundle)) throw new Error('out/main/index.js is missing: run `npm run build` before this test');
  state.userData = mkdtempSync(join(tmpdir(), 'faxdesk-shell-'));
  state.appPath = root;
  // Launched as `faxdesk First.pdf --to …` on a desktop with a tray.
  files = mkdtempSync(join(tmpdir(), 'faxdesk-shell-files-'));
  for (const name of ['First.pdf', 'Second.pdf', 'Opened.pdf']) writeFileSync(join(files, name), await pdfBytes({ pages: 1 }));
  process.argv = ['/opt/Faxdesk/faxdesk', join(files, 'First.pdf'), '--to', '+1', '201', '555', '0100'];
  process.env.XDG_CURRENT_DESKTOP = 'KDE';
  const shell = (await import(/* @vite-ignore */ mainBundle)) as { shellReady: Promise<typeof core> };
  core = await shell.shellReady;
  if (!core) console.error("shell did not start:", JSON.stringify(state.errorBoxes));
});
afterAll(async () => {
  process.argv = argv;
  if (desktop === undefined) delete process.env.XDG_CURRENT_DESKTOP;
  else process.env.XDG_CURRENT_DESKTOP = desktop;
  await core?.close();
});

/** The compose requests the window was sent, by their files' names. */
const openedInWindow = () => state.windows[0]!.webContents.sent
  .filter(([channel]) => channel === 'compose.openRequested')
  .map(([, payload]) => payload as { documents: Array<{ name: string }>; to?: string; refusals: string[] });

describe('Electron shell smoke test (fake electron)', () => {
  it('starts the core and opens exactly one window on the app origin', () => {
    expect(core).toBeDefined();
    expect(state.errorBoxes).toEqual([]);
    expect(state.windows).toHaveLength(1);
    expect(state.windows[0]!.loadedUrl).toBe('app://faxdesk/index.html');
  });

  it('uses secure webPreferences', () => {
    const prefs = state.windows[0]!.options.webPreferences!;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('points at a preload that exists in the build and is one CommonJS file', () => {
    const prefs = state.windows[0]!.options.webPreferences!;
    expect(prefs.preload).toBe(preloadBundle);
    expect(existsSync(preloadBundle)).toBe(true);
    const code = readFileSync(preloadBundle, 'utf8');
    expect(code).toMatch(/require\(["']electron["']\)/);
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/^\s*export\s/m); // an ES module statement (the word in a comment is fine)
    // Nothing but electron is required: a sandboxed preload cannot load anything else.
    const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(code).toContain('exposeInMainWorld');
  });

  it('registers every contract channel, and the window’s print, exactly once', () => {
    expect([...state.ipcHandles.keys()].sort()).toEqual([...INVOKE_CHANNELS, PRINT_CHANNEL].sort());
    for (const handlers of state.ipcHandles.values()) expect(handlers).toHaveLength(1);
  });

  it('offers saves through the system dialog, and a failed save reaches the window in words', () => {
    const win = state.windows[0]!;
    const [onDownload] = win.webContents.session.listeners.get('will-download') ?? [];
    expect(onDownload).toBeDefined();
    const done: Array<(event: unknown, result: string) => void> = [];
    const offered: unknown[] = [];
    onDownload!({}, {
      getFilename: () => 'Fax 2026-12-01 1405 from +1 415 555 2100, 3 pages.pdf',
      getSavePath: () => '/read-only/Fax.pdf',
      setSaveDialogOptions: (options: unknown) => offered.push(options),
      once: (_event: string, fn: (event: unknown, result: string) => void) => done.push(fn),
    });
    expect(offered).toEqual([expect.objectContaining({ defaultPath: 'Fax 2026-12-01 1405 from +1 415 555 2100, 3 pages.pdf' })]);
    const before = win.webContents.sent.length;
    done[0]!({}, 'interrupted');
    expect(win.webContents.sent.slice(before)).toEqual([['files.saveFailed', expect.objectContaining({ message: expect.stringContaining('could not be saved') })]]);
  });

  it('prints the asking window with the system dialog, each page fitted to the paper', async () => {
    const [handler] = state.ipcHandles.get(PRINT_CHANNEL)!;
    const asked: unknown[] = [];
    const sender = { print: (options: unknown, done: (success: boolean, reason: string) => void) => { asked.push(options); done(true, ''); } };
    await expect(handler!({ senderFrame: { url: 'app://faxdesk/index.html', parent: null }, sender }, { jobName: 'Faxdesk — 3 pages' }))
      .resolves.toEqual({ ok: true, value: { printed: true } });
    expect(asked).toEqual([expect.objectContaining({ silent: false, margins: { marginType: 'printableArea' } })]);
  });

  it('listens for a fax dragged out of the window', () => {
    expect([...state.ipcListeners.keys()]).toEqual([DRAG_OUT_CHANNEL]);
  });

  it('refuses every permission in the app’s session and keeps PHI out of the window title', () => {
    let granted: boolean | undefined;
    defaultSession.permissionRequestHandler!({}, 'media', (answer) => { granted = answer; }, {});
    expect(granted).toBe(false);
    expect(defaultSession.permissionCheckHandler!({}, 'notifications', 'app://faxdesk', {})).toBe(false);
    expect(state.windows[0]!.listeners.get('page-title-updated')).toHaveLength(1);
  });

  it('denies navigation and window.open', () => {
    const contents = state.windows[0]!.webContents;
    const prevented = { value: false };
    for (const listener of contents.listeners.get('will-navigate') ?? []) listener({ preventDefault: () => { prevented.value = true; } }, 'https://evil.example');
    expect(prevented.value).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    expect(state.appEvents.get('web-contents-created')).toHaveLength(1);
  });

  it('registers the app:// scheme as privileged and serves only renderer files', async () => {
    expect(state.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    const handler = state.protocolHandlers.get('app')!;
    const ok = (await handler({ url: 'app://faxdesk/index.html' })) as Response;
    expect(await ok.text()).toContain(join('out', 'renderer', 'index.html'));
    const escape = (await handler({ url: 'app://faxdesk/..%2F..%2Fpackage.json' })) as Response;
    expect(escape.status).toBe(404);
  });

  it('answers IPC only from the app main frame', async () => {
    const [handler] = state.ipcHandles.get('app.info')!;
    await expect(handler!({ senderFrame: { url: 'app://faxdesk/index.html', parent: null } }, {})).resolves.toMatchObject({ ok: true, value: { host: 'electron' } });
    await expect(handler!({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('reads documents in a utility process started from the built taskWorker.js next to index.js', async () => {
    expect(existsSync(join(root, 'out/main/taskWorker.js'))).toBe(true);
    const [add] = state.ipcHandles.get('documents.add')!;
    const added = await add!({ senderFrame: { url: 'app://faxdesk/index.html', parent: null } }, { name: 'smoke.pdf', bytes: await pdfBytes({ pages: 2 }) });
    expect(added).toMatchObject({ ok: true, value: { name: 'smoke.pdf', pages: 2 } });
    expect(state.utilityForks).toEqual([{
      modulePath: join(root, 'out/main/taskWorker.js'),
      options: expect.objectContaining({ serviceName: 'Faxdesk tasks', env: expect.objectContaining({ MALLOC_MMAP_THRESHOLD_: '131072' }) }),
    }]);
  });

  it('connects powerMonitor and notifications to the core, forwarding events to the window', async () => {
    expect(state.powerEvents.get('resume')).toHaveLength(1);
    const [list] = state.ipcHandles.get('accounts.list')!;
    await list!({ senderFrame: { url: 'app://faxdesk/index.html', parent: null } }, {});
    const [test] = state.ipcHandles.get('accounts.test')!;
    await test!({ senderFrame: { url: 'app://faxdesk/index.html', parent: null } }, { id: 'missing' });
    // accounts.changed events reach the window through webContents.send
    const before = state.windows[0]!.webContents.sent.length;
    const [add] = state.ipcHandles.get('accounts.add')!;
    await add!({ senderFrame: { url: 'app://faxdesk/index.html', parent: null } }, {
      name: 'Smoke', secret: 's3cret-value', settings: { provider: 'sinch', sinch: { projectId: 'p', keyId: 'k' } },
    });
    expect(state.windows[0]!.webContents.sent.length).toBeGreaterThan(before);
    expect(state.windows[0]!.webContents.sent.at(-1)![0]).toBe('accounts.changed');
    // The account's secret, and the documents' master key (made when the smoke document was stored): both in the keychain.
    expect([...keychain.keys()].sort()).toEqual([expect.stringMatching(/^account:/), 'files:masterKey']);
    expect(JSON.stringify(state.windows[0]!.webContents.sent)).not.toContain('s3cret-value');
  });

  it('puts the unread count on the dock or taskbar badge', async () => {
    await vi.waitFor(() => expect(state.badgeCounts).toEqual([0]), { timeout: 10_000 });
  });

  it('takes the lock of a single instance; the first launch’s files and --to open compose in the window', async () => {
    expect(state.quitCalled).toBe(0);
    await vi.waitFor(() => expect(openedInWindow()).toContainEqual(expect.objectContaining({ documents: [expect.objectContaining({ name: 'First.pdf' })], to: '+12015550100', refusals: [] })), { timeout: 15_000 });
  });

  it('a second launch’s arguments reach the core, and compose’s event carries its files and refusals', async () => {
    const [secondInstance] = state.appEvents.get('second-instance') ?? [];
    expect(state.appEvents.get('second-instance')).toHaveLength(1);
    const shownBefore = state.windows[0]!.shown;
    secondInstance!({}, ['/opt/Faxdesk/faxdesk', '--allow-file-access-from-files', 'Second.pdf', 'Missing.pdf'], files);
    expect(state.windows[0]!.shown).toBe(shownBefore + 1);
    await vi.waitFor(() => expect(openedInWindow()).toContainEqual({
      id: expect.any(String), documents: [expect.objectContaining({ name: 'Second.pdf', pages: 1 })],
      refusals: ['Missing.pdf was not opened: there is no such file. It may have been moved or deleted.'],
    }), { timeout: 15_000 });
  });

  it('macOS open-file opens compose with the file', async () => {
    let prevented = false;
    state.appEvents.get('open-file')!.forEach((fn) => fn({ preventDefault: () => { prevented = true; } }, join(files, 'Opened.pdf')));
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(openedInWindow()).toContainEqual(expect.objectContaining({ documents: [expect.objectContaining({ name: 'Opened.pdf' })] })), { timeout: 15_000 });
  });

  it('puts a tray icon up with counts in its tooltip and New fax / Open / Quit; closing the window hides it', async () => {
    expect(state.trays).toHaveLength(1);
    const tray = state.trays[0]!;
    await vi.waitFor(() => expect(tray.tooltip).toBe('Faxdesk'));
    expect(tray.menu.map((item) => item.label ?? item.type)).toEqual(['New fax', 'Open Faxdesk', 'separator', 'Quit Faxdesk']);
    const before = openedInWindow().length;
    tray.menu.find((item) => item.label === 'New fax')!.click!();
    await vi.waitFor(() => expect(openedInWindow()).toHaveLength(before + 1));
    expect(openedInWindow().at(-1)).toMatchObject({ documents: [], refusals: [] });
    const win = state.windows[0]!;
    let prevented = false;
    win.listeners.get('close')!.forEach((fn) => fn({ preventDefault: () => { prevented = true; } }));
    expect([prevented, win.hidden]).toEqual([true, 1]);
  });
});
