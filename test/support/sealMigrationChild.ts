/**
 * The start-up migration alone, in its own process, for the SIGKILL test (run with `node --import
 * tsx`): the app's Vault and meta mark on `<dataDir>`, with the master key in a secrets file
 * beside it (the keychain stand-in for tests that restart in a new process). Exits 0 when done;
 * prints the result as JSON.
 */
import { join } from 'node:path';
import { MetaRepo } from '../../main/core/store/metaRepo';
import { openDatabase } from '../../main/core/store/database';
import { metaMark, sealPlainFiles, STORED_FOLDERS } from '../../main/core/crypto/plainMigration';
import { SealedFiles } from '../../main/core/crypto/sealedFiles';
import { masterKeyFrom } from '../../main/core/crypto/masterKey';
import { FileSecretStore } from './fileSecretStore';

const dataDir = process.argv[2]!;
const db = openDatabase(join(dataDir, 'faxdesk.sqlite'));
const files = new SealedFiles(masterKeyFrom(new FileSecretStore(join(dataDir, 'secrets.json'))));
const result = await sealPlainFiles(STORED_FOLDERS.map((folder) => join(dataDir, folder)), files, metaMark(new MetaRepo(db)));
db.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
