import { basename } from 'node:path';

/** What the shell needs of Electron's DownloadItem (a fake one in tests). */
export interface DownloadItemLike {
  getFilename(): string;
  getSavePath(): string;
  setSaveDialogOptions(options: { title: string; defaultPath: string; filters: Array<{ name: string; extensions: string[] }> }): void;
  once(event: 'done', listener: (event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void): unknown;
}

export interface SessionLike {
  on(event: 'will-download', listener: (event: unknown, item: DownloadItemLike) => void): unknown;
}

export interface SaveFailure { name: string; message: string }

/** A name the save dialog can offer: no folders, no characters a file system refuses. */
export function offeredName(name: string): string {
  const visible = [...name].filter((c) => c.charCodeAt(0) >= 0x20).join('');
  const clean = basename(visible.replace(/\\/g, '/')).replace(/[<>:"|?*]/g, '').trim();
  return clean || 'Fax.pdf';
}

/**
 * Save as PDF (and every other file the window hands over) goes through Electron's download: the
 * system save dialog offers the file's own clean name and the PDF type, and a save that fails —
 * a read-only or full folder, a disconnected drive — is said in the window instead of vanishing.
 */
export function watchDownloads(session: SessionLike, onFailed: (failure: SaveFailure) => void): void {
  session.on('will-download', (_event, item) => {
    const name = offeredName(item.getFilename());
    const pdf = name.toLowerCase().endsWith('.pdf');
    item.setSaveDialogOptions({
      title: pdf ? 'Save the fax as PDF' : 'Save the file',
      defaultPath: name,
      filters: pdf ? [{ name: 'PDF document', extensions: ['pdf'] }] : [{ name: 'All files', extensions: ['*'] }],
    });
    item.once('done', (_done, state) => {
      if (state !== 'interrupted') return;
      const where = item.getSavePath();
      onFailed({
        name,
        message: `${name} could not be saved${where ? ` in ${basename(where.replace(/[/\\][^/\\]*$/, '')) || 'that folder'}` : ''}: the folder may be read-only or full. Save it again and choose another folder.`,
      });
    });
  });
}
