import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';
import { SinchControlClient } from '../../main/emulators/sinch/sinchControlClient';

/**
 * The real Electron app, driven by Playwright. It runs where the Electron binary can be installed;
 * on these build machines the binary cannot be downloaded, so the test says so and is skipped.
 */
function electronBinary(): string | undefined {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();

test('the packaged shell opens a secure window showing the compose screen', async () => {
  test.skip(!binary, 'Electron binary not installed (it cannot be downloaded on this machine); the shell is covered by test/unit/shellSmoke.test.ts');
  const app = await electron.launch({ executablePath: binary, args: ['.'] });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle(/Faxdesk/);
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (window as unknown as { faxdesk?: unknown }).faxdesk)).toBe('object');
    await expect(window.getByRole('button', { name: /New fax/ })).toBeVisible();
  } finally {
    await app.close();
  }
});

test('print and save in the real shell: the system print dialog gets exactly the fax’s pages; Save as PDF writes its bytes', async () => {
  test.skip(!binary, 'Electron binary not installed; the print and save adapters are covered by test/unit/shellPrinting.test.ts and shellDownloads.test.ts');
  test.setTimeout(120_000);
  const sinchPort = Number(process.env.E2E_SINCH_PORT ?? 4780) + 20;
  const userData = mkdtempSync(join(tmpdir(), 'faxdesk-electron-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'faxdesk-saved-'));
  const app = await electron.launch({
    executablePath: binary, args: ['.', `--user-data-dir=${userData}`],
    env: { ...process.env, FAXDESK_DEMO_SINCH_PORT: String(sinchPort) },
  });
  try {
    const window = await app.firstWindow();
    // The system dialogs cannot be clicked by a test: print answers at once with what it was given,
    // and the save goes to a folder of the test's (the shell's own dialog options are unit-tested).
    await app.evaluate(({ BrowserWindow }, folder) => {
      const win = BrowserWindow.getAllWindows()[0]!;
      const record = globalThis as unknown as { printed?: Array<{ options: unknown; pages: number }> };
      record.printed = [];
      win.webContents.print = ((options: unknown, done: (ok: boolean, reason: string) => void) => {
        void win.webContents.executeJavaScript("document.querySelectorAll('#print-root img').length").then((pages: number) => {
          record.printed!.push({ options, pages });
          done(true, '');
        });
      }) as typeof win.webContents.print;
      win.webContents.session.on('will-download', (_event, item) => item.setSavePath(`${folder}/${item.getFilename()}`));
    }, saveDir);
    await expect(window.getByRole('button', { name: /New fax/ })).toBeVisible();
    await window.evaluate(() => (globalThis as unknown as { faxdesk: { inbox: { syncNow(i: object): Promise<unknown> } } }).faxdesk.inbox.syncNow({}));
    const control = new SinchControlClient(`http://127.0.0.1:${sinchPort}`);
    await expect.poll(async () => (await control.inbound({ from: '+13125557990', to: '+12015550100', pages: 2 }).then(() => true, () => false)), { timeout: 30_000 }).toBe(true);
    await window.evaluate(() => (globalThis as unknown as { faxdesk: { inbox: { syncNow(i: object): Promise<unknown> } } }).faxdesk.inbox.syncNow({}));
    await window.getByRole('listbox').getByRole('option').filter({ hasText: '7990' }).first().click({ timeout: 30_000 });
    await window.getByRole('button', { name: 'Open the pages' }).click({ timeout: 30_000 });

    await window.keyboard.press('Control+p');
    await expect.poll(() => app.evaluate(() => (globalThis as unknown as { printed?: unknown[] }).printed), { timeout: 30_000 })
      .toEqual([{ options: expect.objectContaining({ silent: false, margins: { marginType: 'printableArea' } }), pages: 2 }]);

    await window.keyboard.press('Control+s');
    const fax = (await control.faxes()).find((f) => f.from === '+13125557990')!;
    expect(fax.documentSha256).toBeDefined();
    await expect.poll(() => existsSync(saveDir) && readdirOrEmpty(saveDir).length, { timeout: 30_000 }).toBe(1);
    const [name] = readdirOrEmpty(saveDir);
    expect(name).toMatch(/^Fax .*2 pages\.pdf$/);
    const bytes = readFileSync(join(saveDir, name!));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(fax.documentSha256);
  } finally {
    await app.close();
  }
});

function readdirOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => !n.endsWith('.crdownload'));
  } catch {
    return [];
  }
}
