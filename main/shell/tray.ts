import type { AttentionCounts } from '../core/desktop/attentionCounts';

/** What the tray adapter needs of Electron's Tray (the fake in test/support drives it). */
export interface TrayLike {
  setToolTip(text: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click', listener: () => void): unknown;
}

export interface TrayMenuItem { label?: string; type?: 'separator'; enabled?: boolean; click?: () => void }

export interface TrayActions { newFax(): void; open(): void; quit(): void }

/**
 * The app icon at 32 px (build/icons/32x32.png, rendered from build/icon.svg by `npm run icons`),
 * inline so the shell needs no icon file beside the asar; a test keeps it equal to the rendering.
 */
export const TRAY_ICON_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAACXBIWXMAAABZAAAAWQGqnamGAAAC6ElEQVRYw+2XS09TQRiGi79AXBlKy0VuLXEt/goDtBRQLooiVC7RCFt3JhrjwgUuTPwBJqRGirSnLRiuSoGSQ0+LJXCgEUXuSDEi6usZCqLjTC+EGhd8yZOu5n2fM9Omc1Sq4/kv5w5O5DdPmfKbA8+VT0nfNDV9GMja/KaARd88ZVSpkBRTt/6m95Su8W2PvjGAo0TXGHCdrZ9LjvrkuobJHgUkgrwGvzPiTugaJJPuhh+JRG/2G7gCuWavJc8sgab+cRAD/hAGI2B1r+N86yRY638n1yy18wXqRF9u/QRoBM8Gos3s4le4xBDOtfjAyjhAlLgCOXWirEiAxjEem4Dds4luRaKgRQIrh0A6uALZteNyzvVx0Dg861EFgkthAYJL3ETB7QmwskgHVyDr2picXesBTSwCO99/YGZhG4H5MIKya6ws0sEXqBmRs6+OgsYxtoZ4xxf8DFYW6eAKnKlxy1k1btAIewJroR30eTcisrC2vSewBVYW6eALXBmWFUAjjK3uhj56MQ9N1ZuItD6dCQvMbYGVRTr4ApdfywqgEUZX4z8CIsDIIh1cgczqQTmzegg0wujKbqgoh9BmfR+RAV/4JyvNhcDKIh18gcp+ObNqADT7ApahZZTd90fkie3DgQAji3RwBTIq+uSMyn7Q2EeW4z4CIsDKIh1cgfRLvXJ6RS9o9gVYO1DxYBKzH78wBVhZpIMvcPGVrAAa+8jSr+/A3WfBP3hoeYeNrW9/C8xugpVFOrgC2vJuOa28BzR291L8R6AIsLJIB1dAU+aUtWUu0Njci4cSYGWRDr5AqdOnLXWCxjYcv8DEzCewsjSlDv7fscYkWBRAU33Pg15xGX3iSszcavOClaUpsfMvJGpTlzG1xIZEoi6xFUe4lSIp1djlUkAiUBtfClGv59pya7LaYHWqDZ04UoqtQtoFy8kY30yQpC7sMKQUdbSnFHZIKYXW6cOhrFUyThd1Fsf8YnI8/3p+ArKSGnmBTBHrAAAAAElFTkSuQmCC';

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
