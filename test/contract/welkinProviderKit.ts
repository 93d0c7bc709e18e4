import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WelkinSettings } from '../../common/domain/account';
import type { OutgoingDocument } from '../../main/core/providers/faxProvider';
import type { RetryPolicy } from '../../main/core/providers/httpCall';
import { WelkinProvider, type WelkinProviderOptions } from '../../main/core/providers/welkin/welkinProvider';
import { startWelkinEmulator } from '../../main/emulators/welkin/index';
import { writePdf } from '../support/testKit';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** Shared set-up for the Welkin contract suites: emulator, provider, request log, files. */

export type RunningWelkin = Awaited<ReturnType<typeof startWelkinEmulator>>;

/** Short waits so fault tests stay fast; Retry-After still decides 429 waits. */
export const FAST_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 5_000 };

export const DEMO = { tenant: 'demo', instance: 'live', apiClient: 'demo-client', secret: 'demo-secret' } as const;

export interface LoggedRequest {
  method: string;
  path: string;
}

/** A fetch that records every request the provider makes (token calls included). */
export function recordingFetch(): { fetch: typeof fetch; log: LoggedRequest[] } {
  const log: LoggedRequest[] = [];
  const wrapped: typeof fetch = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    log.push({ method: init?.method ?? 'GET', path: url.pathname });
    return fetch(input, init);
  };
  return { fetch: wrapped, log };
}

export function makeProvider(emulator: RunningWelkin, overrides: Omit<Partial<WelkinProviderOptions>, 'settings'> & { settings?: Partial<WelkinSettings> } = {}): WelkinProvider {
  const { settings, ...rest } = overrides;
  return new WelkinProvider({
    settings: { tenant: DEMO.tenant, instance: DEMO.instance, apiClient: DEMO.apiClient, baseUrl: emulator.url, ...settings },
    secret: DEMO.secret,
    timeoutMs: 5_000,
    policy: FAST_POLICY,
    ...rest,
  });
}

/** Calls the emulator's control API (`/__emulator/...`). */
export async function control<T = unknown>(emulator: RunningWelkin, path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<T> {
  const response = await fetch(`${emulator.url}/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${method} ${path} → ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface EmulatorFax {
  id: string;
  status: string;
  direction: string;
  receiverFaxNumber: string | null;
  subject: string | null;
  files: Array<{ id: string }>;
}

export async function emulatorFaxes(emulator: RunningWelkin): Promise<EmulatorFax[]> {
  const reply = await control<{ faxes: EmulatorFax[] }>(emulator, '/faxes');
  return reply.faxes;
}

/** Temp folder with generated documents; `dispose` removes it. */
export class TempFiles {
  private constructor(readonly dir: string) {}

  static async create(): Promise<TempFiles> {
    return new TempFiles(await mkdtemp(join(tmpdir(), 'faxdesk-welkin-')));
  }

  pdf(name = 'letter.pdf', pages = 1): Promise<OutgoingDocument> {
    return writePdf(this.dir, name, pages);
  }

  async file(name: string, bytes: Uint8Array, contentType: string): Promise<OutgoingDocument> {
    const path = join(this.dir, name);
    await writeFile(path, bytes);
    return { path, name, contentType, sizeBytes: bytes.byteLength };
  }

  /** A sparse file: claims `sizeBytes` on disk without writing them. */
  async sparse(name: string, sizeBytes: number, contentType = 'application/pdf'): Promise<OutgoingDocument> {
    const path = join(this.dir, name);
    await writeFile(path, '');
    await truncate(path, sizeBytes);
    return { path, name, contentType, sizeBytes };
  }

  dispose(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}

export { readAll } from '../support/testKit';

/** One emulator and temp folder per file, the emulator reset before each test. */
export function useWelkinEmulator(use: (emulator: RunningWelkin, files: TempFiles) => void): void {
  let emulator: RunningWelkin;
  let files: TempFiles;
  beforeAll(async () => {
    emulator = await startWelkinEmulator({ port: 0 });
    files = await TempFiles.create();
    use(emulator, files);
  });
  afterAll(async () => {
    await emulator.close();
    await files.dispose();
  });
  beforeEach(() => control(emulator, '/reset', {}));
}
