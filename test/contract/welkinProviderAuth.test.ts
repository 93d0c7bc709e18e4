import { describe, expect, it } from 'vitest';
import { useWelkinEmulator } from '../support/emulatorSuite';
import { recordingFetch, welkinProviderFor } from '../support/providerKit';

// Token caching, single flight, renewal on TOKEN_EXPIRED / NOT_VALID_JSON_WEB_TOKEN, bad credentials.


const suite = useWelkinEmulator();

const tokenCalls = (log: Array<{ method: string; path: string }>) => log.filter((entry) => entry.path === '/demo/admin/api_clients/demo-client');

describe('Welkin provider: tokens', () => {
  it('asks for one token and reuses it, even for concurrent first calls', async () => {
    const { fetch, requests: log } = recordingFetch();
    const provider = welkinProviderFor(suite.url, { fetch });
    await Promise.all([provider.listFaxes(), provider.listFaxes(), provider.listDocumentTypes(), provider.searchPatients('a')]);
    await provider.testConnection();
    expect(tokenCalls(log)).toHaveLength(1);
    expect(log.filter((entry) => entry.path.startsWith('/demo/live/'))).toHaveLength(5);
    expect(log.every((entry) => entry.path.startsWith('/demo/'))).toBe(true);
  });

  it('renews an expired token once and replays the request', async () => {
    const { fetch, requests: log } = recordingFetch();
    const provider = welkinProviderFor(suite.url, { fetch });
    await provider.listFaxes();
    await suite.control.expireTokens();
    const draft = await provider.client.createDraft({ subject: 'after expiry' });
    expect(draft.status).toBe('DRAFT');
    expect(tokenCalls(log)).toHaveLength(2);
    // The rejected POST was replayed once, and only one draft exists.
    expect(log.filter((entry) => entry.method === 'POST' && entry.path === '/demo/live/faxes')).toHaveLength(2);
    expect(await suite.control.faxes()).toHaveLength(1);
  });

  it('renews when the token has expired by its own clock (TTL) too', async () => {
    // 30 s: long enough that the server never refuses it on a loaded machine, shorter than the 60 s
    // the client keeps in hand, so by its own clock the token is already too old for the next call.
    await suite.control.tokenTtl(30);
    const { fetch, requests: log } = recordingFetch();
    const provider = welkinProviderFor(suite.url, { fetch });
    await provider.listFaxes();
    // exp − 60 s is already past for a 30 s token: the next call asks for a fresh token up front.
    await provider.listFaxes();
    expect(tokenCalls(log).length).toBe(2);
  });

  it('renews on NOT_VALID_JSON_WEB_TOKEN (a token Welkin cannot verify)', async () => {
    const { fetch: recording, requests: log } = recordingFetch();
    let garbled = false;
    // Corrupts the bearer token of the first API call, as a token from a rotated signing key would look.
    const corrupting: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      if (!garbled && headers.has('authorization')) {
        garbled = true;
        headers.set('authorization', 'Bearer aGVhZGVy.cGF5bG9hZA.c2lnbmF0dXJl');
      }
      return recording(input, { ...init, headers });
    };
    const provider = welkinProviderFor(suite.url, { fetch: corrupting });
    await expect(provider.listFaxes()).resolves.toMatchObject({ totalItems: 0 });
    expect(tokenCalls(log)).toHaveLength(2);
    expect(log.filter((entry) => entry.path === '/demo/live/faxes')).toHaveLength(2);
  });
});

describe('Welkin provider: bad credentials', () => {
  it('reports a wrong secret as unauthorized with Welkin’s code, without retrying', async () => {
    const { fetch, requests: log } = recordingFetch();
    const provider = welkinProviderFor(suite.url, { fetch, secret: 'wrong-secret' });
    const error = await provider.testConnection().then(() => undefined, (caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'unauthorized', providerCode: 'INVALID_API_CLIENT_CREDENTIALS', retryable: false });
    expect(log).toHaveLength(1);
  });

  it('reports an unknown tenant or api client as unauthorized', async () => {
    const unknownTenant = welkinProviderFor(suite.url, { settings: { tenant: 'nobody' } });
    await expect(unknownTenant.listFaxes()).rejects.toMatchObject({ code: 'unauthorized' });
    const unknownClient = welkinProviderFor(suite.url, { settings: { apiClient: 'ghost' } });
    await expect(unknownClient.listFaxes()).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('reports an unknown instance and a client without fax access clearly', async () => {
    const wrongInstance = welkinProviderFor(suite.url, { settings: { instance: 'nowhere' } });
    const error = await wrongInstance.listFaxes().then(() => undefined, (caught: unknown) => caught);
    expect(error).toMatchObject({ retryable: false });
    expect(error).toMatchObject({ code: 'permission_denied', status: 403, providerCode: 'ACCESS_FOR_API_CLIENT_RESTRICTED' });
    await suite.control.access({ faxAccess: false });
    await expect(welkinProviderFor(suite.url).listFaxes())
      .rejects.toMatchObject({ code: 'permission_denied', status: 403, providerCode: 'ACCESS_FOR_API_CLIENT_RESTRICTED' });
  });

  it('sends nothing when the credentials are wrong', async () => {
    const provider = welkinProviderFor(suite.url, { secret: 'nope' });
    await expect(provider.send({ to: ['+19898989898'], documents: [await suite.files.pdf()] })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await suite.control.faxes()).toEqual([]);
  });
});
