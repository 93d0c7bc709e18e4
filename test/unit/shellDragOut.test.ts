import { existsSync, mkdtempSync, readFileSync, utimesSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRAG_OUT_CHANNEL } from '../../common/ipc/shellChannels';
import { DragOutFiles } from '../../main/core/inbox/dragOut';
import { createSenderCheck } from '../../main/core/ipc/registerIpc';
import { APP_ORIGIN } from '../../main/shell/appProtocol';
import { registerDragOut, type DragEventLike } from '../../main/shell/dragOut';
import { pdfBytes } from '../support/testKit';

const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as never;
const until = async (check: () => boolean) => { for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5)); };

/** A fake ipcMain and window; the core's real drag-out copies in a temporary folder. */
async function setUp() {
  const folder = mkdtempSync(join(tmpdir(), 'faxdesk-drag-'));
  const fax = await pdfBytes({ pages: 2 });
  const files = new DragOutFiles(folder, async (id) => {
    if (id !== 'fax-1') throw new Error('This fax’s document is still downloading.');
    return { name: 'Fax 2026-12-01 1405 from +1 415 555 2100, 2 pages.pdf', bytes: fax };
  }, quietLog);
  let listener: ((event: DragEventLike, ...args: unknown[]) => void) | undefined;
  const failures: string[] = [];
  const dragged: Array<{ file: string; icon: unknown }> = [];
  registerDragOut({ on: (channel, l) => { expect(channel).toBe(DRAG_OUT_CHANNEL); listener = l; } }, createSenderCheck(APP_ORIGIN),
    (id) => files.fileFor(id), { icon: true }, (m) => failures.push(m));
  const drag = (input: unknown, url = `${APP_ORIGIN}/index.html`) =>
    listener!({ senderFrame: { url, parent: null }, sender: { startDrag: (item) => dragged.push(item) } }, input);
  return { folder, fax, files, drag, dragged, failures };
}

describe('dragging a fax out of the window (the shell, with a fake Electron window)', () => {
  it('starts the OS drag of a byte-for-byte copy named like Save as PDF, in a private folder of its own', async () => {
    const s = await setUp();
    s.drag({ faxId: 'fax-1' });
    await until(() => s.dragged.length > 0);
    expect(s.dragged).toHaveLength(1);
    const { file, icon } = s.dragged[0]!;
    expect(icon).toEqual({ icon: true });
    expect(basename(file)).toBe('Fax 2026-12-01 1405 from +1 415 555 2100, 2 pages.pdf');
    expect(dirname(dirname(file))).toBe(s.folder);
    expect(Buffer.compare(readFileSync(file), Buffer.from(s.fax))).toBe(0);
    expect(s.failures).toEqual([]);
  });

  it('a fax without its document here is said in the window and nothing is dragged; other senders and bad input are ignored', async () => {
    const s = await setUp();
    s.drag({ faxId: 'fax-2' });
    await until(() => s.failures.length > 0);
    expect(s.failures).toEqual(['The fax could not be dragged out: This fax’s document is still downloading.']);
    s.drag({ faxId: 'fax-1' }, 'https://evil.example/');
    s.drag({ faxId: 42 });
    s.drag(null);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.dragged).toEqual([]);
    expect(readdirSync(s.folder)).toEqual([]);
  });

  it('copies are removed an hour later, and all of them at start-up', async () => {
    const s = await setUp();
    const first = await s.files.fileFor('fax-1');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(dirname(first), old, old);
    const second = await s.files.fileFor('fax-1'); // sweeps the old one as it goes
    await until(() => !existsSync(first));
    expect(existsSync(first)).toBe(false);
    expect(existsSync(second)).toBe(true);
    expect(await s.files.sweep()).toBe(1);
    expect(readdirSync(s.folder)).toEqual([]);
  });
});
