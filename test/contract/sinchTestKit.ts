import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SinchSettings } from '../../common/domain/account';
import type { OutgoingDocument } from '../../main/core/providers/faxProvider';
import type { RetryPolicy } from '../../main/core/providers/httpCall';
import { SinchProvider } from '../../main/core/providers/sinch/sinchProvider';
import type { SinchClientOptions } from '../../main/core/providers/sinch/sinchClient';
import { startSinchEmulator } from '../../main/emulators/sinch/index';
import { afterAll, beforeAll } from 'vitest';

/** Shared by the Sinch contract suites: an emulator on port 0, its control API, PDFs on disk. */

export const DEMO = { projectId: 'demo-project', keyId: 'demo-key', keySecret: 'demo-secret' } as const;
/** Sinch's free test number: runs the whole lifecycle to COMPLETED. */
export const TEST_NUMBER = '+19898989898';
export const BUSY_NUMBER = '+19898989801';
/** Fast retries so fault tests finish quickly; Retry-After still applies. */
export const FAST_RETRIES: RetryPolicy = { retries: 4, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 5_000 };

export interface FaultRequest {
  rate: number;
  kinds: Array<'500' | '429' | 'timeout' | 'reset' | 'malformed'>;
  pathPattern?: string;
  method?: string;
  count?: number;
  retryAfterSeconds?: number;
}

export type Emulator = Awaited<ReturnType<typeof startSinchEmulator>>;

export async function startEmulator(speed = 1000): Promise<Emulator> {
  return startSinchEmulator({ port: 0, speed });
}

export function settingsFor(url: string, overrides: Partial<SinchSettings> = {}): SinchSettings {
  return { projectId: DEMO.projectId, keyId: DEMO.keyId, authMode: 'oauth2', region: 'global', baseUrl: url, ...overrides };
}

export function providerFor(url: string, options: Partial<Omit<SinchClientOptions, 'settings'>> & { settings?: Partial<SinchSettings> } = {}): SinchProvider {
  const { settings, ...rest } = options;
  return new SinchProvider({ secret: DEMO.keySecret, policy: FAST_RETRIES, timeoutMs: 5_000, ...rest, settings: settingsFor(url, settings) });
}

async function control(url: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/__emulator${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json() as Promise<unknown>;
}

export const emulatorControl = {
  faults: (url: string, faults: FaultRequest) => control(url, '/faults', faults),
  clearFaults: (url: string) => control(url, '/faults', { rate: 0, kinds: ['500'] }),
  reset: (url: string) => control(url, '/reset', {}),
  clock: (url: string, clock: { speed?: number; advanceMs?: number }) => control(url, '/clock', clock),
  inbound: (url: string, fax: { from: string; to: string; pages?: number }) => control(url, '/inbound', fax),
  faxes: async (url: string): Promise<Array<Record<string, unknown>>> =>
    ((await control(url, '/faxes')) as { faxes: Array<Record<string, unknown>> }).faxes,
};

/** Wraps fetch to count requests by path, e.g. how many token requests were made. */
export function countingFetch(): { fetch: typeof fetch; count: (pathPart: string) => number; calls: string[] } {
  const calls: string[] = [];
  const counting: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
    return fetch(input, init);
  };
  return { fetch: counting, calls, count: (pathPart) => calls.filter((call) => call.includes(pathPart)).length };
}

export interface TempDir {
  path: string;
  remove(): Promise<void>;
}

export async function tempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'faxdesk-sinch-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export { readAll, waitFor, writePdf as makePdf } from '../support/testKit';

export async function makeFile(dir: string, name: string, bytes: Buffer, contentType: string): Promise<OutgoingDocument> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return { path, name, contentType, sizeBytes: bytes.length };
}



/** One emulator and temp folder per file. */
export function useSinchEmulator(speed: number, use: (emulator: Emulator, dir: TempDir) => void): void {
  let emulator: Emulator;
  let dir: TempDir;
  beforeAll(async () => {
    emulator = await startEmulator(speed);
    dir = await tempDir();
    use(emulator, dir);
  });
  afterAll(async () => {
    await emulator.close();
    await dir.remove();
  });
}
