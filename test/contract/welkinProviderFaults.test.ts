import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../main/core/providers/providerError';
import { useWelkinEmulator } from '../support/emulatorSuite';
import { type RecordedRequest, recordingFetch, welkinProviderFor } from '../support/providerKit';

// Faults injected by the emulator: reads recover or fail with a mapped error; sends are never repeated.

const DELIVERED = '+19898989898';
const SHORT_TIMEOUT_MS = 300;


const suite = useWelkinEmulator();

type Kind = '500' | '429' | 'timeout' | 'reset' | 'malformed';
const inject = (kinds: Kind[], options: { pathPattern?: string; method?: string; count?: number; rate?: number; retryAfterSeconds?: number } = {}) =>
  suite.control.faults({ rate: options.rate ?? 1, kinds, ...options });

const caught = (promise: Promise<unknown>): Promise<ProviderError> =>
  promise.then(() => { throw new Error('expected a failure'); }, (error: unknown) => {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  });

const sendPosts = (log: RecordedRequest[]) => log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/send'));

describe('Welkin provider: reads under faults', () => {
  it.each<Kind>(['500', 'reset', 'malformed', 'timeout'])('recovers from %s on a read by retrying', async (kind) => {
    const provider = welkinProviderFor(suite.url, { timeoutMs: SHORT_TIMEOUT_MS });
    await provider.testConnection(); // token first, so only the list call meets the fault
    await inject([kind], { pathPattern: '/faxes$', method: 'GET', count: 2 });
    await expect(provider.listFaxes()).resolves.toMatchObject({ totalItems: 0 });
    expect(suite.emulator.context.faults.injectedCount).toBe(2);
  });

  it('honours Retry-After on a 429', async () => {
    const provider = welkinProviderFor(suite.url);
    await provider.testConnection();
    await inject(['429'], { pathPattern: '/faxes$', method: 'GET', count: 1, retryAfterSeconds: 1 });
    const started = Date.now();
    await provider.listFaxes();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it.each<[Kind, string, RegExp]>([
    ['500', 'provider_unavailable', /^welkin answered HTTP 500 to “get fax”/],
    ['malformed', 'provider_unavailable', /could not read/],
    ['timeout', 'network', /did not answer in time/],
    ['reset', 'network', /connection to the provider failed/],
  ])('fails with a clear %s error when the fault persists', async (kind, code, message) => {
    const { fetch, requests: log } = recordingFetch();
    const provider = welkinProviderFor(suite.url, { fetch, timeoutMs: SHORT_TIMEOUT_MS });
    await provider.testConnection();
    await inject([kind], { pathPattern: '/faxes/[^/]+$', method: 'GET' });
    const error = await caught(provider.getFax('00000000-0000-4000-8000-000000000000'));
    expect(error).toMatchObject({ code, retryable: true });
    expect(error.message).toMatch(message);
    expect(log.filter((entry) => entry.path.startsWith('/demo/live/faxes/'))).toHaveLength(4); // 1 + 3 retries
  });

  it('answers every read in a storm of mixed faults with data or a mapped error', async () => {
    const provider = welkinProviderFor(suite.url, { timeoutMs: SHORT_TIMEOUT_MS });
    await provider.client.createDraft({ subject: 'present' });
    await inject(['500', '429', 'timeout', 'reset', 'malformed'], { rate: 0.3, method: 'GET', retryAfterSeconds: 0 });
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => provider.listFaxes()));
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') expect(outcome.value.totalItems).toBe(1);
      else expect(outcome.reason).toBeInstanceOf(ProviderError);
    }
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBeGreaterThan(6);
  });
});

