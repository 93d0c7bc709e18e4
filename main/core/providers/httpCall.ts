import type { ProviderKind } from '../../../common/domain/account';
import { ProviderError } from './providerError';

export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After we are willing to wait inside one call; longer ones surface as rate_limited. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 250, maxDelayMs: 4000, maxRetryAfterMs: 30_000 };

/** What every provider client takes besides its settings: the transport and its timing, injectable for tests. */
export interface ProviderClientBase<S> {
  settings: S;
  /** The secret from the keychain. */
  secret: string;
  fetch?: typeof fetch;
  /** Per-attempt timeout for ordinary calls. */
  timeoutMs?: number;
  policy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface HttpCallOptions<T> {
  provider: ProviderKind;
  /** A short name for messages, e.g. "list faxes". */
  what: string;
  /**
   * Safe to repeat: reads, PUT/DELETE. Non-idempotent calls (send, create) are retried only when the
   * provider provably did not act: a 429, or a connection refused before any byte left.
   */
  idempotent: boolean;
  /** Performs the request; called again for each attempt so bodies (streams) are rebuilt. */
  send: (signal: AbortSignal) => Promise<Response>;
  /** Reads a successful response. Throwing marks the reply malformed. */
  parse: (response: Response) => Promise<T>;
  /** Turns a non-2xx response into a ProviderError (ProviderError.fromResponse with the provider's body parser). */
  toError: (response: Response) => Promise<ProviderError>;
  timeoutMs?: number;
  policy?: RetryPolicy;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Codes of errors that happen before the request could have reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function classifyNetworkError(error: unknown, provider: ProviderKind, what: string, timedOut: boolean): ProviderError {
  if (error instanceof ProviderError) return error;
  const code = causeCode(error);
  if (timedOut) return ProviderError.network(`The provider did not answer in time (${what}).`, true, provider);
  if (code && NOT_SENT_CODES.has(code)) {
    return ProviderError.network(`Cannot reach the provider (${what}): ${code}.`, false, provider);
  }
  return ProviderError.network(`The connection to the provider failed (${what})${code ? `: ${code}` : ''}.`, true, provider);
}

function backoff(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/**
 * One HTTP call with timeouts, retries and error mapping, shared by every provider client.
 * Reads are retried on 5xx, 429, timeouts, resets and malformed replies; writes only when the
 * provider cannot have acted on them.
 */
export async function httpCall<T>(options: HttpCallOptions<T>): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? defaultSleep;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let lastError: ProviderError | undefined;

  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    if (options.signal?.aborted) throw ProviderError.network(`Cancelled (${options.what}).`, false, options.provider);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
    const onAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let waitMs: number | undefined;
    try {
      let response: Response;
      try {
        response = await options.send(controller.signal);
      } catch (error) {
        // A ProviderError from `send` is a decision already made by the caller's own layer (e.g. a
        // token request that ran its own retries, or was refused): repeating it here would multiply attempts.
        if (error instanceof ProviderError && !timedOut) throw error;
        lastError = classifyNetworkError(error, options.provider, options.what, timedOut);
        if (!options.idempotent && lastError.maybeAccepted) throw lastError;
        waitMs = backoff(attempt, policy);
        continue;
      }
      if (!response.ok) {
        lastError = await options.toError(response);
        const rateLimited = response.status === 429;
        const canRepeat = rateLimited || (options.idempotent && lastError.retryable);
        if (!canRepeat) throw lastError;
        if (rateLimited && lastError.retryAfterMs !== undefined && lastError.retryAfterMs > policy.maxRetryAfterMs) throw lastError;
        waitMs = lastError.retryAfterMs ?? backoff(attempt, policy);
        continue;
      }
      try {
        return await options.parse(response);
      } catch (error) {
        if (error instanceof ProviderError && error.code !== 'provider_unavailable') throw error;
        lastError = error instanceof ProviderError ? error
          : timedOut ? classifyNetworkError(error, options.provider, options.what, true)
          : new ProviderError({
            code: 'provider_unavailable',
            message: `The provider sent a reply we could not read (${options.what}).`,
            provider: options.provider,
            status: response.status,
            retryable: true,
            maybeAccepted: true,
          });
        if (!options.idempotent) throw lastError;
        waitMs = backoff(attempt, policy);
      }
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (waitMs !== undefined && attempt < policy.retries) await sleep(waitMs);
    }
  }
  throw lastError ?? ProviderError.network(`Request failed (${options.what}).`, false, options.provider);
}

/** Reads a JSON body; throws when it is not JSON (treated as a malformed reply). */
export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  return JSON.parse(text) as unknown;
}
