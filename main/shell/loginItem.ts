/** What the adapter needs of Electron's app (the fake in test/support drives it). */
export interface LoginItemAppLike {
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
}

/**
 * "Start Faxdesk when I sign in" (Settings → Inbox): faxes only arrive while Faxdesk runs. Windows
 * and macOS keep a login item; Linux desktops have no such call in Electron (an autostart .desktop
 * file is the way there), so the setting is said to be for Windows and macOS.
 */
export function followLoginItem(
  app: LoginItemAppLike,
  platform: NodeJS.Platform,
  follow: (listener: (settings: { openAtLogin: boolean }) => void) => () => void,
): () => void {
  if (platform !== 'win32' && platform !== 'darwin') return () => undefined;
  let last: boolean | undefined;
  return follow(({ openAtLogin }) => {
    if (openAtLogin === last) return;
    last = openAtLogin;
    app.setLoginItemSettings({ openAtLogin });
  });
}
