import type { AttentionCounts } from '../core/desktop/attentionCounts';

/** What the tray adapter needs of Electron's Tray (the fake in test/support drives it). */
export interface TrayLike {
  setToolTip(text: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click', listener: () => void): unknown;
}

export interface TrayMenuItem { label?: string; type?: 'separator'; enabled?: boolean; click?: () => void }

export interface TrayActions { newFax(): void; open(): void; quit(): void }

/** A 32 px fax machine (PNG), so the shell needs no icon file on disk. */
export const TRAY_ICON_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAMAAABEpIrGAAAAJFBMVEVMaXEcTtccTdgqVdQcTdgdTtccTdccTtgdTtf///8dTthVeuKmnPaVAAAACXRSTlMAiOUG5uSH54nr09jZAAAACXBIWXMAAAsTAAALEwEAmpwYAAAAX0lEQVQ4y2NgoBbgwgCkK+BEAYNNATMHC8jV6Aq4uJgYmcEKGCHewlTAxcUIVsCCWwE7jjBCC61RBSgKsIUkkQqYYAq44QCmgBU1NjEVsEHSAyMT/vRAtTRJac4iHwAAfaIZH1DHZ2AAAAAASUVORK5CYII=';

/**
 * Whether the desktop shows tray icons. Windows and macOS do; on Linux, KDE, Xfce, Cinnamon, MATE,
 * LXQt and Budgie do, while GNOME shows none without an extension, so there (and on anything
 * unknown) Faxdesk has no tray and closing the window quits: no hidden process left running.
 */
export function desktopHasTray(platform: NodeJS.Platform, env: Record<string, string | undefined>): boolean {
  if (platform === 'win32' || platform === 'darwin') return true;
  const desktop = (env.XDG_CURRENT_DESKTOP ?? '').toUpperCase();
  return /KDE|XFCE|X-CINNAMON|CINNAMON|MATE|LXQT|LXDE|BUDGIE|UNITY|DEEPIN/.test(desktop);
}

/** "Faxdesk — 3 unread, 1 failed": numbers only, never a name or a number that was faxed. */
export function trayTooltip({ unread, failed }: AttentionCounts): string {
  const parts = [unread > 0 ? `${unread} unread` : '', failed > 0 ? `${failed} failed` : ''].filter(Boolean);
  return parts.length ? `Faxdesk — ${parts.join(', ')}` : 'Faxdesk';
}

/** The tray's menu: the counts (as disabled lines) first, then New fax, Open Faxdesk, Quit. */
export function trayMenu(counts: AttentionCounts, actions: TrayActions): TrayMenuItem[] {
  const lines: TrayMenuItem[] = [];
  if (counts.unread > 0) lines.push({ label: `${counts.unread} unread ${counts.unread === 1 ? 'fax' : 'faxes'}` });
  if (counts.failed > 0) lines.push({ label: `${counts.failed} failed ${counts.failed === 1 ? 'fax' : 'faxes'}` });
  return [
    ...lines.map((line) => ({ ...line, enabled: false })),
    ...(lines.length ? [{ type: 'separator' as const }] : []),
    { label: 'New fax', click: actions.newFax },
    { label: 'Open Faxdesk', click: actions.open },
    { type: 'separator' },
    { label: 'Quit Faxdesk', click: actions.quit },
  ];
}

/**
 * The tray icon and its menu, following the counts; a click opens the window. `buildMenu` is
 * Electron's Menu.buildFromTemplate.
 */
export function createTrayAdapter(tray: TrayLike, buildMenu: (template: TrayMenuItem[]) => unknown, actions: TrayActions) {
  tray.on('click', actions.open);
  const show = (counts: AttentionCounts) => {
    tray.setToolTip(trayTooltip(counts));
    tray.setContextMenu(buildMenu(trayMenu(counts, actions)));
  };
  show({ unread: 0, failed: 0 });
  return { show };
}

/** With a tray, closing the window hides it (faxes keep arriving); Quit in the menu really quits. */
export function hideOnClose(win: { on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown; hide(): void }, quitting: () => boolean): void {
  win.on('close', (event) => {
    if (quitting()) return;
    event.preventDefault();
    win.hide();
  });
}
