/** Wrong PINs taken without a wait; each one past them doubles the wait. */
export const FREE_TRIES = 3;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;

/** How long to wait after `failedTries` wrong PINs in a row: 3 → 30 s, 4 → 60 s, 5 → 2 min … at most 15 min. */
export function waitAfter(failedTries: number): number {
  if (failedTries < FREE_TRIES) return 0;
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failedTries - FREE_TRIES));
}

/**
 * What is left of the wait, from the stored time of the last wrong PIN: survives a restart. A clock
 * set back never makes the wait longer than it was.
 */
export function retryInMs(failedTries: number, lastFailedAt: number, now: number): number {
  const wait = waitAfter(failedTries);
  return Math.min(wait, Math.max(0, lastFailedAt + wait - now));
}
