import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchivedFax } from '../emulators/shared/inboundArchive';

/*
 * The Demo accounts' received faxes on disk. Kept out of the emulators' chunk so that a start with
 * the demo accounts unused loads none of it (test/unit/demoChunk.test.ts).
 */

const INDEX = 'faxes.json';
const safeId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

/**
 * Writes the received faxes to `dir`: documents once each (named by fax id, never rewritten), the
 * index atomically (a temp file renamed over it), so a kill mid-save leaves the previous state.
 */
export function saveArchive(dir: string, faxes: readonly ArchivedFax[]): void {
  mkdirSync(dir, { recursive: true });
  const index = faxes.map((fax) => ({
    id: fax.id,
    record: fax.record,
    documents: fax.documents.map((bytes, n) => {
      const file = `${safeId(fax.id)}-${n}.bin`;
      if (!existsSync(join(dir, file))) writeFileSync(join(dir, file), bytes);
      return file;
    }),
  }));
  const temp = join(dir, `${INDEX}.tmp`);
  writeFileSync(temp, JSON.stringify(index));
  renameSync(temp, join(dir, INDEX));
}

export function loadArchive(dir: string): ArchivedFax[] {
  const file = join(dir, INDEX);
  if (!existsSync(file)) return [];
  const index = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; record: unknown; documents: string[] }>;
  return index.map((entry) => ({ id: entry.id, record: entry.record, documents: entry.documents.map((name) => readFileSync(join(dir, name))) }));
}
