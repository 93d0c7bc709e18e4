import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutgoingDocument } from '../../main/core/providers/faxProvider';
import { writePdf } from './testKit';

/** A temp folder of documents to send, made in the test; `remove` deletes it. */
export class TempFolder {
  private constructor(readonly path: string) {}

  static async create(prefix = 'faxdesk-test-'): Promise<TempFolder> {
    return new TempFolder(await mkdtemp(join(tmpdir(), prefix)));
  }

  /** A generated PDF (its name drawn on each page). */
  pdf(name = 'letter.pdf', pages = 1, paddingBytes = 0): Promise<OutgoingDocument> {
    return writePdf(this.path, name, pages, paddingBytes);
  }

  async file(name: string, bytes: Uint8Array, contentType: string): Promise<OutgoingDocument> {
    const path = join(this.path, name);
    await writeFile(path, bytes);
    return { path, name, contentType, sizeBytes: bytes.byteLength };
  }

  /** A sparse file: claims `sizeBytes` on disk without writing them. */
  async sparse(name: string, sizeBytes: number, contentType = 'application/pdf'): Promise<OutgoingDocument> {
    const path = join(this.path, name);
    await writeFile(path, '');
    await truncate(path, sizeBytes);
    return { path, name, contentType, sizeBytes };
  }

  remove(): Promise<void> {
    return rm(this.path, { recursive: true, force: true });
  }
}
