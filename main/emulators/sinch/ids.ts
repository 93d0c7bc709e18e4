import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let lastTime = -1;
let lastRandom: number[] = [];

/**
 * Monotonic ULID (26 chars, Crockford base32). Monotonic so that ids created in the same
 * millisecond still sort in creation order, which the list ordering relies on.
 */
export function ulid(time: number = Date.now()): string {
  const t = Math.max(Math.floor(time), lastTime);
  if (t === lastTime) {
    lastRandom = increment(lastRandom);
  } else {
    lastTime = t;
    lastRandom = Array.from(randomBytes(16), (byte) => byte % 32);
  }
  let timePart = '';
  let rest = t;
  for (let i = 0; i < 10; i++) {
    timePart = ALPHABET[rest % 32] + timePart;
    rest = Math.floor(rest / 32);
  }
  return timePart + lastRandom.map((digit) => ALPHABET[digit]).join('');
}

function increment(digits: number[]): number[] {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i--) {
    const digit = next[i] ?? 0;
    if (digit < 31) {
      next[i] = digit + 1;
      return next;
    }
    next[i] = 0;
  }
  return next;
}
