import { startWelkinEmulator, WELKIN_DEMO_CREDENTIALS } from '../../main/emulators/welkin/index';
import type { WelkinFaxWire } from '../../main/emulators/welkin/index';

export type StartedWelkin = Awaited<ReturnType<typeof startWelkinEmulator>>;

export interface WelkinHarness {
  emulator: StartedWelkin;
  /** `http://127.0.0.1:port/demo/live` */
  base: string;
  token: string;
  /** Authenticated JSON call on the demo instance; `path` starts with `/`. */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; response: Response }>;
  upload(faxId: string, files: Array<{ name: string; data: string | Uint8Array; type?: string; field?: string }>): Promise<{ status: number; json: unknown }>;
  control(path: string, body?: unknown, method?: string): Promise<{ status: number; json: unknown }>;
  close(): Promise<void>;
}

export async function fetchToken(url: string, tenant: string = WELKIN_DEMO_CREDENTIALS.tenantName, client: string = WELKIN_DEMO_CREDENTIALS.apiClientName,
  secret: string = WELKIN_DEMO_CREDENTIALS.secret): Promise<Response> {
  return fetch(`${url}/${tenant}/admin/api_clients/${client}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ secret }),
  });
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

export async function startHarness(options: { speed?: number; tokenTtlSeconds?: number } = {}): Promise<WelkinHarness> {
  const emulator = await startWelkinEmulator({ port: 0, ...options });
  const tokenResponse = await fetchToken(emulator.url);
  const { token } = (await tokenResponse.json()) as { token: string };
  const base = `${emulator.url}/${WELKIN_DEMO_CREDENTIALS.tenantName}/${WELKIN_DEMO_CREDENTIALS.instanceName}`;
  const harness: WelkinHarness = {
    emulator,
    base,
    token,
    async call(method, path, body) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${harness.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await parse(response), response };
    },
    async upload(faxId, files) {
      const form = new FormData();
      for (const file of files) form.append(file.field ?? 'files', new Blob([file.data], { type: file.type ?? 'application/octet-stream' }), file.name);
      const response = await fetch(`${base}/faxes/${faxId}/files`, { method: 'POST', headers: { Authorization: `Bearer ${harness.token}` }, body: form });
      return { status: response.status, json: await parse(response) };
    },
    async control(path, body, method = 'POST') {
      const response = await fetch(`${emulator.url}/__emulator${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: await parse(response) };
    },
    close: () => emulator.close(),
  };
  return harness;
}

/** The emulator's own wire type: tests read exactly what it answers. */
export type FaxJson = WelkinFaxWire;

export interface ErrorJson {
  errorCode: string;
  componentType: string;
  message: string;
  details: Record<string, unknown>;
  date?: string;
}

export function firstError(json: unknown): ErrorJson {
  const list = json as ErrorJson[];
  if (!Array.isArray(list) || !list[0]) throw new Error(`Not a Welkin error array: ${JSON.stringify(json)}`);
  return list[0];
}

/** A tiny valid PDF made in the test, so uploads have real bytes. */
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export async function draftWithFile(h: WelkinHarness, receiver = '+19898989898'): Promise<FaxJson> {
  const created = await h.call('POST', '/faxes', { receiverFaxNumber: receiver, subject: 'Records' });
  const fax = created.json as FaxJson;
  const uploaded = await h.upload(fax.id, [{ name: 'records.pdf', data: PDF_BYTES, type: 'application/pdf' }]);
  if (uploaded.status !== 200) throw new Error(`upload failed ${uploaded.status} ${JSON.stringify(uploaded.json)}`);
  return uploaded.json as FaxJson;
}
