import { describe, expect, it } from 'vitest';
import { denyAllPermissions, ELECTRON_PERMISSIONS } from '../../main/shell/permissions';
import { createMainWindow, safeWindowTitle } from '../../main/shell/window';
import { electronFake, FakeBrowserWindow, FakeSession } from '../support/fakeElectron';

/**
 * Issue 12 (hardening): the page is granted no permission of any kind, and the window title never
 * carries what a page put in document.title beyond "Faxdesk" and the unread count.
 */
const page = { getURL: () => 'app://faxdesk/index.html' };

function requestAnswer(session: FakeSession, permission: string): boolean | undefined {
  let granted: boolean | undefined;
  session.permissionRequestHandler!(page, permission, (answer) => { granted = answer; }, { requestingUrl: 'app://faxdesk/index.html' });
  return granted;
}

describe('permissions', () => {
  const session = new FakeSession();
  denyAllPermissions(session);

  it('refuses every permission the page requests, each kind answered (never left pending)', () => {
    for (const permission of ELECTRON_PERMISSIONS) expect(requestAnswer(session, permission), permission).toBe(false);
  });

  it('answers every permission check "not granted", from the app origin and from any other', () => {
    for (const permission of ELECTRON_PERMISSIONS) {
      expect(session.permissionCheckHandler!(page, permission, 'app://faxdesk', {}), permission).toBe(false);
      expect(session.permissionCheckHandler!(null, permission, 'https://evil.example', {}), permission).toBe(false);
    }
  });

  it('refuses permissions Electron does not list yet, and HID / USB / serial devices', () => {
    expect(requestAnswer(session, 'some-future-permission')).toBe(false);
    expect(session.permissionCheckHandler!(page, 'some-future-permission', 'app://faxdesk', {})).toBe(false);
    for (const deviceType of ['hid', 'usb', 'serial']) expect(session.devicePermissionHandler!({ deviceType, origin: 'app://faxdesk' })).toBe(false);
  });

  it('names the kinds people would worry about: camera and microphone, screen, location, notifications', () => {
    expect(ELECTRON_PERMISSIONS).toEqual(expect.arrayContaining(['media', 'display-capture', 'geolocation', 'notifications', 'clipboard-read']));
  });
});

describe('window title', () => {
  it('keeps "Faxdesk" and "Faxdesk (12)"', () => {
    for (const title of ['Faxdesk', 'Faxdesk (1)', 'Faxdesk (1,204)', 'Faxdesk (1 204)']) expect(safeWindowTitle(title)).toBe(title);
  });

  it('turns anything else a page sets into "Faxdesk": names, numbers, file names', () => {
    for (const title of ['Fax from Jane Doe', 'Faxdesk — +1 201 555 0142', 'Faxdesk (3) Jane Doe', 'lab-results.pdf', '', 'Faxdesk (x)']) {
      expect(safeWindowTitle(title), title).toBe('Faxdesk');
    }
  });

  it('is applied by the window to every page title update', () => {
    const win = createMainWindow(electronFake.BrowserWindow as never, '/preload.cjs') as unknown as FakeBrowserWindow;
    const update = (title: string) => {
      let prevented = false;
      for (const listener of win.listeners.get('page-title-updated') ?? []) listener({ preventDefault: () => { prevented = true; } }, title);
      return prevented;
    };
    expect(win.options.title).toBe('Faxdesk');
    expect(update('Faxdesk (4)')).toBe(true);
    expect(win.title).toBe('Faxdesk (4)');
    expect(update('Fax from Jane Doe')).toBe(true);
    expect(win.title).toBe('Faxdesk');
  });
});
