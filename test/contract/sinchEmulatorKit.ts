import { afterAll, beforeAll, beforeEach } from 'vitest';
import { SINCH_DEMO_CREDENTIALS, startSinchEmulator, type RunningSinchEmulator, type SinchEmulatorOptions } from '../../main/emulators/sinch/index';
import { pdfBytes } from '../support/testKit';

/** Shared by the sinchEmulator*.test.ts suites: real HTTP against an emulator on port 0. */

export const PROJECT = `/v3/projects/${SINCH_DEMO_CREDENTIALS.projectId}`;
export const BASIC = `Basic ${Buffer.from(`${SINCH_DEMO_CREDENTIALS.keyId}:${SINCH_DEMO_CREDENTIALS.keySecret}`).toString('base64')}`;

export interface Harness {
  emulator: RunningSinchEmulator;
  url: string;
}

/** Starts one emulator for the file and resets it before each test. */
export function useEmulator(options: SinchEmulatorOptions = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.emulator = await startSinchEmulator({ port: 0, speed: options.speed ?? 1, ...options });
    harness.url = harness.emulator.url;
  });
  afterAll(async () => {
    await harness.emulator?.close();
  });
  beforeEach(async () => {
    await control(harness.url, '/reset', {});
    await control(harness.url, '/clock', { speed: options.speed ?? 1 });
  });
  return harness;
}

/** Calls the API with Basic auth unless the init overrides Authorization. */
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

export async function control<T = Record<string, unknown>>(url: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}/__emulator${path}`, body === undefined ? {} : jsonInit('POST', body));
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function token(url: string): Promise<string> {
  const response = await fetch(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { Authorization: BASIC, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Blank pages: the emulator only counts them. */
export async function makePdf(pages = 1): Promise<Buffer> {
  return Buffer.from(await pdfBytes({ pages }));
}

export type WireFax = Record<string, unknown> & { id: string; status: string };

/** Sends one fax (JSON, contentUrl) and returns it. */
export async function sendJsonFax(url: string, body: Record<string, unknown>): Promise<WireFax> {
  const { status, body: fax } = await apiJson<WireFax>(url, '/faxes', jsonInit('POST', { contentUrl: 'https://example.com/a.pdf', ...body }));
  if (status !== 200) throw new Error(`send failed: ${status} ${JSON.stringify(fax)}`);
  return fax;
}

/** Moves virtual time so in-flight faxes finish now. */
export function advance(url: string, ms: number): Promise<unknown> {
  return control(url, '/clock', { advanceMs: ms });
}
