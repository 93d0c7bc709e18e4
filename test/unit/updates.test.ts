import { afterEach, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../common/domain/audit';
import type { UpdateStatus } from '../../common/domain/updates';
import { Updates, type UpdaterEvent, type UpdaterPort } from '../../main/core/desktop/updates';
import { createLogger } from '../../main/core/log';
import { loadElectronUpdater } from '../../main/shell/updater';
import { startTestCore, type CoreHarness } from '../support/coreKit';
import { waitFor } from '../support/testKit';

/**
 * Issue 12 (updates): electron-updater on a generic feed, behind the UpdaterPort the shell fills
 * with the real autoUpdater. A fake stands in for it here (the only mock: the Electron seam); the
 * core, its settings and its SQLite file are real.
 */
class FakeUpdater implements UpdaterPort {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  feeds: Array<{ provider: 'generic'; url: string }> = [];
  checks = 0;
  failNextCheck: Error | undefined;
  private readonly listeners = new Map<UpdaterEvent, Array<(arg?: unknown) => void>>();
  setFeedURL(options: { provider: 'generic'; url: string }) { this.feeds.push(options); }
  async checkForUpdates() {
    this.checks++;
    if (this.failNextCheck) {
      const error = this.failNextCheck;
      this.failNextCheck = undefined;
      throw error;
    }
    this.emit('checking-for-update');
    return null;
  }
  on(event: UpdaterEvent, listener: (arg?: unknown) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: UpdaterEvent, arg?: unknown) { this.listeners.get(event)?.forEach((listener) => listener(arg)); }
}

const FEED = 'https://updates.example.test/faxdesk/';
let h: CoreHarness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

/** A real core whose shell would load `updater`; the updates.changed events it sends. */
function coreWith(updater: FakeUpdater | undefined, loads = { count: 0 }) {
  h = startTestCore({ demo: false, updater: async () => { loads.count++; return updater; } });
  const events: UpdateStatus[] = [];
  h.core.events.subscribe((event, payload) => { if (event === 'updates.changed') events.push(payload as UpdateStatus); });
  return { core: h.core, events, loads };
}

describe('updates', () => {
  it('are off by default: no feed, the updater never loaded, nothing asked', async () => {
    const fake = new FakeUpdater();
    const { core, loads } = coreWith(fake);
    expect(await core.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { updateFeedUrl: '' } });
    expect(await core.dispatch('updates.status', {})).toMatchObject({ ok: true, value: { state: 'off' } });
    expect(loads.count).toBe(0);
    expect(fake.checks).toBe(0);
  });

  it('follow the feed setting: the generic feed, a check at once, background download, install on quit', async () => {
    const fake = new FakeUpdater();
    const { core, events } = coreWith(fake);
    expect(await core.dispatch('settings.update', { updateFeedUrl: FEED })).toMatchObject({ ok: true, value: { updateFeedUrl: FEED } });
    await waitFor(() => fake.checks === 1, 5_000, 'the first check');
    expect(fake.feeds).toEqual([{ provider: 'generic', url: FEED }]);
    expect(fake).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true });
    expect(events.at(-1)).toMatchObject({ state: 'checking' });

    fake.emit('update-available', { version: '1.4.0' });
    expect(events.at(-1)).toEqual({ state: 'downloading', version: '1.4.0', message: 'Downloading Faxdesk 1.4.0 in the background.' });
    fake.emit('update-downloaded', { version: '1.4.0', downloadedFile: '/tmp/Faxdesk-1.4.0.AppImage' });
    // The notice the window shows (and Settings reads back after a reload).
    const ready = { state: 'ready', version: '1.4.0', message: 'Faxdesk 1.4.0 is ready and will be installed when you quit Faxdesk.' };
    expect(events.at(-1)).toEqual(ready);
    expect(await core.dispatch('updates.status', {})).toEqual({ ok: true, value: ready });
  });

  it('are audited as turned on or off, never with the address', async () => {
    const { core } = coreWith(new FakeUpdater());
    await core.dispatch('settings.update', { updateFeedUrl: FEED });
    await core.dispatch('settings.update', { updateFeedUrl: '' });
    const page = await core.dispatch('audit.list', { limit: 10, offset: 0, actions: ['settings_changed'] });
    expect(page.ok && (page.value as AuditPage).entries.map((entry) => entry.detail)).toEqual(['updateFeed=off', 'updateFeed=on']);
  });

  it('turned off again, cancel the install that waited for the quit', async () => {
    const fake = new FakeUpdater();
    const { core, events } = coreWith(fake);
    await core.dispatch('settings.update', { updateFeedUrl: FEED });
    await waitFor(() => fake.checks === 1, 5_000, 'the first check');
    fake.emit('update-downloaded', { version: '1.4.0' });
    await core.dispatch('settings.update', { updateFeedUrl: '' });
    expect(fake.autoInstallOnAppQuit).toBe(false);
    expect(events.at(-1)).toMatchObject({ state: 'off' });
    fake.emit('update-available', { version: '1.5.0' }); // a late answer from the old feed changes nothing
    expect(events.at(-1)).toMatchObject({ state: 'off' });
  });

  it('refuse a feed that is not https (http only to this computer), and change no other setting with it', async () => {
    const { core, loads } = coreWith(new FakeUpdater());
    for (const bad of ['http://updates.example.com/faxdesk/', 'ftp://updates.example.com/', 'updates.example.com', 'file:///tmp/feed']) {
      expect(await core.dispatch('settings.update', { updateFeedUrl: bad, paperSize: 'a4' }), bad).toMatchObject({
        ok: false, error: { code: 'invalid_input', message: 'The update feed must be an https:// address (http:// is accepted only for this computer).' },
      });
    }
    expect(await core.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { updateFeedUrl: '', paperSize: 'auto' } });
    expect(loads.count).toBe(0);
    expect(await core.dispatch('settings.update', { updateFeedUrl: 'http://127.0.0.1:8080/feed/' })).toMatchObject({ ok: true, value: { updateFeedUrl: 'http://127.0.0.1:8080/feed/' } });
  });

  it('say why when a check fails, in one short sentence', async () => {
    const fake = new FakeUpdater();
    fake.failNextCheck = new Error('HttpError: 404 Not Found\n"method: GET url: https://updates.example.test/faxdesk/latest-linux.yml"\nheaders: …');
    const { core, events } = coreWith(fake);
    await core.dispatch('settings.update', { updateFeedUrl: FEED });
    await waitFor(() => events.at(-1)?.state === 'failed', 5_000, 'the failure');
    expect(events.at(-1)!.message).toBe('Faxdesk could not check for updates (HttpError: 404 Not Found). It will try again later.');
    fake.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    expect(events.at(-1)!.message).toContain('net::ERR_INTERNET_DISCONNECTED');
  });

  it('say so when this build cannot update itself, or it is not the desktop app', async () => {
    const { core, events } = coreWith(undefined);
    await core.dispatch('settings.update', { updateFeedUrl: FEED });
    await waitFor(() => events.at(-1)?.state === 'unavailable', 5_000, 'unavailable');
    expect(events.at(-1)!.message).toBe('This build of Faxdesk cannot update itself.');
    await h!.close();
    h = startTestCore({ demo: false }); // the dev bridge's core: no updater at all
    await h.core.dispatch('settings.update', { updateFeedUrl: FEED });
    expect(await h.core.dispatch('updates.status', {})).toMatchObject({ ok: true, value: { state: 'unavailable', message: 'Only the installed Faxdesk app updates itself.' } });
  });

  it('check again on their interval, but not once an update waits for the quit', async () => {
    const fake = new FakeUpdater();
    const updates = new Updates({ load: async () => fake, emit: () => {}, log: createLogger(() => {}), everyMs: 40 });
    try {
      await updates.configure(FEED);
      await waitFor(() => fake.checks >= 3, 5_000, 'periodic checks');
      fake.emit('update-downloaded', { version: '2.0.0' });
      const after = fake.checks;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(fake.checks).toBe(after);
    } finally {
      updates.stop();
    }
  });
});

