import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as electron from 'electron';
import { createCore, type Core } from '../core/app';
import { createDemoEnvironment, demoPortsFromEnv } from '../demo/demoEnvironment';
import { connectInboxNotifications } from '../core/inbox/inboxNotifications';
import { watchUnreadCount } from '../core/inbox/unreadCount';
import { readAttentionCounts, watchAttentionCounts } from '../core/desktop/attentionCounts';
import type { InboxFaxArrived } from '../../common/domain/inbox';
import { connectNotifications, type Notice } from '../core/outbox/notifications';
import { createSenderCheck, registerIpc, type IpcMainLike } from '../core/ipc/registerIpc';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './appProtocol';
import { KeytarSecretStore } from './keytarSecretStore';
import { watchDownloads } from './downloads';
import { registerPrint, type PrintIpcLike } from './printing';
import { registerDragOut, type DragIpcLike } from './dragOut';
import { DRAG_ICON_DATA_URL } from './dragIcon';
import { watchOnline } from './onlineWatch';
import { claimSingleInstance, type SingleInstanceAppLike } from './openFiles';
import { followLoginItem } from './loginItem';
import { createTrayAdapter, desktopHasTray, hideOnClose, TRAY_ICON_DATA_URL, type TrayLike, type TrayMenuItem } from './tray';
import { denyAllPermissions } from './permissions';
import { loadElectronUpdater } from './updater';
import { createMainWindow, preloadPathFrom } from './window';
import { utilityTaskProcesses } from './utilityTasks';

const { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, net, Notification, powerMonitor, protocol, session, Tray, utilityProcess } = electron;
const outDir = import.meta.dirname; // out/main
const rendererDir = join(outDir, '..', 'renderer');

registerAppScheme(protocol);
// Before ready: a second Faxdesk hands over its files and quits; macOS's open-file comes early.
const openRelay = claimSingleInstance(app as unknown as SingleInstanceAppLike, {
  argv: process.argv, skip: process.defaultApp ? 2 : 1, cwd: process.cwd(),
});

/** Checks that the parts Faxdesk cannot work without load, before anything else starts. */
async function startupProblem(secrets: KeytarSecretStore): Promise<string | undefined> {
  try {
    await import('node:sqlite');
  } catch (error) {
    return `The local database (node:sqlite) could not be loaded: ${(error as Error).message}`;
  }
  try {
    await secrets.probe();
  } catch (error) {
    return `The system keychain is not available, so Faxdesk cannot keep account secrets safe: ${(error as Error).message}\n\nOn Linux, install and unlock a Secret Service (for example gnome-keyring).`;
  }
  return undefined;
}

