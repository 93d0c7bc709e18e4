import type { SinchSettings } from '../../../../common/domain/account';
import { httpCall, readJson, type RetryPolicy } from '../httpCall';
import { sinchErrorFrom } from './sinchErrors';
import { SinchTokenResponseSchema } from './sinchSchemas';

export const SINCH_AUTH_ORIGIN = 'https://auth.sinch.com';
/** Refresh this long before `exp`, as the official SDK does. */
const REFRESH_MARGIN_MS = 60_000;

export interface SinchAuthOptions {
  settings: SinchSettings;
  secret: string;
  fetch: typeof fetch;
  timeoutMs?: number;
  policy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

interface CachedToken {
  header: string;
  /** Epoch ms after which we fetch a new one; Infinity when the token carries no expiry. */
  refreshAt: number;
}

/** Token URL: `authUrl`, else `baseUrl` (emulators serve both), else the public auth host (§2.2). */
export function sinchTokenUrl(settings: SinchSettings): string {
  const origin = settings.authUrl ?? settings.baseUrl ?? SINCH_AUTH_ORIGIN;
  return `${origin.replace(/\/+$/, '')}/oauth2/token`;
}

/** Reads `exp` (seconds) from a JWT without verifying it; undefined when the token is opaque. */
export function jwtExpiryMs(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Produces the Authorization header for Sinch calls. OAuth2 mode caches one bearer token, refreshes it
 * 60 s before its JWT `exp`, and shares one in-flight request between concurrent callers.
 */
export class SinchAuth {
  private cached: CachedToken | undefined;
  private inFlight: Promise<CachedToken> | undefined;
  private readonly basicHeader: string;
  private readonly now: () => number;

  constructor(private readonly options: SinchAuthOptions) {
    this.basicHeader = `Basic ${Buffer.from(`${options.settings.keyId}:${options.secret}`).toString('base64')}`;
    this.now = options.now ?? Date.now;
  }

  /** Only bearer tokens can be renewed; a 401 in Basic mode is final. */
  get renewable(): boolean {
    return this.options.settings.authMode !== 'basic';
  }

  async authorization(signal?: AbortSignal): Promise<string> {
    if (!this.renewable) return this.basicHeader;
    if (this.cached && this.now() < this.cached.refreshAt) return this.cached.header;
    this.inFlight ??= this.fetchToken(signal).finally(() => { this.inFlight = undefined; });
    this.cached = await this.inFlight;
    return this.cached.header;
  }

  /** Drops the token that was just refused, unless a newer one already replaced it. */
  invalidate(header: string): void {
    if (this.cached?.header === header) this.cached = undefined;
  }

  private async fetchToken(signal?: AbortSignal): Promise<CachedToken> {
    const url = sinchTokenUrl(this.options.settings);
    const token = await httpCall({
      provider: 'sinch',
      what: 'sign in to Sinch',
      // Asking for a token has no side effect, so it is safe to repeat.
      idempotent: true,
      timeoutMs: this.options.timeoutMs,
      policy: this.options.policy,
      sleep: this.options.sleep,
      signal,
      send: (attemptSignal) => this.options.fetch(url, {
        method: 'POST',
        headers: {
          Authorization: this.basicHeader,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
        signal: attemptSignal,
      }),
      parse: async (response) => SinchTokenResponseSchema.parse(await readJson(response)),
      // The token endpoint answers a wrong key with 400 or 403 as well as 401: all mean the key is wrong.
      toError: (response) => sinchErrorFrom(response, 'sign in to Sinch', true, { 400: 'unauthorized', 403: 'unauthorized' }),
    });
    const header = `Bearer ${token.access_token}`;
    const expiry = jwtExpiryMs(token.access_token)
      ?? (token.expires_in ? this.now() + token.expires_in * 1000 : undefined);
    if (expiry === undefined) return { header, refreshAt: Infinity };
    // Short-lived tokens (tests, emulators) would otherwise be refreshed on every call.
    const margin = Math.min(REFRESH_MARGIN_MS, Math.max(0, (expiry - this.now()) / 2));
    return { header, refreshAt: expiry - margin };
  }
}
