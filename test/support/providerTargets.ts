import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProviderKind } from '../../common/domain/account';
import type { Capability, FullFaxProvider } from '../../main/core/providers/faxProvider';
import type { RetryPolicy } from '../../main/core/providers/httpCall';
import { ProviderError } from '../../main/core/providers/providerError';
import { SinchProvider } from '../../main/core/providers/sinch/sinchProvider';
import { WelkinProvider } from '../../main/core/providers/welkin/welkinProvider';
import { startSinchEmulator } from '../../main/emulators/sinch/index';
import { startWelkinEmulator } from '../../main/emulators/welkin/index';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/**
 * One place that knows how to run each provider against its emulator, so the contract suites can
 * be written once against `FaxProvider` and parameterised with `describe.each(PROVIDER_TARGETS)`.
 */

export type FaultKind = '500' | '429' | 'timeout' | 'reset' | 'malformed';

export interface FaultRequest {
  rate: number;
  kinds: FaultKind[];
  pathPattern?: string;
  method?: string;
  count?: number;
  retryAfterSeconds?: number;
}

/** Fast retries so fault tests finish quickly; a Retry-After up to 5 s is still honoured. */
export const FAST_POLICY: RetryPolicy = { retries: 2, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 5_000 };

export interface ProviderOverrides {
  secret?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  policy?: RetryPolicy;
}

/** The shared control API (`/__emulator`) both emulators answer. */
export interface EmulatorControl {
  faults(fault: FaultRequest): Promise<void>;
  clearFaults(): Promise<void>;
  clock(clock: { speed?: number; advanceMs?: number }): Promise<void>;
  reset(): Promise<void>;
  /** Creates a received fax; returns its provider id. */
  inbound(fax: { from: string; to: string; pages?: number }): Promise<string>;
  /** Every fax the emulator holds, drafts included (for counting duplicates and leftovers). */
  faxCount(): Promise<number>;
}

export interface RunningTarget {
  url: string;
  control: EmulatorControl;
  provider(overrides?: ProviderOverrides): FullFaxProvider;
  close(): Promise<void>;
}

export interface ProviderTarget {
  kind: ProviderKind;
  /** What the provider declares, read from an instance (no request is made). */
  capabilities: ReadonlySet<Capability>;
  /** The account's own number: where inbound faxes arrive. */
  ownNumber: string;
  /** Path regex of the request that submits a fax (the one a send must never repeat). */
  sendPathPattern: string;
  /** Path regex matching the fax read endpoints (get, list). */
  readPathPattern: string;
  /** An id in the provider's format that no fax has. */
  unknownFaxId: string;
  /** Fails on the first attempt and succeeds on a server-side retry (retryOnServer). */
  failsOnceNumber?: string;
  start(speed: number): Promise<RunningTarget>;
}

/** Numbers both emulators treat the same way (see each emulator's README). */
export const NUMBERS = {
  delivered: '+19898989898',
  busy: '+19898989801',
  partial: '+19898989803',
  /** A remote sender for inbound faxes. */
  sender: '+15551230099',
} as const;

