import type { SinchSettings, WelkinSettings } from '../../common/domain/account';
import type { RetryPolicy } from '../../main/core/providers/httpCall';
import { ProviderError } from '../../main/core/providers/providerError';
import type { SinchClientOptions } from '../../main/core/providers/sinch/sinchClient';
import { SinchProvider } from '../../main/core/providers/sinch/sinchProvider';
import { WelkinProvider, type WelkinProviderOptions } from '../../main/core/providers/welkin/welkinProvider';
import { SINCH_DEMO_CREDENTIALS } from '../../main/emulators/sinch/constants';
import { WELKIN_DEMO_CREDENTIALS } from '../../main/emulators/welkin/constants';

/** Providers signed in to an emulator with its demo credentials, and the tools to watch them. */

/**
 * The one fast-retry setting of the test suites: short waits so fault tests finish quickly, while a
 * Retry-After up to 5 s is still honoured. Tests that count attempts count `retries + 1`.
 */
export const FAST_RETRY_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 5_000 };

const TIMEOUT_MS = 5_000;

export type SinchOverrides = Partial<Omit<SinchClientOptions, 'settings'>> & { settings?: Partial<SinchSettings> };

export function sinchProviderFor(url: string, overrides: SinchOverrides = {}): SinchProvider {
  const { settings, ...rest } = overrides;
  return new SinchProvider({
    secret: SINCH_DEMO_CREDENTIALS.keySecret, policy: FAST_RETRY_POLICY, timeoutMs: TIMEOUT_MS, ...rest,
    settings: { projectId: SINCH_DEMO_CREDENTIALS.projectId, keyId: SINCH_DEMO_CREDENTIALS.keyId, authMode: 'oauth2', region: 'global', baseUrl: url, ...settings },
  });
}

export type WelkinOverrides = Partial<Omit<WelkinProviderOptions, 'settings'>> & { settings?: Partial<WelkinSettings> };

export function welkinProviderFor(url: string, overrides: WelkinOverrides = {}): WelkinProvider {
  const { settings, ...rest } = overrides;
  return new WelkinProvider({
    secret: WELKIN_DEMO_CREDENTIALS.secret, policy: FAST_RETRY_POLICY, timeoutMs: TIMEOUT_MS, ...rest,
    settings: {
      tenant: WELKIN_DEMO_CREDENTIALS.tenantName, instance: WELKIN_DEMO_CREDENTIALS.instanceName,
      apiClient: WELKIN_DEMO_CREDENTIALS.apiClientName, baseUrl: url, ...settings,
    },
  });
}

export interface RecordedRequest {
  method: string;
  path: string;
}

/** A fetch that records `METHOD /path` of every request a provider makes (token calls included). */
export function recordingFetch(): {
  fetch: typeof fetch;
  requests: RecordedRequest[];
  /** Requests whose path contains `path` (a string) or matches it (a RegExp), of `method` when given. */
  count(path: string | RegExp, method?: string): number;
} {
  const requests: RecordedRequest[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push({ method: (init?.method ?? 'GET').toUpperCase(), path: new URL(url).pathname });
    return fetch(input, init);
  };
  const matches = (path: string, pattern: string | RegExp) => (typeof pattern === 'string' ? path.includes(pattern) : pattern.test(path));
  return {
    fetch: recording,
    requests,
    count: (path, method) => requests.filter((entry) => (method === undefined || entry.method === method) && matches(entry.path, path)).length,
  };
}

/** The rejection of `promise`, asserted to be a ProviderError. */
export async function providerErrorOf(promise: Promise<unknown>): Promise<ProviderError> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw new Error(`expected a ProviderError, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected a rejection, got ${JSON.stringify(outcome)}`);
}
