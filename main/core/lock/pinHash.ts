import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost: N = 2^15, r = 8, p = 1 (OWASP's minimum is 2^17 with p = 1 … we trade some for a ~100 ms unlock). */
export interface ScryptCost { N: number; r: number; p: number }
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** node:crypto's async scrypt runs on libuv's thread pool: the core's event loop does not wait for it. */
function derive(pin: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // Room for 128·N·r bytes and a margin (the default ceiling, 32 MiB, is exactly 2^15·8·128).
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * `scrypt$N$r$p$salt$hash` (base64): the cost goes with the hash, so a later, dearer cost still
 * verifies the PINs set before it. A fresh random salt each time a PIN is set; the PIN is never kept.
 */
export async function hashPin(pin: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(pin, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether `pin` is the one `stored` was made from; a stored value that is not a hash matches nothing. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = FORMAT.exec(stored);
  if (!parts) return false;
  const [, N, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash!, 'base64');
  const key = await derive(pin, Buffer.from(salt!, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
  return expected.length === key.length && timingSafeEqual(expected, key);
}