async function call(url: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/__emulator${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator control ${path}: HTTP ${response.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

function controlFor(url: string): EmulatorControl {
  return {
    faults: async (fault) => { await call(url, '/faults', fault); },
    clearFaults: async () => { await call(url, '/faults', { rate: 0, kinds: ['500'] }); },
    clock: async (clock) => { await call(url, '/clock', clock); },
    reset: async () => { await call(url, '/reset', {}); },
    inbound: async (fax) => {
      const created = (await call(url, '/inbound', fax)) as { id?: unknown };
      if (typeof created.id !== 'string') throw new Error(`emulator inbound returned no id: ${JSON.stringify(created)}`);
      return created.id;
    },
    faxCount: async () => ((await call(url, '/faxes')) as { faxes: unknown[] }).faxes.length,
  };
}

const PLACEHOLDER_URL = 'http://127.0.0.1:9';

function sinchProvider(url: string, overrides: ProviderOverrides = {}): SinchProvider {
  return new SinchProvider({
    settings: { projectId: 'demo-project', keyId: 'demo-key', authMode: 'oauth2', region: 'global', baseUrl: url, authUrl: url },
    secret: overrides.secret ?? 'demo-secret',
    fetch: overrides.fetch,
    timeoutMs: overrides.timeoutMs ?? 5_000,
    policy: overrides.policy ?? FAST_POLICY,
  });
}

function welkinProvider(url: string, overrides: ProviderOverrides = {}): WelkinProvider {
  return new WelkinProvider({
    settings: { tenant: 'demo', instance: 'live', apiClient: 'demo-client', baseUrl: url },
    secret: overrides.secret ?? 'demo-secret',
    fetch: overrides.fetch,
    timeoutMs: overrides.timeoutMs ?? 5_000,
    uploadTimeoutMs: overrides.timeoutMs ?? 5_000,
    policy: overrides.policy ?? FAST_POLICY,
  });
}

export const SINCH_TARGET: ProviderTarget = {
  kind: 'sinch',
  capabilities: sinchProvider(PLACEHOLDER_URL).capabilities,
  ownNumber: '+12015550100',
  sendPathPattern: '^/v3/projects/[^/]+/faxes$',
  readPathPattern: '^/v3/projects/[^/]+/faxes(/[^/]+)?$',
  unknownFaxId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  async start(speed) {
    const emulator = await startSinchEmulator({ port: 0, speed });
    return { url: emulator.url, control: controlFor(emulator.url), provider: (o) => sinchProvider(emulator.url, o), close: () => emulator.close() };
  },
};

export const WELKIN_TARGET: ProviderTarget = {
  kind: 'welkin',
  capabilities: welkinProvider(PLACEHOLDER_URL).capabilities,
  ownNumber: '+15557654321',
  sendPathPattern: '^/demo/live/faxes/[^/]+/send$',
  readPathPattern: '^/demo/live/faxes(/[^/]+)?$',
  unknownFaxId: '00000000-0000-4000-8000-000000000000',
  failsOnceNumber: '+19898989805',
  async start(speed) {
    const emulator = await startWelkinEmulator({ port: 0, speed });
    return { url: emulator.url, control: controlFor(emulator.url), provider: (o) => welkinProvider(emulator.url, o), close: () => emulator.close() };
  },
};

export const PROVIDER_TARGETS: readonly ProviderTarget[] = [SINCH_TARGET, WELKIN_TARGET];

/** Wraps fetch to record `METHOD /path` of every request a provider makes. */
export function recordingFetch(): { fetch: typeof fetch; count(method: string, pathPattern: string): number } {
  const calls: Array<{ method: string; path: string }> = [];
  const recording: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({ method: (init?.method ?? 'GET').toUpperCase(), path: new URL(url).pathname });
    return fetch(input, init);
  };
  return {
    fetch: recording,
    count: (method, pathPattern) => {
      const pattern = new RegExp(pathPattern);
      return calls.filter((entry) => entry.method === method && pattern.test(entry.path)).length;
    },
  };
}

export interface TempDir {
  path: string;
  remove(): Promise<void>;
}

export async function tempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'faxdesk-contract-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export { readAll, waitFor, writePdf as makePdf } from './testKit';



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

/**
 * One emulator and temp folder per suite, reset (with its clock at `speed`) and a fresh provider
 * before each test; `use` receives them for the suite's own variables.
 */
export function useTarget(target: ProviderTarget, speed: number, use: (emulator: RunningTarget, dir: TempDir, provider: FullFaxProvider) => void): void {
  let emulator: RunningTarget;
  let dir: TempDir;
  beforeAll(async () => {
    emulator = await target.start(speed);
    dir = await tempDir();
  });
  afterAll(async () => {
    await emulator.close();
    await dir.remove();
  });
  beforeEach(async () => {
    await emulator.control.reset();
    await emulator.control.clock({ speed });
    use(emulator, dir, emulator.provider());
  });
}
