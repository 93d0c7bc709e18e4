import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * The on-disk format of every document Faxdesk keeps (version 1):
 *
 *   header (68 bytes): "FXSEAL" · version (1) · chunk size as a power of two (16 → 64 KiB)
 *                      · wrap nonce (12) · data key wrapped by the master key with AES-256-GCM (32) · wrap tag (16)
 *   chunks:            each ≤ 64 KiB of AES-256-GCM ciphertext followed by its 16-byte tag
 *
 * Each file has its own random data key. Chunk i is sealed with nonce = i (96 bits) and, as
 * associated data, the whole header, i and whether it is the last chunk — so a chunk moved,
 * dropped, or a file cut at a chunk boundary fails its tag, and any chunk can be opened alone
 * (random access for HTTP ranges). The plain size follows from the file's size: nothing to keep in step.
 */
export const MAGIC = Buffer.from('FXSEAL', 'ascii');
export const FORMAT_VERSION = 1;
const CHUNK_SHIFT = 16;
export const CHUNK_BYTES = 1 << CHUNK_SHIFT;
export const TAG_BYTES = 16;
export const HEADER_BYTES = 68;
const PREFIX_BYTES = 8; // magic, version, chunk shift: authenticated by the key wrap
const KEY_BYTES = 32;

/** A stored file whose tag does not verify (or whose shape is wrong): it is never shown. */
export class DamagedFileError extends Error {
  constructor(readonly path: string, detail: string) {
    super(`${detail} (${path})`);
    this.name = 'DamagedFileError';
  }
}

/** True when `head` starts like a sealed file (a plain file is anything else: the migration's test). */
export function looksSealed(head: Uint8Array): boolean {
  return head.length >= MAGIC.length + 1 && Buffer.from(head.subarray(0, MAGIC.length)).equals(MAGIC) && head[MAGIC.length] === FORMAT_VERSION;
}

/** A new header for a new file: a fresh data key, wrapped by the master key. */
export function newHeader(masterKey: Buffer): { header: Buffer; dataKey: Buffer } {
  const dataKey = randomBytes(KEY_BYTES);
  const prefix = Buffer.concat([MAGIC, Buffer.from([FORMAT_VERSION, CHUNK_SHIFT])]);
  const nonce = randomBytes(12);
  const wrap = createCipheriv('aes-256-gcm', masterKey, nonce).setAAD(prefix);
  const wrapped = Buffer.concat([wrap.update(dataKey), wrap.final()]);
  return { header: Buffer.concat([prefix, nonce, wrapped, wrap.getAuthTag()]), dataKey };
}

/** The data key of a file from its header; a header the master key did not write is damage. */
export function openHeader(header: Buffer, masterKey: Buffer, path: string): Buffer {
  if (header.length < HEADER_BYTES || !looksSealed(header)) throw new DamagedFileError(path, 'not a sealed Faxdesk file');
  if (header[MAGIC.length + 1] !== CHUNK_SHIFT) throw new DamagedFileError(path, 'unknown chunk size');
  const unwrap = createDecipheriv('aes-256-gcm', masterKey, header.subarray(PREFIX_BYTES, PREFIX_BYTES + 12)).setAAD(header.subarray(0, PREFIX_BYTES));
  unwrap.setAuthTag(header.subarray(HEADER_BYTES - TAG_BYTES, HEADER_BYTES));
  try {
    return Buffer.concat([unwrap.update(header.subarray(PREFIX_BYTES + 12, PREFIX_BYTES + 12 + KEY_BYTES)), unwrap.final()]);
  } catch {
    throw new DamagedFileError(path, 'the file key does not open with this computer’s key');
  }
}

function chunkNonceAndAad(header: Buffer, index: number, final: boolean): { nonce: Buffer; aad: Buffer } {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 4);
  const aad = Buffer.alloc(HEADER_BYTES + 9);
  header.copy(aad, 0, 0, HEADER_BYTES);
  aad.writeBigUInt64BE(BigInt(index), HEADER_BYTES);
  aad[HEADER_BYTES + 8] = final ? 1 : 0;
  return { nonce, aad };
}

export function sealChunk(dataKey: Buffer, header: Buffer, index: number, final: boolean, plain: Uint8Array): Buffer {
  return Buffer.concat(sealChunkParts(dataKey, header, index, final, plain));
}

/** sealChunk's output in the pieces the cipher gives (written as they are, never joined). */
export function sealChunkParts(dataKey: Buffer, header: Buffer, index: number, final: boolean, plain: Uint8Array): Buffer[] {
  const { nonce, aad } = chunkNonceAndAad(header, index, final);
  const cipher = createCipheriv('aes-256-gcm', dataKey, nonce).setAAD(aad);
  return [cipher.update(plain), cipher.final(), cipher.getAuthTag()];
}

export function openChunk(dataKey: Buffer, header: Buffer, index: number, final: boolean, sealed: Buffer, path: string): Buffer {
  if (sealed.length < TAG_BYTES) throw new DamagedFileError(path, `chunk ${index} is cut short`);
  const { nonce, aad } = chunkNonceAndAad(header, index, final);
  const decipher = createDecipheriv('aes-256-gcm', dataKey, nonce).setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
    const tail = decipher.final(); // empty for GCM: the plain chunk is not copied again
    return tail.length === 0 ? plain : Buffer.concat([plain, tail]);
  } catch {
    throw new DamagedFileError(path, `chunk ${index} does not verify`);
  }
}

/** Chunks and plain size of a sealed file of `fileBytes` bytes; undefined when no sealed file has that size. */
export function layoutOf(fileBytes: number): { chunks: number; plainBytes: number } | undefined {
  const body = fileBytes - HEADER_BYTES;
  if (body < TAG_BYTES) return undefined;
  const chunks = Math.ceil(body / (CHUNK_BYTES + TAG_BYTES));
  const last = body - (chunks - 1) * (CHUNK_BYTES + TAG_BYTES);
  if (last < TAG_BYTES) return undefined;
  return { chunks, plainBytes: body - chunks * TAG_BYTES };
}

/** Where chunk `index` starts in the file. */
export const chunkOffset = (index: number) => HEADER_BYTES + index * (CHUNK_BYTES + TAG_BYTES);