describe('loading electron-updater in the shell', () => {
  const autoUpdater = new FakeUpdater();
  it('takes autoUpdater from the module, as a named export or through default (CommonJS from ESM)', async () => {
    expect(await loadElectronUpdater(async () => ({ autoUpdater }))).toBe(autoUpdater);
    expect(await loadElectronUpdater(async () => ({ default: { autoUpdater } }))).toBe(autoUpdater);
  });

  it('answers undefined when the package is not installed, or is not an updater', async () => {
    expect(await loadElectronUpdater(async (name) => { throw Object.assign(new Error(`Cannot find package '${name}'`), { code: 'ERR_MODULE_NOT_FOUND' }); })).toBeUndefined();
    expect(await loadElectronUpdater(async () => ({ autoUpdater: { checkForUpdates: 1 } }))).toBeUndefined();
  });

  it('lets any other load failure through, for the core to log', async () => {
    await expect(loadElectronUpdater(async () => { throw new Error('app-update.yml is malformed'); })).rejects.toThrow('malformed');
  });

  it('asks for the package by name (without it installed here, that is the not-installed answer)', async () => {
    const names: string[] = [];
    await loadElectronUpdater(async (name) => { names.push(name); return {}; });
    expect(names).toEqual(['electron-updater']);
  });
});
