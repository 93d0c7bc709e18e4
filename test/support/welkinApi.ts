import { beforeEach } from 'vitest';
import {
  startWelkinEmulator, WELKIN_DEMO_CREDENTIALS, type RunningWelkinEmulator, type WelkinEmulatorOptions, type WelkinErrorItem, type WelkinFaxWire,
} from '../../main/emulators/welkin/index';
import { WelkinControlClient } from '../../main/emulators/welkin/welkinControlClient';
import { useEmulatorSuite, type WelkinSuite } from './emulatorSuite';
import { pdfBytes } from './testKit';
import type { TempFolder } from './tempFolder';

/** Raw HTTP against the Welkin emulator with the demo credentials, for the suites that test its wire. */

/** The emulator's own wire types: tests read exactly what it answers. */
export type FaxJson = WelkinFaxWire;
export type ErrorJson = WelkinErrorItem;

export function fetchToken(url: string, tenant: string = WELKIN_DEMO_CREDENTIALS.tenantName, client: string = WELKIN_DEMO_CREDENTIALS.apiClientName,
  secret: string = WELKIN_DEMO_CREDENTIALS.secret): Promise<Response> {
  return fetch(`${url}/${tenant}/admin/api_clients/${client}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ secret }),
  });
}

export async function signIn(url: string): Promise<string> {
  return ((await (await fetchToken(url)).json()) as { token: string }).token;
}

async function parse(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export type UploadFile = { name: string; data: string | Uint8Array; type?: string; field?: string };

/** Calls on the demo instance as its API client; `token` may be replaced mid-test. */
export class WelkinApi {
  url = '';
  token = '';

  /** `http://127.0.0.1:port/demo/live` */
  get base(): string {
    return `${this.url}/${WELKIN_DEMO_CREDENTIALS.tenantName}/${WELKIN_DEMO_CREDENTIALS.instanceName}`;
  }

  /** Authenticated JSON call; `path` starts with `/`. */
  async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; response: Response }> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: await parse(response), response };
  }

  async upload(faxId: string, files: UploadFile[]): Promise<{ status: number; json: unknown }> {
    const form = new FormData();
    for (const file of files) form.append(file.field ?? 'files', new Blob([file.data], { type: file.type ?? 'application/octet-stream' }), file.name);
    const response = await fetch(`${this.base}/faxes/${faxId}/files`, { method: 'POST', headers: { Authorization: `Bearer ${this.token}` }, body: form });
    return { status: response.status, json: await parse(response) };
  }
}

/** The suite's emulator (see useEmulatorSuite), with calls signed in afresh before each test. */
export class WelkinApiSuite extends WelkinApi implements WelkinSuite {
  emulator!: RunningWelkinEmulator;
  control!: WelkinControlClient;
  files!: TempFolder;
}

export function useWelkinApi(options: WelkinEmulatorOptions = {}): WelkinApiSuite {
  const suite = useEmulatorSuite(() => startWelkinEmulator({ port: 0, ...options }), (url) => new WelkinControlClient(url), options.speed ?? 1, new WelkinApiSuite());
  beforeEach(async () => { suite.token = await signIn(suite.url); });
  return suite;
}

/** An emulator of its own for one test (start options the suite's lacks), signed in; close it after. */
export async function startWelkinApi(options: WelkinEmulatorOptions): Promise<WelkinApi & { emulator: RunningWelkinEmulator; control: WelkinControlClient; close(): Promise<void> }> {
  const emulator = await startWelkinEmulator({ port: 0, ...options });
  const api = Object.assign(new WelkinApi(), { emulator, control: new WelkinControlClient(emulator.url), close: () => emulator.close() });
  api.url = emulator.url;
  api.token = await signIn(emulator.url);
  return api;
}

export function firstError(json: unknown): ErrorJson {
  const list = json as ErrorJson[];
  if (!Array.isArray(list) || !list[0]) throw new Error(`Not a Welkin error array: ${JSON.stringify(json)}`);
  return list[0];
}

/** A one-page PDF from the kit's factory, so uploads have real bytes. */
export const PDF_BYTES = await pdfBytes();

export async function draftWithFile(api: WelkinApi, receiver = '+19898989898'): Promise<FaxJson> {
  const created = await api.call('POST', '/faxes', { receiverFaxNumber: receiver, subject: 'Records' });
  const fax = created.json as FaxJson;
  const uploaded = await api.upload(fax.id, [{ name: 'records.pdf', data: PDF_BYTES, type: 'application/pdf' }]);
  if (uploaded.status !== 200) throw new Error(`upload failed ${uploaded.status} ${JSON.stringify(uploaded.json)}`);
  return uploaded.json as FaxJson;
}
