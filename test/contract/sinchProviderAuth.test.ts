import { describe, expect, it } from 'vitest';
import { jwtExpiryMs, sinchTokenUrl } from '../../main/core/providers/sinch/sinchAuth';
import { buildQuery, sinchApiOrigin, sinchPath } from '../../main/core/providers/sinch/sinchHttp';
import { buildStreamingMultipart } from '../../main/core/providers/streamingMultipart';
import { useSinchEmulator } from '../support/emulatorSuite';
import { recordingFetch, sinchProviderFor } from '../support/providerKit';
import { NUMBERS } from '../support/providerTargets';
import { readAll } from '../support/testKit';

/** Sinch's free test number: runs the whole lifecycle to COMPLETED. */
const TEST_NUMBER = NUMBERS.delivered;


const suite = useSinchEmulator({ speed: 1000 });

describe('Sinch auth: OAuth2 client credentials', () => {
  it('fetches one token and reuses it; concurrent first calls share one token request', async () => {
    const counter = recordingFetch();
    const provider = sinchProviderFor(suite.url, { fetch: counter.fetch });
    await Promise.all([provider.listFaxes(), provider.listFaxes(), provider.admin.services.list()]);
    await provider.getFax('01UNKNOWN').catch(() => undefined);
    expect(counter.count('/oauth2/token')).toBe(1);
    expect(counter.count('/v3/projects/demo-project/')).toBe(4);
  });

  it('refreshes once on a 401 whose WWW-Authenticate says expired, then repeats the call', async () => {
    const counter = recordingFetch();
    const provider = sinchProviderFor(suite.url, { fetch: counter.fetch });
    await provider.listFaxes();
    await suite.control.expireTokens();
    await expect(provider.listFaxes()).resolves.toMatchObject({ totalItems: 0 });
    expect(counter.count('/oauth2/token')).toBe(2);
    expect(counter.count('/v3/projects/demo-project/faxes', 'GET')).toBe(3);
  });

  it('renews an expired token before a send and sends exactly once', async () => {
    const provider = sinchProviderFor(suite.url);
    await provider.listFaxes();
    await suite.control.expireTokens();
    const sent = await provider.send({ to: [TEST_NUMBER], documents: [await suite.files.pdf('renew.pdf')] });
    expect(sent).toHaveLength(1);
    expect(await suite.control.faxes()).toHaveLength(1);
  });

  it('refreshes 60 s before the JWT exp (short-lived tokens are refreshed at half-life)', async () => {
    await suite.control.options({ tokenTtlSeconds: 61 });
    let now = Date.now();
    const counter = recordingFetch();
    const provider = sinchProviderFor(suite.url, { fetch: counter.fetch, now: () => now });
    await provider.listFaxes();
    now += 29_000;
    await provider.listFaxes();
    expect(counter.count('/oauth2/token')).toBe(1);
    now += 2_000; // past exp − min(60 s, half the lifetime)
    await provider.listFaxes();
    expect(counter.count('/oauth2/token')).toBe(2);
  });

  it('maps wrong credentials to unauthorized, sends nothing, and does not retry', async () => {
    const counter = recordingFetch();
    const provider = sinchProviderFor(suite.url, { fetch: counter.fetch, secret: 'wrong-secret' });
    await expect(provider.testConnection()).rejects.toMatchObject({ code: 'unauthorized', retryable: false });
    await expect(provider.send({ to: [TEST_NUMBER], documents: [await suite.files.pdf('no.pdf')] }))
      .rejects.toMatchObject({ code: 'unauthorized' });
    expect(counter.count('/oauth2/token')).toBe(2);
    expect(counter.count('/faxes')).toBe(0);
    expect(await suite.control.faxes()).toHaveLength(0);
  });

  it('maps a wrong project to an authorisation or not-found error', async () => {
    const provider = sinchProviderFor(suite.url, { settings: { projectId: 'someone-else' } });
    await expect(provider.listFaxes()).rejects.toMatchObject({ code: expect.stringMatching(/unauthorized|not_found/) });
  });
});

