import { createHash, randomUUID } from 'node:crypto';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  CHUNK_BYTES, chunkOffset, DamagedFileError, HEADER_BYTES, layoutOf, looksSealed, newHeader, openChunk, openHeader, sealChunkParts, TAG_BYTES,
} from './sealedFormat';
import { releaseGarbage } from '../workers/releaseGarbage';

/** Inclusive byte range of the plain content (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

/** What the document routes serve: the plain size and type, and a decrypting stream of any range. */
export interface DocumentContent {
  contentType: string;
  sizeBytes: number;
  open(range?: ByteRange): Readable;
}

const BATCH_CHUNKS = 16; // 1 MiB per disk read or write
const BATCH_BYTES = BATCH_CHUNKS * CHUNK_BYTES;
/** Every this many chunks sealed or opened, the cipher's spent buffers are collected (releaseGarbage). */
const CHUNKS_PER_COLLECTION = BATCH_CHUNKS;

/**
 * The one door to stored documents (received faxes, documents to send, composed and cover PDFs,
 * split parts): everything written through here is sealed (sealedFormat.ts) and everything read
 * is verified chunk by chunk as it streams. A chunk that does not verify ends the read with a
 * DamagedFileError before any of its bytes are handed on.
 */
export class SealedFiles {
  constructor(private readonly masterKey: () => Promise<Buffer>) {}

  /**
   * Writes `source` sealed at `path`, whole or not at all: a temp name beside it, fsync, rename.
   * The plain bytes pass through two chunk buffers reused throughout (the last full chunk is held
   * back until the end is known: it carries the "final" mark), and sealed chunks are written a
   * batch at a time as they are: streaming 100 MB leaves little for the garbage collector.
   */
  async write(path: string, source: AsyncIterable<Uint8Array> | Uint8Array): Promise<{ bytes: number; sha256: string }> {
    const key = await this.masterKey();
    const { header, dataKey } = newHeader(key);
    const temp = `${path}.sealing-${randomUUID()}`;
    const handle = await open(temp, 'wx', 0o600);
    const hash = createHash('sha256');
    let bytes = 0;
    let index = 0;
    let out: Uint8Array[] = [header];
    let outBytes = header.length;
    const flushOut = async () => {
      if (outBytes > 0) await writeAllOf(handle, out);
      out = [];
      outBytes = 0;
    };
    const emit = async (plain: Uint8Array, final: boolean) => {
      for (const part of sealChunkParts(dataKey, header, index++, final, plain)) {
        out.push(part);
        outBytes += part.length;
      }
      if (outBytes >= BATCH_BYTES || final) await flushOut();
      if (index % CHUNKS_PER_COLLECTION === 0) releaseGarbage();
    };
    let filling: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let fill = 0;
    let held: Buffer | undefined; // a full chunk not yet sealed
    let spare: Buffer | undefined;
    try {
      for await (const piece of source instanceof Uint8Array ? [source] : source) {
        // Taken a batch at a time, so a large piece (a whole document in memory) never holds the event loop.
        for (let offset = 0; offset < piece.length; offset += BATCH_BYTES) {
          const slice = piece.subarray(offset, offset + BATCH_BYTES);
          hash.update(slice);
          bytes += slice.length;
          for (let at = 0; at < slice.length;) {
            const take = Math.min(CHUNK_BYTES - fill, slice.length - at);
            filling.set(slice.subarray(at, at + take), fill);
            fill += take;
            at += take;
            if (fill < CHUNK_BYTES) continue;
            if (held) await emit(held, false);
            spare = held;
            held = filling;
            filling = spare ?? Buffer.allocUnsafe(CHUNK_BYTES);
            fill = 0;
          }
        }
      }
      if (fill > 0) {
        if (held) await emit(held, false);
        await emit(filling.subarray(0, fill), true);
      } else {
        await emit(held ?? Buffer.alloc(0), true);
      }
      await handle.sync();
      await handle.close();
      await rename(temp, path);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw error;
    }
    return { bytes, sha256: hash.digest('hex') };
  }

  /** Seals a plain file (a download, a worker's output) into place at `path`, read into one reused buffer. */
  async sealFile(plainPath: string, path: string): Promise<{ bytes: number; sha256: string }> {
    const plain = await open(plainPath, 'r');
    try {
      return await this.write(path, pieces(plain));
    } finally {
      await plain.close();
    }
  }

