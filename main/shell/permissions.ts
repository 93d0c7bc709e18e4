/**
 * The page asks for nothing: no camera, microphone, screen, location, notifications (the main
 * process shows those), MIDI, HID/USB/serial devices, clipboard reads or fullscreen. Every request
 * is refused and every check answers "not granted", whichever permission it names, including ones
 * a newer Electron adds.
 */
export interface PermissionSessionLike {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean): void;
  /** WebHID, WebUSB and Web Serial ask here, not in the two above. */
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/** The permission names Electron 45 passes to these handlers (its `session` documentation). */
export const ELECTRON_PERMISSIONS = [
  'clipboard-read', 'clipboard-sanitized-write', 'deprecated-sync-clipboard-read', 'display-capture', 'fileSystem',
  'fullscreen', 'geolocation', 'hid', 'idle-detection', 'keyboardLock', 'media', 'mediaKeySystem', 'midi', 'midiSysex',
  'notifications', 'openExternal', 'pointerLock', 'serial', 'speaker-selection', 'storage-access',
  'top-level-storage-access', 'usb', 'window-management', 'unknown',
] as const;

export function denyAllPermissions(session: PermissionSessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
