import { join } from 'node:path';
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY } from './appProtocol';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Faxdesk',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  };
}

/**
 * What a window title may say: "Faxdesk", or "Faxdesk (12)" with the unread count. Anything else a
 * page sets (a sender's name, a fax number, a document's name) never reaches the title bar, the
 * taskbar or a shared screen: it becomes plain "Faxdesk".
 */
export function safeWindowTitle(pageTitle: string): string {
  return /^Faxdesk(?: \(\d[\d,.\u00a0\u202f ]{0,12}\))?$/.test(pageTitle) ? pageTitle : 'Faxdesk';
}

export const preloadPathFrom = (mainOutDir: string) => join(mainOutDir, '..', 'preload', 'index.cjs');

/** Creates the window and locks it to the app: no navigation away, no new windows. */
export function createMainWindow(BrowserWindow: typeof BrowserWindowType, preloadPath: string): BrowserWindowType {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // The page's document.title would become the window's (and the taskbar's, and screen sharing's).
  win.on('page-title-updated', (event, title) => {
    event.preventDefault();
    win.setTitle(safeWindowTitle(title));
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
