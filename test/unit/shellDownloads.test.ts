import { describe, expect, it } from 'vitest';
import { offeredName, watchDownloads, type DownloadItemLike, type SaveFailure } from '../../main/shell/downloads';

/** A download as Electron hands it over: what the shell set on it, and a way to end it. */
function fakeDownload(filename: string, savePath = '') {
  const dialogs: unknown[] = [];
  let finish: ((event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void) | undefined;
  const item: DownloadItemLike = {
    getFilename: () => filename,
    getSavePath: () => savePath,
    setSaveDialogOptions: (options) => dialogs.push(options),
    once: (_event, listener) => { finish = listener; },
  };
  return { item, dialogs, end: (state: 'completed' | 'cancelled' | 'interrupted') => finish?.({}, state) };
}

function watch() {
  const failures: SaveFailure[] = [];
  let onDownload: ((event: unknown, item: DownloadItemLike) => void) | undefined;
  watchDownloads({ on: (_event, listener) => { onDownload = listener; } }, (failure) => failures.push(failure));
  return { failures, download: (item: DownloadItemLike) => onDownload!({}, item) };
}

describe('saving through the system dialog (the shell, with a fake Electron session)', () => {
  it('offers the fax’s clean name and the PDF type', () => {
    const { download } = watch();
    const d = fakeDownload('Fax 2026-12-01 1405 from +1 415 555 2100, 3 pages.pdf');
    download(d.item);
    expect(d.dialogs).toEqual([{ title: 'Save the fax as PDF', defaultPath: 'Fax 2026-12-01 1405 from +1 415 555 2100, 3 pages.pdf', filters: [{ name: 'PDF document', extensions: ['pdf'] }] }]);
  });

  it('never offers a folder or characters a file system refuses, whatever name the page gave', () => {
    expect(offeredName('../../etc/passwd')).toBe('passwd');
    expect(offeredName('C:\\Users\\x\\fax:1?.pdf')).toBe('fax1.pdf');
    expect(offeredName('\u0000')).toBe('Fax.pdf');
  });

  it('says so when the save fails (a read-only or full folder); a finished or cancelled save says nothing', () => {
    const { download, failures } = watch();
    const ok = fakeDownload('a.pdf', '/home/x/a.pdf');
    download(ok.item);
    ok.end('completed');
    const cancelled = fakeDownload('b.pdf');
    download(cancelled.item);
    cancelled.end('cancelled');
    expect(failures).toEqual([]);
    const readOnly = fakeDownload('c.pdf', '/mnt/archive/c.pdf');
    download(readOnly.item);
    readOnly.end('interrupted');
    expect(failures).toEqual([{ name: 'c.pdf', message: 'c.pdf could not be saved in archive: the folder may be read-only or full. Save it again and choose another folder.' }]);
  });
});
