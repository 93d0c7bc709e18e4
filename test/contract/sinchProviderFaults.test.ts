import { beforeEach, describe, expect, it } from 'vitest';
import type { ProviderError } from '../../main/core/providers/providerError';
import type { SinchProvider } from '../../main/core/providers/sinch/sinchProvider';
import type { FaultRequest } from '../../main/emulators/shared/faults';
import { startSinchEmulator } from '../../main/emulators/sinch/index';
import { useSinchEmulator } from '../support/emulatorSuite';
import { FAST_RETRY_POLICY, recordingFetch, sinchProviderFor } from '../support/providerKit';
import { NUMBERS } from '../support/providerTargets';
import { readAll } from '../support/testKit';

/** Sinch's free test number: runs the whole lifecycle to COMPLETED. */
const TEST_NUMBER = NUMBERS.delivered;


let counter: ReturnType<typeof recordingFetch>;
let provider: SinchProvider;
let faxId: string;

const LIST = { pathPattern: '/faxes$', method: 'GET' };
const SEND = { pathPattern: '/faxes$', method: 'POST' };

async function inject(fault: FaultRequest): Promise<void> {
  await suite.control.faults(fault);
}

async function caught(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    return error as ProviderError;
  }
  throw new Error('expected a rejection');
}

const suite = useSinchEmulator({ speed: 1000 });
beforeEach(async () => {
  counter = recordingFetch();
  // Long enough for a busy machine to answer, short enough for the timeout faults to be quick.
  provider = sinchProviderFor(suite.url, { fetch: counter.fetch, timeoutMs: 1_500 });
  const [fax] = await provider.send({ to: [TEST_NUMBER], documents: [await suite.files.pdf('seed.pdf')] });
  faxId = fax?.id ?? '';
});

describe('reads under faults: recover after retries', () => {
  it.each(['500', 'reset', 'malformed', 'timeout'] as const)('list survives two %s faults', async (kind) => {
    await inject({ rate: 1, kinds: [kind], count: 2, ...LIST });
    const page = await provider.listFaxes();
    expect(page.totalItems).toBe(1);
    expect(counter.count('/v3/projects/demo-project/faxes', 'GET')).toBe(3);
  });

  it('get and download survive faults too', async () => {
    await inject({ rate: 1, kinds: ['500', 'reset', 'malformed'], count: 3, pathPattern: `/faxes/${faxId}` });
    expect((await provider.getFax(faxId)).id).toBe(faxId);
    const download = await provider.downloadFax(faxId);
    expect((await readAll(download.body)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('waits out a 429 Retry-After before repeating', async () => {
    await inject({ rate: 1, kinds: ['429'], count: 1, retryAfterSeconds: 1, ...LIST });
    const started = Date.now();
    await provider.listFaxes();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });
});

describe('reads under persistent faults: fail with a clear mapped error', () => {
  it.each([
    ['500', 'provider_unavailable', /^sinch answered HTTP 500 to “list faxes”/],
    ['malformed', 'provider_unavailable', /could not read/],
    ['reset', 'network', /connection to the provider failed/],
    ['timeout', 'network', /did not answer in time/],
  ] as const)('%s → %s', async (kind, code, message) => {
    await inject({ rate: 1, kinds: [kind], ...LIST });
    const error = await caught(provider.listFaxes());
    expect(error).toMatchObject({ name: 'ProviderError', code, retryable: true });
    expect(error.message).toMatch(message);
    expect(counter.count('/v3/projects/demo-project/faxes', 'GET')).toBe(FAST_RETRY_POLICY.retries + 1);
  });

  it('a Retry-After longer than we wait surfaces as rate_limited with retryAfterMs', async () => {
    await inject({ rate: 1, kinds: ['429'], retryAfterSeconds: 60, ...LIST });
    const error = await caught(provider.listFaxes());
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: 60_000, retryable: true });
  });
});

describe('sends are never repeated unless provably not accepted', () => {
  async function sendOnce(): Promise<ProviderError | undefined> {
    try {
      await provider.send({ to: ['+12015550177'], documents: [await suite.files.pdf('once.pdf')] });
      return undefined;
    } catch (error) {
      return error as ProviderError;
    }
  }
  const sendAttempts = () => counter.count('/v3/projects/demo-project/faxes', 'POST') - 1; // minus the seed send

  it.each([
    ['500', 'provider_unavailable'],
    ['reset', 'network'],
    ['timeout', 'network'],
    ['malformed', 'provider_unavailable'],
  ] as const)('%s on send → %s, maybeAccepted, one attempt, no duplicate', async (kind, code) => {
    await inject({ rate: 1, kinds: [kind], count: 1, ...SEND });
    const error = await sendOnce();
    expect(error).toMatchObject({ code, maybeAccepted: true });
    expect(sendAttempts()).toBe(1);
    const faxes = await suite.control.faxes();
    expect(faxes.filter((fax) => fax.to === '+12015550177')).toHaveLength(0);
  });

  it('a 429 proves the send was refused, so it is repeated and lands exactly once', async () => {
    await inject({ rate: 1, kinds: ['429'], count: 1, retryAfterSeconds: 0, ...SEND });
    expect(await sendOnce()).toBeUndefined();
    expect(sendAttempts()).toBe(2);
    const faxes = await suite.control.faxes();
    expect(faxes.filter((fax) => fax.to === '+12015550177')).toHaveLength(1);
  });

  it('a refused connection (nothing left the machine) is retried and ends as a network error that was not accepted', async () => {
    const closed = await startSinchEmulator({ port: 0 });
    const url = closed.url;
    await closed.close();
    const offline = sinchProviderFor(url, { settings: { authMode: 'basic' } });
    const error = await caught(offline.send({ to: [TEST_NUMBER], documents: [await suite.files.pdf('offline.pdf')] }));
    expect(error).toMatchObject({ code: 'network', maybeAccepted: false });
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});
