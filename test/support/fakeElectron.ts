/**
 * A fake `electron` module for the shell smoke test: records what the shell asks of Electron so the
 * test can assert the wiring without the Electron binary (which these machines cannot download).
 */
import { fork } from 'node:child_process';

type Handler = (...args: unknown[]) => unknown;

export interface FakeElectronState {
  userData: string;
  appPath: string;
  windows: FakeBrowserWindow[];
  ipcHandles: Map<string, Handler[]>;
  /** One-way messages from the page (`ipcMain.on`): the drag out of a fax. */
  ipcListeners: Map<string, Handler[]>;
  privilegedSchemes: unknown[];
  protocolHandlers: Map<string, Handler>;
  appEvents: Map<string, Handler[]>;
  powerEvents: Map<string, Handler[]>;
  errorBoxes: Array<{ title: string; content: string }>;
  notifications: Array<{ title: string; body: string; click(): void }>;
  /** Each count the shell put on the dock or taskbar badge. */
  badgeCounts: number[];
  quitCalled: number;
  /** What requestSingleInstanceLock answers (false: another Faxdesk holds it). */
  singleInstanceLock: boolean;
  trays: FakeTray[];
  /** Each utilityProcess.fork the shell made: the module and the options it gave. */
  utilityForks: Array<{ modulePath: string; options: { serviceName?: string; execArgv?: string[]; env?: NodeJS.ProcessEnv } }>;
}

export const state: FakeElectronState = {
  userData: '', appPath: '', windows: [], ipcHandles: new Map(), ipcListeners: new Map(), privilegedSchemes: [], protocolHandlers: new Map(),
  appEvents: new Map(), powerEvents: new Map(), errorBoxes: [], notifications: [], badgeCounts: [], quitCalled: 0,
  singleInstanceLock: true, trays: [], utilityForks: [],
};

/**
 * utilityProcess.fork played by a real Node child process (its IPC channel standing in for
 * Electron's parentPort): the core's tasks really run in it, through the shell's adapter.
 */
function utilityFork(modulePath: string, args: string[] = [], options: { serviceName?: string; execArgv?: string[]; env?: NodeJS.ProcessEnv } = {}) {
  state.utilityForks.push({ modulePath, options });
  const child = fork(modulePath, args, { execArgv: options.execArgv ?? [], env: options.env, serialization: 'advanced', stdio: 'inherit' });
  return {
    postMessage: (message: unknown) => child.send(message as object),
    on(event: 'message' | 'exit', listener: Handler) {
      if (event === 'exit') child.on('exit', (code) => listener(code ?? 1));
      else child.on('message', listener);
      return this;
    },
    kill: () => child.kill(),
  };
}

const push = (map: Map<string, Handler[]>, key: string, fn: Handler) => map.set(key, [...(map.get(key) ?? []), fn]);

/** A session's listeners (`will-download`), for the downloads the shell watches, and its permission handlers. */
export class FakeSession {
  listeners = new Map<string, Handler[]>();
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | undefined;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | undefined;
  devicePermissionHandler: ((details: unknown) => boolean) | undefined;
  on(event: string, fn: Handler) { push(this.listeners, event, fn); return this; }
  setPermissionRequestHandler(fn: FakeSession['permissionRequestHandler']) { this.permissionRequestHandler = fn; }
  setPermissionCheckHandler(fn: FakeSession['permissionCheckHandler']) { this.permissionCheckHandler = fn; }
  setDevicePermissionHandler(fn: FakeSession['devicePermissionHandler']) { this.devicePermissionHandler = fn; }
}

/** `session.defaultSession`: the one every window of the app uses. */
export const defaultSession = new FakeSession();

class FakeWebContents {
  session = new FakeSession();
  listeners = new Map<string, Handler[]>();
  windowOpenHandler: Handler | undefined;
  sent: Array<[string, unknown]> = [];
  on(event: string, fn: Handler) { push(this.listeners, event, fn); return this; }
  setWindowOpenHandler(fn: Handler) { this.windowOpenHandler = fn; }
  send(channel: string, payload: unknown) { this.sent.push([channel, payload]); }
}

export class FakeBrowserWindow {
  webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  /** What the shell set as the title (after the page's own title went through its rules). */
  title: string | undefined;
  listeners = new Map<string, Handler[]>();
  shown = 0;
  hidden = 0;
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) { state.windows.push(this); }
  once() { return this; }
  on(event: string, fn: Handler) { push(this.listeners, event, fn); return this; }
  isDestroyed() { return false; }
  isMinimized() { return false; }
  restore() {}
  focus() {}
  hide() { this.hidden++; }
  show() { this.shown++; }
  loadURL(url: string) { this.loadedUrl = url; return Promise.resolve(); }
  setTitle(title: string) { this.title = title; }
}

class FakeNotification {
  static isSupported() { return true; }
  readonly listeners = new Map<string, Handler[]>();
  constructor(private readonly options: { title: string; body: string }) {}
  on(event: string, fn: Handler) { push(this.listeners, event, fn); return this; }
  show() { state.notifications.push({ title: this.options.title, body: this.options.body, click: () => this.listeners.get('click')?.forEach((fn) => fn()) }); }
}

/** A tray icon: its tooltip and menu as the shell last set them. */
export class FakeTray {
  tooltip = '';
  menu: Array<{ label?: string; type?: string; enabled?: boolean; click?: () => void }> = [];
  listeners = new Map<string, Handler[]>();
  constructor(readonly image: unknown) { state.trays.push(this); }
  setToolTip(text: string) { this.tooltip = text; }
  setContextMenu(menu: { template: FakeTray['menu'] }) { this.menu = menu.template; }
  on(event: string, fn: Handler) { push(this.listeners, event, fn); return this; }
}

export const electronFake = {
  app: {
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => (name === 'userData' ? state.userData : '/tmp'),
    getAppPath: () => state.appPath,
    on: (event: string, fn: Handler) => push(state.appEvents, event, fn),
    quit: () => { state.quitCalled++; },
    setBadgeCount: (count: number) => { state.badgeCounts.push(count); return true; },
    requestSingleInstanceLock: () => state.singleInstanceLock,
  },
  Tray: FakeTray,
  Menu: { buildFromTemplate: (template: FakeTray['menu']) => ({ template }) },
  nativeImage: { createFromDataURL: (url: string) => ({ url }) },
  BrowserWindow: FakeBrowserWindow,
  ipcMain: {
    handle: (channel: string, fn: Handler) => push(state.ipcHandles, channel, fn),
    on: (channel: string, fn: Handler) => push(state.ipcListeners, channel, fn),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => state.privilegedSchemes.push(...schemes),
    handle: (scheme: string, fn: Handler) => state.protocolHandlers.set(scheme, fn),
  },
  net: { fetch: (url: string): Promise<unknown> => Promise.resolve(new Response(`fetched ${url}`)), isOnline: () => true },
  dialog: { showErrorBox: (title: string, content: string) => state.errorBoxes.push({ title, content }) },
  Notification: FakeNotification,
  powerMonitor: { on: (event: string, fn: Handler) => push(state.powerEvents, event, fn) },
  session: { defaultSession },
  utilityProcess: { fork: utilityFork },
};
