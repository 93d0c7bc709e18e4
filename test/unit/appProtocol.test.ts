import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SealedFiles } from '../../main/core/crypto/sealedFiles';
import { chunkOffset } from '../../main/core/crypto/sealedFormat';
import { documentResponse, resolveAppRequest } from '../../main/shell/appProtocol';

const files = new SealedFiles(async () => key);
const key = randomBytes(32);
let dir: string;
let plain: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faxdesk-app-protocol-'));
  plain = randomBytes(200_000);
  await files.write(join(dir, 'd1'), plain);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const content = (path = join(dir, 'd1')) => ({ contentType: 'application/pdf', sizeBytes: plain.length, open: (range?: { start: number; end: number }) => files.stream(path, range) });

/** app://faxdesk/… maps to renderer files, and /documents/<id> to what the core serves, decrypted. */
describe('the app:// protocol', () => {
  it('asks the core for a document by id only', () => {
    expect(resolveAppRequest('/app/out/renderer', 'app://faxdesk/documents/d1')).toEqual({ document: 'd1' });
    expect(resolveAppRequest('/app/out/renderer', 'app://other/documents/d1')).toBeUndefined();
  });

  it('serves renderer files and nothing outside them', () => {
    expect(resolveAppRequest('/app/out/renderer', 'app://faxdesk/index.html')).toEqual({ file: join('/app/out/renderer', 'index.html') });
    expect(resolveAppRequest('/app/out/renderer', 'app://faxdesk/..%2F..%2Fpackage.json')).toBeUndefined();
  });

  it('serves a sealed document decrypted, whole or by range, and 404 / 416 for none or a range beyond it', async () => {
    const whole = documentResponse(content(), null);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('Content-Length')).toBe(String(plain.length));
    expect(Buffer.from(await whole.arrayBuffer()).equals(plain)).toBe(true);
    const part = documentResponse(content(), 'bytes=70000-140000');
    expect(part.status).toBe(206);
    expect(part.headers.get('Content-Range')).toBe(`bytes 70000-140000/${plain.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(plain.subarray(70_000, 140_001))).toBe(true);
    expect(documentResponse(undefined, null).status).toBe(404);
    expect(documentResponse(content(), `bytes=${plain.length}-`).status).toBe(416);
  });

  it('a damaged document ends its body with an error, never with the damaged bytes', async () => {
    const sealed = await readFile(join(dir, 'd1'));
    sealed[chunkOffset(1) + 9]! ^= 0x40;
    await writeFile(join(dir, 'bad'), sealed);
    const response = documentResponse(content(join(dir, 'bad')), null);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });
});