/** Wires Electron to the core. Everything with behaviour lives in main/core. */
export async function startShell(): Promise<Core | undefined> {
  if (!openRelay) return undefined; // another Faxdesk is running and has our files
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  const secrets = new KeytarSecretStore();
  const problem = await startupProblem(secrets);
  if (problem) {
    dialog.showErrorBox('Faxdesk cannot start', problem);
    app.quit();
    return undefined;
  }
  const pkg = JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8')) as { version: string };
  let core: Core;
  try {
    core = createCore({
      dataDir: app.getPath('userData'), secretStore: secrets, host: 'electron', version: pkg.version, checkAccountsOnStart: true,
      demo: createDemoEnvironment({ ...demoPortsFromEnv(), stateDir: join(app.getPath('userData'), 'demo-emulators') }),
      updater: () => loadElectronUpdater(), taskProcesses: utilityTaskProcesses((...args) => utilityProcess.fork(...args)),
    });
  } catch (error) {
    // e.g. a database written by a newer Faxdesk: say so and leave the data alone.
    dialog.showErrorBox('Faxdesk cannot start', (error as Error).message);
    app.quit();
    return undefined;
  }
  handleAppProtocol(protocol, net, rendererDir, (id) => core.documentContent(id));
  registerIpc(ipcMain as unknown as IpcMainLike, core.dispatch, createSenderCheck(APP_ORIGIN));
  registerPrint(ipcMain as unknown as PrintIpcLike, createSenderCheck(APP_ORIGIN));

  const win = createMainWindow(BrowserWindow, preloadPathFrom(outDir));
  // While locked the window hears only lock.changed: the core keeps working, the page learns nothing.
  core.windowEvents.subscribe((event, payload) => {
    if (!win.isDestroyed()) win.webContents.send(event, payload);
  });
  const showWindow = () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };
  openRelay.connect(core, showWindow);
  app.on('activate', showWindow); // macOS: the dock icon brings a hidden window back
  watchDownloads(win.webContents.session, (failure) => core.events.emit('files.saveFailed', failure));
  registerDragOut(ipcMain as unknown as DragIpcLike, createSenderCheck(APP_ORIGIN), (faxId) => core.dragOutFile(faxId),
    nativeImage.createFromDataURL(DRAG_ICON_DATA_URL), (message) => core.events.emit('files.saveFailed', { name: '', message }));
  /** An OS notification whose click brings the window up and tells it which fax to open. */
  const notifier = (onClick: (faxId: string) => void) => ({
    isSupported: () => Notification.isSupported(),
    show: ({ title, body, faxId, silent }: Notice) => {
      const notification = new Notification({ title, body, silent: silent ?? false });
      notification.on('click', () => {
        if (win.isDestroyed()) return;
        win.show();
        win.focus();
        onClick(faxId);
      });
      notification.show();
    },
  });
  connectNotifications(
    (listener) => core.events.subscribe((event, payload) => { if (event === 'outbox.jobChanged') listener(payload as Parameters<typeof listener>[0]); }),
    notifier((faxId) => core.events.emit('notification.clicked', { faxId })),
    () => core.isLocked(),
  );
  // "New fax — 3 pages, from …1234": no names, subjects or full numbers.
  connectInboxNotifications(
    (listener) => core.events.subscribe((event, payload) => { if (event === 'inbox.faxArrived') listener(payload as InboxFaxArrived); }),
    notifier((faxId) => core.events.emit('inbox.notificationClicked', { faxId })),
    250,
    async () => {
      const settings = await core.dispatchInternal('settings.get', {});
      return !settings.ok || (settings.value as { newFaxSound: boolean }).newFaxSound;
    },
    () => core.isLocked(), // locked: "New fax" and nothing more
  );
  // The unread count on the dock icon / taskbar (a number only: no PHI).
  watchUnreadCount(
    (listener) => core.events.subscribe((event) => { if (event === 'inbox.changed') listener(); }),
    async () => {
      const counts = await core.dispatchInternal('inbox.counts', {});
      return counts.ok ? (counts.value as { unread: number }).unread : undefined;
    },
    (unread) => app.setBadgeCount(unread),
  );
  // The tray where the desktop has one: counts in its tooltip (numbers only) and New fax / Open / Quit.
  let quitting = false;
  followLoginItem(app, process.platform, (listener) => core.followSettings(listener));
  const hasTray = desktopHasTray(process.platform, process.env);
  if (hasTray) {
    const tray = new Tray(nativeImage.createFromDataURL(TRAY_ICON_DATA_URL));
    const adapter = createTrayAdapter(tray as unknown as TrayLike, (template: TrayMenuItem[]) => Menu.buildFromTemplate(template), {
      newFax: () => { showWindow(); void core.openFiles([], app.getPath('home')); },
      open: showWindow,
      quit: () => app.quit(),
    });
    watchAttentionCounts(
      (listener) => core.events.subscribe((event) => { if (event === 'inbox.changed' || event === 'outbox.jobChanged') listener(); }),
      () => readAttentionCounts(core.dispatchInternal as Parameters<typeof readAttentionCounts>[0]),
      (counts) => adapter.show(counts),
    );
    hideOnClose(win, () => quitting);
  }
  // After sleep, or when the network returns, look at due work and accounts at once.
  // Going to sleep or the OS screen lock locks Faxdesk too (when auto-lock is on).
  powerMonitor.on('suspend', () => core.onSystemSuspend());
  powerMonitor.on('lock-screen', () => core.onScreenLocked());
  powerMonitor.on('resume', () => core.onSystemResume());
  const stopWatchingOnline = watchOnline(() => net.isOnline(), (online) => core.onOnlineChanged(online));

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (navEvent) => navEvent.preventDefault());
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    quitting = true;
    stopWatchingOnline();
    void core.close();
  });
  return core;
}

export const shellReady = startShell();
