import type { WelkinSettings } from '../../../../common/domain/account';
import { httpCall, readJson, type RetryPolicy } from '../httpCall';
import { welkinErrorFrom } from './welkinErrors';
import { WelkinTokenResponseSchema, type WelkinTokenResponse } from './welkinSchemas';

/** Renew this long before the JWT says it expires, so a request never leaves with a dying token. */
export const TOKEN_EXPIRY_MARGIN_MS = 60_000;
/** Welkin documents a one-hour lifetime (reference §2.1); used when the token carries no `exp`. */
const DOCUMENTED_TOKEN_LIFETIME_MS = 3_600_000;

export interface WelkinTokenSourceOptions {
  settings: WelkinSettings;
  secret: string;
  fetch: typeof fetch;
  timeoutMs: number;
  policy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Origin plus optional path prefix of the API, without a trailing slash. */
export function welkinApiBase(settings: WelkinSettings): string {
  return settings.baseUrl.replace(/\/+$/, '');
}

/** Reads `exp` (seconds) from a JWT payload without verifying it; undefined when it is not a JWT. */
export function jwtExpiryMs(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const exp = claims && typeof claims === 'object' ? (claims as { exp?: unknown }).exp : undefined;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Welkin API-client tokens (reference §2): requested with the secret, cached until `exp` − 60 s,
 * one request in flight however many callers need a token (Welkin blocks >100 token calls / 5 min).
 */
export class WelkinTokenSource {
  private cached: { token: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;
  private requests = 0;
  private readonly now: () => number;

  constructor(private readonly options: WelkinTokenSourceOptions) {
    this.now = options.now ?? Date.now;
  }

  /** How many token requests this source has made (for tests and diagnostics). */
  get tokenRequests(): number {
    return this.requests;
  }

  async getToken(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return this.cached.token;
    // Single flight: concurrent callers share one request. Not tied to any caller's AbortSignal.
    this.pending ??= this.requestToken().finally(() => { this.pending = undefined; });
    return this.pending;
  }

  /** Drops `token` after Welkin rejected it, unless a newer one has replaced it already. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async requestToken(): Promise<string> {
    const { settings, secret } = this.options;
    const url = `${welkinApiBase(settings)}/${encodeURIComponent(settings.tenant)}/admin/api_clients/${encodeURIComponent(settings.apiClient)}`;
    const body = JSON.stringify({ secret });
    const response = await httpCall<WelkinTokenResponse>({
      provider: 'welkin',
      what: 'sign in to Welkin',
      // Asking for a token twice is harmless (it only counts towards Welkin's token limit).
      idempotent: true,
      send: (signal) => {
        this.requests++;
        return this.options.fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body, signal });
      },
      parse: async (reply) => WelkinTokenResponseSchema.parse(await readJson(reply)),
      // An unknown tenant or client, or a refused one, is a credentials problem for the user.
      toError: (reply) => welkinErrorFrom(reply, 'sign in to Welkin', true, { 403: 'unauthorized', 404: 'unauthorized' }),
      timeoutMs: this.options.timeoutMs,
      policy: this.options.policy,
      sleep: this.options.sleep,
    });
    const expiresAt = jwtExpiryMs(response.token)
      ?? (response.expiresAt ? Date.parse(response.expiresAt) : Number.NaN);
    const lifetimeEnd = Number.isFinite(expiresAt) ? expiresAt : this.now() + DOCUMENTED_TOKEN_LIFETIME_MS;
    this.cached = { token: response.token, renewAt: lifetimeEnd - TOKEN_EXPIRY_MARGIN_MS };
    return response.token;
  }
}
