import { describe, expect, it } from 'vitest';
import { TempFiles, control, emulatorFaxes, makeProvider, recordingFetch, type RunningWelkin, useWelkinEmulator } from './welkinProviderKit';

// Token caching, single flight, renewal on TOKEN_EXPIRED / NOT_VALID_JSON_WEB_TOKEN, bad credentials.

let emulator: RunningWelkin;

useWelkinEmulator((e) => { emulator = e; });

const tokenCalls = (log: Array<{ method: string; path: string }>) => log.filter((entry) => entry.path === '/demo/admin/api_clients/demo-client');

describe('Welkin provider: tokens', () => {
  it('asks for one token and reuses it, even for concurrent first calls', async () => {
    const { fetch, log } = recordingFetch();
    const provider = makeProvider(emulator, { fetch });
    await Promise.all([provider.listFaxes(), provider.listFaxes(), provider.listDocumentTypes(), provider.searchPatients('a')]);
    await provider.testConnection();
    expect(tokenCalls(log)).toHaveLength(1);
    expect(log.filter((entry) => entry.path.startsWith('/demo/live/'))).toHaveLength(5);
    expect(log.every((entry) => entry.path.startsWith('/demo/'))).toBe(true);
  });

  it('renews an expired token once and replays the request', async () => {
    const { fetch, log } = recordingFetch();
    const provider = makeProvider(emulator, { fetch });
    await provider.listFaxes();
    await control(emulator, '/expire-tokens', {});
    const draft = await provider.client.createDraft({ subject: 'after expiry' });
    expect(draft.status).toBe('DRAFT');
    expect(tokenCalls(log)).toHaveLength(2);
    // The rejected POST was replayed once, and only one draft exists.
    expect(log.filter((entry) => entry.method === 'POST' && entry.path === '/demo/live/faxes')).toHaveLength(2);
    expect(await emulatorFaxes(emulator)).toHaveLength(1);
  });

  it('renews when the token has expired by its own clock (TTL) too', async () => {
    await control(emulator, '/token-ttl', { seconds: 1 });
    const { fetch, log } = recordingFetch();
    const provider = makeProvider(emulator, { fetch });
    await provider.listFaxes();
    // exp − 60 s is already past for a 1 s token: the next call asks for a fresh token up front.
    await provider.listFaxes();
    expect(tokenCalls(log).length).toBe(2);
  });

  it('renews on NOT_VALID_JSON_WEB_TOKEN (a token Welkin cannot verify)', async () => {
    const { fetch: recording, log } = recordingFetch();
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
    const provider = makeProvider(emulator, { fetch: corrupting });
    await expect(provider.listFaxes()).resolves.toMatchObject({ totalItems: 0 });
    expect(tokenCalls(log)).toHaveLength(2);
    expect(log.filter((entry) => entry.path === '/demo/live/faxes')).toHaveLength(2);
  });
});

describe('Welkin provider: bad credentials', () => {
  it('reports a wrong secret as unauthorized with Welkin’s code, without retrying', async () => {
    const { fetch, log } = recordingFetch();
    const provider = makeProvider(emulator, { fetch, secret: 'wrong-secret' });
    const error = await provider.testConnection().then(() => undefined, (caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'unauthorized', providerCode: 'INVALID_API_CLIENT_CREDENTIALS', retryable: false });
    expect(log).toHaveLength(1);
  });

  it('reports an unknown tenant or api client as unauthorized', async () => {
    const unknownTenant = makeProvider(emulator, { settings: { tenant: 'nobody' } });
    await expect(unknownTenant.listFaxes()).rejects.toMatchObject({ code: 'unauthorized' });
    const unknownClient = makeProvider(emulator, { settings: { apiClient: 'ghost' } });
    await expect(unknownClient.listFaxes()).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('reports an unknown instance and a client without fax access clearly', async () => {
    const wrongInstance = makeProvider(emulator, { settings: { instance: 'nowhere' } });
    const error = await wrongInstance.listFaxes().then(() => undefined, (caught: unknown) => caught);
    expect(error).toMatchObject({ retryable: false });
    expect(error).toMatchObject({ code: 'permission_denied', status: 403, providerCode: 'ACCESS_FOR_API_CLIENT_RESTRICTED' });
    await control(emulator, '/access', { faxAccess: false });
    await expect(makeProvider(emulator).listFaxes())
      .rejects.toMatchObject({ code: 'permission_denied', status: 403, providerCode: 'ACCESS_FOR_API_CLIENT_RESTRICTED' });
  });

  it('sends nothing when the credentials are wrong', async () => {
    const files = await TempFiles.create();
    try {
      const provider = makeProvider(emulator, { secret: 'nope' });
      await expect(provider.send({ to: ['+19898989898'], documents: [await files.pdf()] })).rejects.toMatchObject({ code: 'unauthorized' });
      expect(await emulatorFaxes(emulator)).toEqual([]);
    } finally {
      await files.dispose();
    }
  });
});
