import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SealedFiles } from './sealedFiles';

/**
 * The one folder where document bytes are ever plain on disk: a worker task's decrypted input,
 * its output before it is sealed, a LibreOffice conversion, a file being added. Only this user
 * may enter it (0700); each use gets its own subfolder, removed after use, and the whole folder is
 * emptied at start-up (whatever a crash left).
 */
export class PrivateTemp {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'private-tmp');
    rmSync(this.root, { recursive: true, force: true });
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
  }

  /** Runs `work` with a fresh private folder, removed afterwards whatever happens. */
  async within<T>(work: (dir: string) => Promise<T>): Promise<T> {
    const dir = join(this.root, randomUUID());
    await mkdir(dir, { recursive: true, mode: 0o700 });
    try {
      return await work(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Runs `work` with plain copies of sealed files (for worker tasks, which take paths): `plain(p)`
   * names the copy of `p`. Everything is removed afterwards.
   */
  withPlainCopies<T>(files: SealedFiles, sealedPaths: readonly string[], work: (plain: (path: string) => string, dir: string) => Promise<T>): Promise<T> {
    return this.within(async (dir) => {
      const copies = new Map<string, string>();
      for (const path of new Set(sealedPaths)) {
        const copy = join(dir, `${copies.size}.plain`);
        await files.decryptTo(path, copy);
        copies.set(path, copy);
      }
      return work((path) => {
        const copy = copies.get(path);
        if (!copy) throw new Error(`no plain copy was made of ${path}`);
        return copy;
      }, dir);
    });
  }
}
