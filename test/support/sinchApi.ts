import { SINCH_DEMO_CREDENTIALS } from '../../main/emulators/sinch/constants';
import type { SinchWireFax } from '../../main/emulators/sinch/wire';

/** Raw HTTP against the Sinch emulator with the demo credentials, for the suites that test its wire. */

export const PROJECT = `/v3/projects/${SINCH_DEMO_CREDENTIALS.projectId}`;
export const BASIC = `Basic ${Buffer.from(`${SINCH_DEMO_CREDENTIALS.keyId}:${SINCH_DEMO_CREDENTIALS.keySecret}`).toString('base64')}`;

/** The emulator's own wire type: tests read exactly what it answers. */
export type WireFax = SinchWireFax;

/** Calls the API with Basic auth unless the init overrides Authorization; short paths are the project's. */
export function api(url: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('Authorization')) headers.set('Authorization', BASIC);
  return fetch(`${url}${path.startsWith('/v3') || path.startsWith('/oauth2') ? path : PROJECT + path}`, { ...init, headers });
}

export async function apiJson<T = Record<string, unknown>>(url: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await api(url, path, init);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}

export function jsonInit(method: string, body: unknown): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

/** The OAuth2 token request a client makes: client credentials with Basic auth. */
export function tokenRequest(url: string, authorization = BASIC): Promise<Response> {
  return fetch(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { Authorization: authorization, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
}

export async function token(url: string): Promise<string> {
  return ((await (await tokenRequest(url)).json()) as { access_token: string }).access_token;
}

/** Sends one fax (JSON, contentUrl) and returns it. */
export async function sendJsonFax(url: string, body: Record<string, unknown>): Promise<WireFax> {
  const { status, body: fax } = await apiJson<WireFax>(url, '/faxes', jsonInit('POST', { contentUrl: 'https://example.com/a.pdf', ...body }));
  if (status !== 200) throw new Error(`send failed: ${status} ${JSON.stringify(fax)}`);
  return fax;
}
