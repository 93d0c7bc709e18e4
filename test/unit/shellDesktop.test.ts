import { afterEach, describe, expect, it } from 'vitest';
import { readAttentionCounts, watchAttentionCounts, type AttentionCounts } from '../../main/core/desktop/attentionCounts';
import { claimSingleInstance, type OpenTarget, type SingleInstanceAppLike } from '../../main/shell/openFiles';
import { createTrayAdapter, desktopHasTray, hideOnClose, trayTooltip, type TrayLike } from '../../main/shell/tray';
import { electronFake, FakeTray, state } from '../support/fakeElectron';

const app = electronFake.app as unknown as SingleInstanceAppLike;
const emitApp = (event: string, ...args: unknown[]) => state.appEvents.get(event)?.forEach((fn) => fn(...args));
afterEach(() => { state.appEvents.clear(); state.singleInstanceLock = true; state.quitCalled = 0; });

/** A core that records what the relay handed it. */
function target() {
  const calls: Array<[string, unknown, unknown]> = [];
  const core: OpenTarget = {
    openLaunch: async (argv, options) => { calls.push(['launch', argv, options]); },
    openFiles: async (paths, cwd) => { calls.push(['files', paths, cwd]); },
  };
  return { core, calls };
}

describe('one Faxdesk at a time (the shell, with the fake electron app)', () => {
  it('when another Faxdesk holds the lock, this one quits and opens nothing', () => {
    state.singleInstanceLock = false;
    expect(claimSingleInstance(app, { argv: ['faxdesk', 'a.pdf'], skip: 1, cwd: '/home/o' })).toBeUndefined();
    expect(state.quitCalled).toBe(1);
    expect(state.appEvents.get('second-instance')).toBeUndefined();
  });

  it('the first launch’s arguments and files macOS opened before ready reach the core once it is there, in order', () => {
    const relay = claimSingleInstance(app, { argv: ['/Applications/Faxdesk', 'first.pdf', '--to', '+12015550100'], skip: 1, cwd: '/Users/o' })!;
    let prevented = 0;
    emitApp('open-file', { preventDefault: () => prevented++ }, '/Users/o/Desktop/Scan.tif');
    expect(prevented).toBe(1);
    const { core, calls } = target();
    let shown = 0;
    relay.connect(core, () => shown++);
    expect(calls).toEqual([
      ['launch', ['/Applications/Faxdesk', 'first.pdf', '--to', '+12015550100'], { skip: 1, cwd: '/Users/o' }],
      ['files', ['/Users/o/Desktop/Scan.tif'], '/Users/o'],
    ]);
    expect(shown).toBe(1); // for the opened file, not for the first launch itself
  });

  it('a second launch’s command line and working folder reach the core, and the window comes up', () => {
    const relay = claimSingleInstance(app, { argv: ['faxdesk'], skip: 1, cwd: '/' })!;
    const { core, calls } = target();
    let shown = 0;
    relay.connect(core, () => shown++);
    emitApp('second-instance', {}, ['C:\\Program Files\\Faxdesk\\Faxdesk.exe', '--allow-file-access-from-files', 'Referral.pdf'], 'C:\\Users\\o\\Documents');
    expect(calls.at(-1)).toEqual(['launch', ['C:\\Program Files\\Faxdesk\\Faxdesk.exe', '--allow-file-access-from-files', 'Referral.pdf'], { skip: 1, cwd: 'C:\\Users\\o\\Documents' }]);
    expect(shown).toBe(1);
  });
});

describe('the tray and the badge', () => {
  it('exists where the desktop shows trays; on GNOME or an unknown Linux desktop there is none (closing quits)', () => {
    expect(desktopHasTray('win32', {})).toBe(true);
    expect(desktopHasTray('darwin', {})).toBe(true);
    expect(desktopHasTray('linux', { XDG_CURRENT_DESKTOP: 'KDE' })).toBe(true);
    expect(desktopHasTray('linux', { XDG_CURRENT_DESKTOP: 'XFCE' })).toBe(true);
    expect(desktopHasTray('linux', { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' })).toBe(false);
    expect(desktopHasTray('linux', {})).toBe(false);
  });

  it('the tooltip and the menu follow the counts, in numbers only; the menu offers New fax, Open, Quit', async () => {
    const tray = new FakeTray(undefined);
    const done: string[] = [];
    const adapter = createTrayAdapter(tray as unknown as TrayLike, (template) => ({ template }), {
      newFax: () => done.push('new'), open: () => done.push('open'), quit: () => done.push('quit'),
    });
    expect(tray.tooltip).toBe('Faxdesk');
    expect(tray.menu.map((i) => i.label ?? i.type)).toEqual(['New fax', 'Open Faxdesk', 'separator', 'Quit Faxdesk']);

    let counts: AttentionCounts = { unread: 3, failed: 1 };
    const listeners = new Set<() => void>();
    watchAttentionCounts((l) => { listeners.add(l); return () => listeners.delete(l); }, async () => counts, (c) => adapter.show(c), 10);
    await new Promise((r) => setTimeout(r, 5));
    expect(tray.tooltip).toBe('Faxdesk — 3 unread, 1 failed');
    expect(tray.menu.map((i) => i.label ?? i.type)).toEqual(['3 unread faxes', '1 failed fax', 'separator', 'New fax', 'Open Faxdesk', 'separator', 'Quit Faxdesk']);
    expect(tray.menu.slice(0, 2).every((i) => i.enabled === false)).toBe(true);

    counts = { unread: 0, failed: 2 };
    listeners.forEach((l) => l());
    await new Promise((r) => setTimeout(r, 30));
    expect(tray.tooltip).toBe('Faxdesk — 2 failed');
    tray.menu.find((i) => i.label === 'New fax')!.click!();
    tray.menu.find((i) => i.label === 'Quit Faxdesk')!.click!();
    tray.listeners.get('click')!.forEach((fn) => fn());
    expect(done).toEqual(['new', 'quit', 'open']);
    expect(trayTooltip({ unread: 1, failed: 0 })).toBe('Faxdesk — 1 unread');
  });

  it('counts failed and uncertain faxes that are not archived, and unread ones, through the core’s channels', async () => {
    const dispatch = async (channel: string) => (channel === 'inbox.counts'
      ? { ok: true as const, value: { unread: 4 } }
      : { ok: true as const, value: [{ state: 'failed' }, { state: 'uncertain' }, { state: 'failed', archivedAt: '2026-01-01T00:00:00Z' }] });
    expect(await readAttentionCounts(dispatch)).toEqual({ unread: 4, failed: 2 });
  });

  it('with a tray, closing the window hides it; quitting closes it', () => {
    const listeners: Array<(event: { preventDefault(): void }) => void> = [];
    let hidden = 0;
    let quitting = false;
    hideOnClose({ on: (_e, l) => listeners.push(l), hide: () => { hidden++; } }, () => quitting);
    let prevented = 0;
    listeners[0]!({ preventDefault: () => prevented++ });
    expect([prevented, hidden]).toEqual([1, 1]);
    quitting = true;
    listeners[0]!({ preventDefault: () => prevented++ });
    expect([prevented, hidden]).toEqual([1, 1]);
  });
});