describe('Welkin provider: sends under faults', () => {
  it.each<[Kind, string, boolean, boolean]>([
    ['500', 'provider_unavailable', true, false],
    ['timeout', 'network', true, true],
    ['reset', 'network', true, true],
    ['malformed', 'provider_unavailable', true, false],
    ['429', 'rate_limited', false, false],
  ])('never repeats a send that met %s', async (kind, code, maybeAccepted, draftKept) => {
    const { fetch, requests: log } = recordingFetch();
    const provider = welkinProviderFor(suite.url, { fetch, timeoutMs: SHORT_TIMEOUT_MS });
    await inject([kind], { pathPattern: '/send$', method: 'POST' });
    const error = await caught(provider.send({ to: [DELIVERED], documents: [await suite.files.pdf()], clientReference: `job-${kind}` }));
    expect(error).toMatchObject({ code, maybeAccepted });
    expect(sendPosts(log)).toHaveLength(1);
    const held = await suite.control.faxes();
    expect(held.filter((fax) => fax.status !== 'DRAFT')).toEqual([]);
    // No answer at all: the draft stays for reconciliation. Any answer (even an error): it is deleted,
    // which Welkin would refuse had it really started sending.
    expect(held).toHaveLength(draftKept ? 1 : 0);
  });

  it('never repeats a server-side retry either', async () => {
    const { fetch, requests: log } = recordingFetch();
    const provider = welkinProviderFor(suite.url, { fetch });
    const [fax] = await provider.send({ to: ['+19898989801'], documents: [await suite.files.pdf()], clientReference: 'job-r' });
    await suite.control.clock({ advanceMs: 60_000 });
    await inject(['500'], { pathPattern: '/retry$', method: 'POST' });
    await expect(provider.retry(fax!.id)).rejects.toMatchObject({ code: 'provider_unavailable', maybeAccepted: true });
    expect(log.filter((entry) => entry.path.endsWith('/retry'))).toHaveLength(1);
  });

  it('deletes the draft when the upload fails, leaving nothing behind', async () => {
    const provider = welkinProviderFor(suite.url);
    await inject(['500'], { pathPattern: '/files$', method: 'POST' });
    await expect(provider.send({ to: [DELIVERED], documents: [await suite.files.pdf()] })).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(await suite.control.faxes()).toEqual([]);
  });

  it('leaves nothing when creating the draft fails, and does not repeat the create', async () => {
    const { fetch, requests: log } = recordingFetch();
    const provider = welkinProviderFor(suite.url, { fetch });
    await inject(['500'], { pathPattern: '/faxes$', method: 'POST', count: 1 });
    await expect(provider.send({ to: [DELIVERED], documents: [await suite.files.pdf()] })).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(log.filter((entry) => entry.method === 'POST' && entry.path === '/demo/live/faxes')).toHaveLength(1);
    expect(await suite.control.faxes()).toEqual([]);
  });

  it('marks a multi-recipient send as maybe accepted once an earlier fax went out', async () => {
    const provider = welkinProviderFor(suite.url);
    await provider.testConnection();
    // The second create (POST /faxes) fails; the first recipient's fax is already sending.
    let creates = 0;
    const failingSecondCreate: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (init?.method === 'POST' && url.endsWith('/demo/live/faxes') && ++creates === 2) {
        return Promise.resolve(new Response('[{"errorCode":"INTERNAL_SERVER_ERROR","message":"boom"}]', { status: 500 }));
      }
      return fetch(input, init);
    };
    const partial = welkinProviderFor(suite.url, { fetch: failingSecondCreate });
    const created: string[] = [];
    const error = await caught(partial.send({ to: [DELIVERED, '+15551230002'], documents: [await suite.files.pdf()], clientReference: 'job-m', onCreated: (id) => { created.push(id); } }));
    expect(error).toMatchObject({ maybeAccepted: true });
    expect(error.message).toMatch(/1 of 2 faxes had already been sent/);
    // The fax that went out is known by the id reported when it was created.
    expect(created).toHaveLength(1);
    expect(await partial.getFax(created[0]!)).toMatchObject({ to: DELIVERED, status: 'sending' });
  });
});
