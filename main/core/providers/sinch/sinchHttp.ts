import type { z } from 'zod';
import type { SinchSettings } from '../../../../common/domain/account';
import { httpCall, readJson, type ProviderClientBase } from '../httpCall';
import { SinchAuth } from './sinchAuth';
import { isExpiredTokenResponse, sinchErrorFrom } from './sinchErrors';
import { multipartHeaders, multipartInit, type StreamingMultipart } from '../streamingMultipart';

export interface SinchClientOptions extends ProviderClientBase<SinchSettings> {
  /** Slowest upload speed we wait for; a send's timeout grows with its body. */
  minUploadBytesPerSecond?: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | undefined | null;

export interface SinchRequest<T> {
  method: HttpMethod;
  /** Path under `/v3/projects/{projectId}`, built with `sinchPath` so parameters are encoded. */
  path: string;
  query?: ReadonlyArray<readonly [string, QueryValue]>;
  json?: unknown;
  multipart?: StreamingMultipart;
  accept?: string;
  what: string;
  idempotent: boolean;
  parse: (response: Response) => Promise<T>;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_UPLOAD_RATE = 50_000;

/** The API origin: `baseUrl` wins (emulators, proxies), else the region's host (§1). */
export function sinchApiOrigin(settings: SinchSettings): string {
  if (settings.baseUrl) return settings.baseUrl.replace(/\/+$/, '');
  return settings.region === 'global' ? 'https://fax.api.sinch.com' : `https://${settings.region}.fax.api.sinch.com`;
}

/** Template tag that percent-encodes every interpolated path parameter (`+` → `%2B`, `@` → `%40`). */
export function sinchPath(strings: TemplateStringsArray, ...params: Array<string | number>): string {
  return strings.reduce((path, text, index) => path + text + (index < params.length ? encodeURIComponent(String(params[index])) : ''), '');
}

/** Encodes keys and values strictly, so `to=+1201` cannot turn into a space and `createTime>` survives. */
export function buildQuery(params: ReadonlyArray<readonly [string, QueryValue]>): string {
  const pairs = params
    .filter((pair): pair is readonly [string, string | number | boolean] => pair[1] !== undefined && pair[1] !== null && pair[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/** Reads a JSON reply and validates it; a mismatch throws, which httpCall treats as a malformed reply. */
export function parseJsonWith<T>(schema: z.ZodType<T>): (response: Response) => Promise<T> {
  return async (response) => schema.parse(await readJson(response));
}

/** Reads an empty (or ignorable) success reply. */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel();
}

/**
 * Transport for Sinch: URLs, headers, auth, retries (via httpCall) and the one token refresh on a
 * 401 "expired". Knows nothing about individual endpoints.
 */
export class SinchHttp {
  readonly auth: SinchAuth;
  private readonly fetchImpl: typeof fetch;
  private readonly projectUrl: string;

  constructor(private readonly options: SinchClientOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.projectUrl = `${sinchApiOrigin(options.settings)}/v3/projects/${encodeURIComponent(options.settings.projectId)}`;
    this.auth = new SinchAuth({
      settings: options.settings,
      secret: options.secret,
      fetch: this.fetchImpl,
      timeoutMs: options.timeoutMs,
      policy: options.policy,
      sleep: options.sleep,
      now: options.now,
    });
  }

  url(path: string, query: SinchRequest<unknown>['query'] = []): string {
    return `${this.projectUrl}${path}${buildQuery(query)}`;
  }

  async request<T>(spec: SinchRequest<T>): Promise<T> {
    // One renewal at most: a second 401 means the credentials are wrong, not the token old.
    for (let renewed = false; ; renewed = true) {
      const authorization = await this.auth.authorization(spec.signal);
      let tokenExpired = false;
      try {
        return await this.attempt(spec, authorization, (response) => {
          if (isExpiredTokenResponse(response)) tokenExpired = true;
        });
      } catch (error) {
        if (tokenExpired && !renewed && this.auth.renewable) {
          this.auth.invalidate(authorization);
          continue;
        }
        throw error;
      }
    }
  }

  private attempt<T>(spec: SinchRequest<T>, authorization: string, inspectError: (response: Response) => void): Promise<T> {
    const url = this.url(spec.path, spec.query);
    const baseTimeout = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const uploadRate = this.options.minUploadBytesPerSecond ?? DEFAULT_UPLOAD_RATE;
    const timeoutMs = spec.multipart ? baseTimeout + (spec.multipart.contentLength * 1000) / uploadRate : baseTimeout;
    const headers: Record<string, string> = { Authorization: authorization, Accept: spec.accept ?? 'application/json' };
    const jsonBody = spec.json === undefined ? undefined : JSON.stringify(spec.json);
    if (jsonBody !== undefined) headers['Content-Type'] = 'application/json';
    if (spec.multipart) Object.assign(headers, multipartHeaders(spec.multipart));
    return httpCall({
      provider: 'sinch',
      what: spec.what,
      idempotent: spec.idempotent,
      timeoutMs,
      policy: this.options.policy,
      sleep: this.options.sleep,
      signal: spec.signal,
      send: (signal) => this.fetchImpl(url, {
        method: spec.method,
        headers,
        // Sinch never redirects; a body stream is opened per attempt (see multipartInit).
        redirect: 'error',
        ...(spec.multipart ? multipartInit(spec.multipart) : { body: jsonBody }),
        signal,
      }),
      parse: spec.parse,
      toError: async (response) => {
        inspectError(response);
        return sinchErrorFrom(response, spec.what, spec.idempotent);
      },
    });
  }
}