  /** The plain size of a sealed file, from its size on disk; undefined when it is not there. */
  async plainSize(path: string): Promise<number | undefined> {
    const facts = await stat(path).catch(() => undefined);
    if (!facts) return undefined;
    const layout = layoutOf(facts.size);
    if (!layout) throw new DamagedFileError(path, 'the file has the wrong length');
    return layout.plainBytes;
  }

  /** The plain content of `range` (all by default), chunk by chunk, each verified before it is yielded. */
  async *chunks(path: string, range?: ByteRange): AsyncGenerator<Buffer> {
    const key = await this.masterKey();
    const handle = await open(path, 'r');
    try {
      const layout = layoutOf((await handle.stat()).size);
      if (!layout) throw new DamagedFileError(path, 'the file has the wrong length');
      const header = Buffer.alloc(HEADER_BYTES);
      await handle.read(header, 0, HEADER_BYTES, 0);
      const dataKey = openHeader(header, key, path);
      const start = range?.start ?? 0;
      const end = Math.min(range?.end ?? layout.plainBytes - 1, layout.plainBytes - 1);
      if (end < start) {
        // Nothing asked for: still verify the last chunk so an empty or cut file is not taken as whole.
        if (layout.plainBytes === 0) openChunk(dataKey, header, 0, true, await readAt(handle, chunkOffset(0), TAG_BYTES), path);
        return;
      }
      const first = Math.floor(start / CHUNK_BYTES);
      const last = Math.floor(end / CHUNK_BYTES);
      for (let batch = first; batch <= last; batch += BATCH_CHUNKS) {
        const upTo = Math.min(last, batch + BATCH_CHUNKS - 1);
        const fileEnd = Math.min(chunkOffset(upTo + 1), HEADER_BYTES + layout.plainBytes + layout.chunks * TAG_BYTES);
        const sealed = await readAt(handle, chunkOffset(batch), fileEnd - chunkOffset(batch));
        for (let index = batch; index <= upTo; index++) {
          const from = chunkOffset(index) - chunkOffset(batch);
          const plain = openChunk(dataKey, header, index, index === layout.chunks - 1, sealed.subarray(from, from + CHUNK_BYTES + TAG_BYTES), path);
          const chunkStart = index * CHUNK_BYTES;
          yield plain.subarray(Math.max(0, start - chunkStart), Math.min(plain.length, end - chunkStart + 1));
          if ((index - first + 1) % CHUNKS_PER_COLLECTION === 0) releaseGarbage();
        }
      }
    } finally {
      await handle.close();
    }
  }

  /** A Node stream of the plain content (the document routes, uploads). */
  stream(path: string, range?: ByteRange): Readable {
    return Readable.from(this.chunks(path, range), { objectMode: false });
  }

  async readAll(path: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.chunks(path)) parts.push(part);
    return Buffer.concat(parts);
  }

  /** Decrypts a stored file to `plainPath` (a private temp file a worker task reads). */
  async decryptTo(path: string, plainPath: string): Promise<void> {
    const handle = await open(plainPath, 'wx', 0o600);
    try {
      for await (const part of this.chunks(path)) await writeAll(handle, part);
    } finally {
      await handle.close();
    }
  }

  /** Reads the whole file, verifying every tag; its SHA-256. */
  async verify(path: string): Promise<{ sha256: string; bytes: number }> {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const part of this.chunks(path)) {
      hash.update(part);
      bytes += part.length;
    }
    return { sha256: hash.digest('hex'), bytes };
  }

  /** Whether the file at `path` starts like a sealed file (undefined: not there). */
  static async isSealed(path: string): Promise<boolean | undefined> {
    const handle = await open(path, 'r').catch(() => undefined);
    if (!handle) return undefined;
    try {
      const head = Buffer.alloc(8);
      const { bytesRead } = await handle.read(head, 0, 8, 0);
      return looksSealed(head.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return buffer.subarray(0, read);
}

/** The file from where it stands, a batch at a time, into the same buffer (each piece is used before the next read). */
async function* pieces(handle: FileHandle): AsyncGenerator<Buffer> {
  const buffer = Buffer.allocUnsafe(BATCH_BYTES);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, BATCH_BYTES, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

async function writeAllOf(handle: FileHandle, parts: Uint8Array[]): Promise<void> {
  let left = parts;
  while (left.length > 0) {
    let { bytesWritten } = await handle.writev(left);
    // A short write: go on from where it stopped.
    const rest: Uint8Array[] = [];
    for (const part of left) {
      if (bytesWritten >= part.length) bytesWritten -= part.length;
      else {
        rest.push(part.subarray(bytesWritten));
        bytesWritten = 0;
      }
    }
    left = rest;
  }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.length) written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
}
