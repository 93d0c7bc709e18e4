import { createReadStream } from 'node:fs';
import { open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { SealedFiles } from './sealedFiles';

/** Where the migration's "all done" mark lives (the meta table in the app). */
export interface MigrationMark {
  done(): boolean;
  markDone(): void;
}

/** The mark in the meta table: set once every stored document is sealed (later starts skip the scan). */
export function metaMark(meta: { get(key: string): string | undefined; set(key: string, value: string): void }): MigrationMark {
  const key = 'files.sealed.v1';
  return { done: () => meta.get(key) === '1', markDone: () => meta.set(key, '1') };
}

/** The folders of stored documents under a data folder. */
export const STORED_FOLDERS = ['documents', 'inbox'] as const;

export interface MigrationResult {
  sealed: number;
  alreadySealed: number;
  removedLeftovers: number;
}

/** Names that only ever held a file on its way somewhere (a download, a normalisation, a seal): never worth keeping. */
const LEFTOVER = /\.sealing-[0-9a-f-]{36}$|\.part$|\.source$|^\.normalize-|\.turned-[0-9a-f-]{36}\.pdf$|^selection-[0-9a-f-]{36}\.pdf$/;

/**
 * Seals the documents an older Faxdesk kept in the clear, in place, on first start. One file at a
 * time: sealed to a temp name beside it, fsync'd, renamed over the plain file, so at every instant
 * each file is whole in one form or the other. A plain file is one whose header is not the magic,
 * so an interrupted run (a crash, a kill) simply starts again: sealed files are passed over, and
 * the temp a kill left behind is removed. When every folder is done, `mark` records it and later
 * starts skip the scan.
 */
export async function sealPlainFiles(folders: readonly string[], files: SealedFiles, mark: MigrationMark, log?: (message: string, fields: Record<string, unknown>) => void): Promise<MigrationResult> {
  const result: MigrationResult = { sealed: 0, alreadySealed: 0, removedLeftovers: 0 };
  if (mark.done()) return result;
  for (const folder of folders) {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (LEFTOVER.test(entry.name)) {
        await rm(path, { recursive: true, force: true });
        result.removedLeftovers++;
        continue;
      }
      if (!entry.isFile()) continue;
      if (await SealedFiles.isSealed(path)) {
        result.alreadySealed++;
        continue;
      }
      try {
        await files.write(path, createReadStream(path, { highWaterMark: 1024 * 1024 }));
        result.sealed++;
      } catch (error) {
        // Removed meanwhile (a document deleted as the app started): nothing to seal.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    await syncFolder(folder);
  }
  mark.markDone();
  if (result.sealed > 0 || result.removedLeftovers > 0) log?.('stored documents sealed', { ...result });
  return result;
}

/** Makes the renames durable (POSIX); folders cannot be opened for sync on Windows, where rename is already durable enough. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // not supported here
  } finally {
    await handle.close();
  }
}
