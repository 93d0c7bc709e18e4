import { open, rm } from 'node:fs/promises';

const CHUNK = 1024 * 1024;
const ZEROS = Buffer.alloc(CHUNK);

/**
 * Overwrites a file with zeros, flushes it to the disk, then unlinks it. On SSDs (wear levelling)
 * and journaling or copy-on-write file systems the old blocks may survive the overwrite, so this
 * is best-effort; encryption at rest is the real protection (README, Retention). Returns false when
 * there was no file. Writes in 1 MiB steps so a large file never sits in memory.
 */
export async function secureDelete(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r+');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    for (let at = 0; at < size; at += CHUNK) await handle.write(ZEROS, 0, Math.min(CHUNK, size - at), at);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rm(path, { force: true });
  return true;
}
