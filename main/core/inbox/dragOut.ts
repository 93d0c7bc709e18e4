import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Logger } from '../log';

/** A dragged copy is for the drop that follows; an hour later it is clutter with a fax in it. */
const KEEP_MS = 60 * 60 * 1000;

/**
 * A fax dragged out of the window to the desktop or a folder needs a real file with a clean name
 * (the OS copies it where it is dropped): a byte-for-byte copy of the fax's document, written in a
 * private folder of its own and removed an hour later (and at start-up).
 */
export class DragOutFiles {
  constructor(
    private readonly folder: string,
    private readonly exportFax: (id: string) => Promise<{ name: string; bytes: Uint8Array }>,
    private readonly log: Logger,
  ) {}

  async fileFor(faxId: string): Promise<string> {
    void this.sweep(KEEP_MS);
    const { name, bytes } = await this.exportFax(faxId);
    const safe = basename(name) === name && name !== '' ? name : 'Fax.pdf';
    const dir = join(this.folder, randomUUID());
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, safe);
    await writeFile(path, bytes, { mode: 0o600 });
    return path;
  }

  /** Removes copies older than `olderThanMs` (0: all of them, as at start-up). */
  async sweep(olderThanMs = 0): Promise<number> {
    const entries = await readdir(this.folder).catch(() => [] as string[]);
    let removed = 0;
    for (const entry of entries) {
      const dir = join(this.folder, entry);
      try {
        if (Date.now() - (await stat(dir)).mtimeMs < olderThanMs) continue;
        await rm(dir, { recursive: true, force: true });
        removed++;
      } catch (error) {
        this.log.warn('drag-out copy could not be removed', { error: (error as Error).message });
      }
    }
    return removed;
  }
}
