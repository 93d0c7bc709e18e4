import type { SecretStore } from '../accounts/secretStore';
import { masterKeyFrom } from './masterKey';
import { sealPlainFiles, type MigrationMark } from './plainMigration';
import { PrivateTemp } from './privateTemp';
import { SealedFiles, type DocumentContent } from './sealedFiles';
import { DamagedFileError } from './sealedFormat';

/**
 * Stored documents and the private temp folder, as the rest of the core sees them: the document
 * store, the inbox and the routes all go through one Vault.
 */
export class Vault {
  readonly files: SealedFiles;
  readonly temp: PrivateTemp;
  private readonly masterKey: () => Promise<Buffer>;
  private migrated: Promise<void> = Promise.resolve();

  constructor(dataDir: string, secrets: SecretStore) {
    this.masterKey = masterKeyFrom(secrets);
    // Every read and write waits for the start-up migration: nothing sees a folder half sealed.
    this.files = new SealedFiles(async () => {
      await this.migrated;
      return this.masterKey();
    });
    this.temp = new PrivateTemp(dataDir);
  }

  /**
   * Seals documents an older version kept in the clear (plainMigration.ts), in the background;
   * reads and writes wait for it. A failure is logged and the next start carries on from there.
   */
  migrate(folders: readonly string[], mark: MigrationMark, log: { info(message: string, fields?: Record<string, unknown>): void; error(message: string, fields?: Record<string, unknown>): void }): Promise<void> {
    const files = new SealedFiles(this.masterKey);
    this.migrated = sealPlainFiles(folders, files, mark, (message, fields) => log.info(message, fields))
      .then(() => undefined, (error: unknown) => log.error('stored documents could not all be sealed', { error }));
    return this.migrated;
  }

  /**
   * A stored file as a document route serves it; undefined when it is not there. `onDamaged` hears
   * of a file that fails to verify (at once for a file of an impossible length, else while streaming).
   */
  async content(path: string, contentType: string, onDamaged: (error: DamagedFileError) => void): Promise<DocumentContent | undefined> {
    let sizeBytes: number | undefined;
    try {
      sizeBytes = await this.files.plainSize(path);
    } catch (error) {
      if (error instanceof DamagedFileError) onDamaged(error);
      return undefined;
    }
    if (sizeBytes === undefined) return undefined;
    return {
      contentType, sizeBytes,
      open: (range) => this.files.stream(path, range).on('error', (error) => {
        if (error instanceof DamagedFileError) onDamaged(error);
      }),
    };
  }
}
