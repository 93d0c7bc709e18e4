import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SealedFiles } from '../../../main/core/crypto/sealedFiles';
import { CHUNK_BYTES, chunkOffset, DamagedFileError, HEADER_BYTES, TAG_BYTES } from '../../../main/core/crypto/sealedFormat';

let dir: string;
const key = randomBytes(32);
const files = new SealedFiles(async () => key);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faxdesk-sealed-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sealed files', () => {
  it.each([0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES, 3 * CHUNK_BYTES + 12_345])('round-trips %i bytes, none of them in the clear', async (size) => {
    const plain = randomBytes(size);
    const path = join(dir, 'doc');
    const written = await files.write(path, plain);
    expect(written).toEqual({ bytes: size, sha256: sha(plain) });
    expect(await files.plainSize(path)).toBe(size);
    expect(sha(await files.readAll(path))).toBe(sha(plain));
    const disk = await readFile(path);
    if (size >= 64) expect(disk.includes(plain.subarray(0, 64))).toBe(false);
  });

  it('streams from a source in odd pieces and serves any range', async () => {
    const plain = randomBytes(5 * CHUNK_BYTES + 777);
    const path = join(dir, 'doc');
    async function* pieces() {
      for (let at = 0; at < plain.length; at += 10_007) yield plain.subarray(at, at + 10_007);
    }
    await files.write(path, pieces());
    for (const [start, end] of [[0, 0], [0, 99], [CHUNK_BYTES - 5, CHUNK_BYTES + 5], [2 * CHUNK_BYTES, 4 * CHUNK_BYTES - 1], [plain.length - 10, plain.length - 1], [123, plain.length + 50]] as const) {
      const parts: Buffer[] = [];
      for await (const part of files.chunks(path, { start, end })) parts.push(part);
      expect(Buffer.concat(parts).equals(plain.subarray(start, Math.min(end, plain.length - 1) + 1))).toBe(true);
    }
  });

  it.each([0, 1024 * 1024, 2 * 1024 * 1024 + CHUNK_BYTES + 5])('seals a plain file of %i bytes read into one reused buffer, each piece before the next read', async (size) => {
    const plain = randomBytes(size);
    const plainPath = join(dir, 'plain');
    await writeFile(plainPath, plain);
    const path = join(dir, 'doc');
    expect(await files.sealFile(plainPath, path)).toEqual({ bytes: size, sha256: sha(plain) });
    expect((await files.readAll(path)).equals(plain)).toBe(true);
  });

  it('a PDF is sealed: no %PDF header on disk', async () => {
    const path = join(dir, 'doc');
    await files.write(path, Buffer.from('%PDF-1.7\n% a small document\n%%EOF\n'));
    expect((await readFile(path)).includes(Buffer.from('%PDF'))).toBe(false);
  });

  it('reports a flipped byte anywhere, a cut, dropped or swapped chunk, and the wrong key as damage', async () => {
    const plain = randomBytes(3 * CHUNK_BYTES + 100);
    const path = join(dir, 'doc');
    await files.write(path, plain);
    const original = await readFile(path);
    const damaged = async (bytes: Buffer, reader = files) => {
      await writeFile(path, bytes);
      await expect(reader.readAll(path)).rejects.toBeInstanceOf(DamagedFileError);
    };
    for (const at of [3, HEADER_BYTES - 1, HEADER_BYTES + 10, chunkOffset(1) + 5, original.length - 1]) {
      const flipped = Buffer.from(original);
      flipped[at]! ^= 0x01;
      await damaged(flipped);
    }
    await damaged(original.subarray(0, chunkOffset(3))); // cut at a chunk boundary
    await damaged(Buffer.concat([original.subarray(0, chunkOffset(1)), original.subarray(chunkOffset(2))])); // a chunk dropped
    const chunk = (i: number) => original.subarray(chunkOffset(i), chunkOffset(i + 1));
    await damaged(Buffer.concat([original.subarray(0, chunkOffset(0)), chunk(1), chunk(0), original.subarray(chunkOffset(2))])); // swapped
    await damaged(Buffer.concat([original, Buffer.alloc(TAG_BYTES + 1)])); // grown
    await damaged(original, new SealedFiles(async () => randomBytes(32)));
  });

  it('a range that avoids a damaged chunk still reads, and one that includes it fails before yielding its bytes', async () => {
    const plain = randomBytes(3 * CHUNK_BYTES);
    const path = join(dir, 'doc');
    await files.write(path, plain);
    const bytes = await readFile(path);
    bytes[chunkOffset(2) + 1]! ^= 0xff;
    await writeFile(path, bytes);
    const first: Buffer[] = [];
    for await (const part of files.chunks(path, { start: 0, end: CHUNK_BYTES - 1 })) first.push(part);
    expect(Buffer.concat(first).equals(plain.subarray(0, CHUNK_BYTES))).toBe(true);
    const seen: Buffer[] = [];
    await expect((async () => {
      for await (const part of files.chunks(path)) seen.push(part);
    })()).rejects.toBeInstanceOf(DamagedFileError);
    expect(Buffer.concat(seen).length).toBe(2 * CHUNK_BYTES);
  });

  it('a file of an impossible length is damaged, and a failed write leaves nothing behind', async () => {
    const path = join(dir, 'doc');
    await files.write(path, randomBytes(1000));
    await truncate(path, HEADER_BYTES + 5);
    await expect(files.plainSize(path)).rejects.toBeInstanceOf(DamagedFileError);
    async function* failing() {
      yield randomBytes(CHUNK_BYTES * 3);
      throw new Error('the source broke');
    }
    await expect(files.write(join(dir, 'other'), failing())).rejects.toThrow('the source broke');
    await expect(stat(join(dir, 'other'))).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['doc']);
  });
});
