export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000 };

/** A wait the failing side asked for (HTTP Retry-After), read structurally from any error. */
export function retryAfterOf(error: unknown): number | undefined {
  const value = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * How long to wait before attempt `attempt + 1`. Exponential with "equal jitter" (half fixed, half
 * random) so many jobs failing together do not come back together; a Retry-After is a floor,
 * never shortened, with a little jitter on top.
 */
export function backoffDelay(attempt: number, error: unknown, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random): number {
  const asked = retryAfterOf(error);
  if (asked !== undefined) return Math.round(asked + random() * Math.min(1_000, asked * 0.1));
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