describe('Sinch auth: Basic', () => {
  it('sends Basic on every call and never asks for a token', async () => {
    const counter = recordingFetch();
    const provider = sinchProviderFor(suite.url, { fetch: counter.fetch, settings: { authMode: 'basic' } });
    await provider.testConnection();
    const [fax] = await provider.send({ to: [TEST_NUMBER], documents: [await suite.files.pdf('basic.pdf')] });
    expect((await provider.getFax(fax?.id ?? '')).id).toBe(fax?.id);
    expect(counter.count('/oauth2/token')).toBe(0);
  });

  it('maps a wrong secret to unauthorized', async () => {
    const provider = sinchProviderFor(suite.url, { secret: 'nope', settings: { authMode: 'basic' } });
    await expect(provider.listFaxes()).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
  });
});

describe('Sinch transport details', () => {
  it('picks regional hosts, lets baseUrl override, and puts the token URL on baseUrl unless authUrl is set', () => {
    const base = { projectId: 'p', keyId: 'k', authMode: 'oauth2' as const };
    expect(sinchApiOrigin({ ...base, region: 'global' })).toBe('https://fax.api.sinch.com');
    expect(sinchApiOrigin({ ...base, region: 'eu1' })).toBe('https://eu1.fax.api.sinch.com');
    expect(sinchApiOrigin({ ...base, region: 'apse2' })).toBe('https://apse2.fax.api.sinch.com');
    expect(sinchApiOrigin({ ...base, region: 'eu1', baseUrl: 'http://127.0.0.1:9/' })).toBe('http://127.0.0.1:9');
    expect(sinchTokenUrl({ ...base, region: 'global' })).toBe('https://auth.sinch.com/oauth2/token');
    expect(sinchTokenUrl({ ...base, region: 'global', baseUrl: 'http://127.0.0.1:9' })).toBe('http://127.0.0.1:9/oauth2/token');
    expect(sinchTokenUrl({ ...base, region: 'global', baseUrl: 'http://a', authUrl: 'http://b/' })).toBe('http://b/oauth2/token');
  });

  it('percent-encodes query values and path parameters', () => {
    expect(buildQuery([['to', '+1201'], ['createTime>', '2024-02-01T14:00:00Z'], ['page', 2], ['skip', undefined]]))
      .toBe('?to=%2B1201&createTime%3E=2024-02-01T14%3A00%3A00Z&page=2');
    expect(sinchPath`/services/${'svc 1'}/emails/${'a+b@x.io'}/numbers`).toBe('/services/svc%201/emails/a%2Bb%40x.io/numbers');
  });

  it('reads exp from a JWT and ignores opaque tokens', () => {
    const payload = Buffer.from(JSON.stringify({ exp: 1_900_000_000 })).toString('base64url');
    expect(jwtExpiryMs(`h.${payload}.s`)).toBe(1_900_000_000_000);
    expect(jwtExpiryMs('opaque-token')).toBeUndefined();
  });

  it('streams the multipart body with an exact Content-Length and rebuilds it per attempt', async () => {
    const pdf = await suite.files.pdf('stream.pdf', 2);
    const body = await buildStreamingMultipart([['to', '+12015550111'], ['labels[job]', 'j1']], [
      { field: 'file', path: pdf.path, filename: 'stream.pdf', contentType: 'application/pdf' },
    ]);
    const first = await readAll(body.open());
    const second = await readAll(body.open());
    expect(first.length).toBe(body.contentLength);
    expect(second.equals(first)).toBe(true);
    expect(first.toString('latin1')).toContain('name="labels[job]"');

    const seen: Array<{ length: string | null; streamed: boolean }> = [];
    const spy: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      if (init?.method === 'POST' && String(input).endsWith('/faxes')) {
        seen.push({ length: headers.get('content-length'), streamed: init.body instanceof ReadableStream });
      }
      return fetch(input, init);
    };
    const provider = sinchProviderFor(suite.url, { fetch: spy });
    await provider.send({ to: [TEST_NUMBER], documents: [pdf] });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.streamed).toBe(true);
    expect(Number(seen[0]?.length)).toBeGreaterThan(pdf.sizeBytes);
  });
});
