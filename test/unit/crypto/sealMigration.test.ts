import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { masterKeyFrom } from '../../../main/core/crypto/masterKey';
import { SealedFiles } from '../../../main/core/crypto/sealedFiles';
import { looksSealed } from '../../../main/core/crypto/sealedFormat';
import { startTestCore } from '../../support/coreKit';
import { readDocumentContent } from '../../support/documentContent';
import { FileSecretStore } from '../../support/fileSecretStore';

/**
 * The plain-to-sealed migration of an older version's documents: killed with SIGKILL midway, it
 * completes on the next start with nothing lost (every file decrypts to its original SHA-256).
 */
const CHILD = join(import.meta.dirname, '../../support/sealMigrationChild.ts');
const run = promisify(execFile);
let dataDir: string;
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const sealedNow = (paths: string[]) => paths.filter((path) => looksSealed(readFileSync(path).subarray(0, 8))).length;

/** `count` plain files (PDF-looking and not) in the folders an older version kept them in. */
function plainFiles(count: number, bytes: number): Map<string, string> {
  const originals = new Map<string, string>();
  for (const folder of ['documents', 'inbox']) mkdirSync(join(dataDir, folder), { recursive: true });
  for (let i = 0; i < count; i++) {
    const body = randomBytes(bytes + (i % 7) * 1_000);
    if (i % 2 === 0) body.write('%PDF-1.7\n', 0, 'latin1');
    const path = join(dataDir, i % 3 === 0 ? 'inbox' : 'documents', `${crypto.randomUUID()}.${i % 5 === 0 ? 'original' : 'pdf'}`);
    writeFileSync(path, body);
    originals.set(path, sha256(body));
  }
  return originals;
}

describe('sealing the plain files of an older version', () => {
  it('survives SIGKILL midway: the next run completes it, and every file decrypts to its original SHA-256', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-seal-migration-'));
    const originals = plainFiles(240, 400_000);
    const paths = [...originals.keys()];

    const child = spawn(process.execPath, ['--import', 'tsx', '--no-warnings', CHILD, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Killed once a part is sealed: well inside the run, often in the middle of a file.
    while (sealedNow(paths) < 20) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const atKill = sealedNow(paths);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(paths.length);

    const second = await run(process.execPath, ['--import', 'tsx', '--no-warnings', CHILD, dataDir]);
    const result = JSON.parse(second.stdout) as { sealed: number; alreadySealed: number; removedLeftovers: number };
    expect(result.sealed + result.alreadySealed).toBe(paths.length);
    expect(result.alreadySealed).toBeGreaterThanOrEqual(atKill);

    // Nothing lost, nothing left in the clear, no temp left behind.
    const files = new SealedFiles(masterKeyFrom(new FileSecretStore(join(dataDir, 'secrets.json'))));
    for (const [path, digest] of originals) {
      expect(looksSealed(readFileSync(path).subarray(0, 8)), path).toBe(true);
      expect((await files.verify(path)).sha256, path).toBe(digest);
    }
    const left = ['documents', 'inbox'].flatMap((folder) => readdirSync(join(dataDir, folder)));
    expect(left).toHaveLength(paths.length);

    // Marked done: a third start does not scan again.
    const third = await run(process.execPath, ['--import', 'tsx', '--no-warnings', CHILD, dataDir]);
    expect(JSON.parse(third.stdout)).toEqual({ sealed: 0, alreadySealed: 0, removedLeftovers: 0 });
  }, 180_000);

  it('the core seals an older version\'s document on start and then serves it decrypted', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-seal-core-'));
    const first = startTestCore({ demo: false, dataDir, secretStore: new FileSecretStore(join(dataDir, 'secrets.json')) });
    const added = await first.core.dispatch('documents.add', { name: 'letter.txt', bytes: new TextEncoder().encode('Dear Dr Smith') });
    const id = (added as { value: { id: string } }).value.id;
    const stored = join(dataDir, 'documents', `${id}.pdf`);
    const plain = (await readDocumentContent(first.core, id))!;
    await first.close();
    // As an older version left it: the plain PDF, and no mark.
    writeFileSync(stored, plain);
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(join(dataDir, 'faxdesk.sqlite'));
    db.prepare("DELETE FROM meta WHERE key = 'files.sealed.v1'").run();
    db.close();

    const again = startTestCore({ demo: false, dataDir, secretStore: new FileSecretStore(join(dataDir, 'secrets.json')) });
    try {
      expect(sha256((await readDocumentContent(again.core, id))!)).toBe(sha256(plain));
      expect(looksSealed(readFileSync(stored).subarray(0, 8))).toBe(true);
      expect(again.logLines.some((line) => line.line.includes('stored documents sealed'))).toBe(true);
    } finally {
      await again.close();
    }
  }, 60_000);
});
