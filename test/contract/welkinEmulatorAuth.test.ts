import { describe, expect, it } from 'vitest';
import { WELKIN_DEMO_CREDENTIALS } from '../../main/emulators/welkin/index';
import { fetchToken, firstError, startWelkinApi, useWelkinApi } from '../support/welkinApi';

function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('Welkin emulator: authentication', () => {
  const h = useWelkinApi();

  it('issues a JWT-shaped token for the demo client with exp = iat + 3600', async () => {
    const response = await fetchToken(h.emulator.url);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { clientName: string; token: string; enabled: boolean };
    expect(body.clientName).toBe(WELKIN_DEMO_CREDENTIALS.apiClientName);
    expect(body.enabled).toBe(true);
    expect(body.token.split('.')).toHaveLength(3);
    const payload = decodePayload(body.token);
    expect(Number(payload.exp) - Number(payload.iat)).toBe(3600);
    expect(payload['custom:type']).toBe('API_CLIENT');
    expect(response.headers.get('cache-control')).toContain('no-store');
  });

  it('honours a configured token TTL', async () => {
    const short = await startWelkinApi({ tokenTtlSeconds: 120 });
    try {
      const payload = decodePayload(short.token);
      expect(Number(payload.exp) - Number(payload.iat)).toBe(120);
      expect((await short.control.request('POST', '/token-ttl', { seconds: 30 })).status).toBe(200);
      const body = (await (await fetchToken(short.emulator.url)).json()) as { token: string };
      const next = decodePayload(body.token);
      expect(Number(next.exp) - Number(next.iat)).toBe(30);
    } finally {
      await short.close();
    }
  });

  it('answers the GitBook alias POST /auth/token with {token, expiresAt}', async () => {
    const response = await fetch(`${h.emulator.url}/auth/token`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ secret: WELKIN_DEMO_CREDENTIALS.secret, apiClient: WELKIN_DEMO_CREDENTIALS.apiClientName }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; expiresAt: string };
    expect(Date.parse(body.expiresAt)).toBe(Number(decodePayload(body.token).exp) * 1000);
    const list = await fetch(`${h.base}/faxes`, { headers: { Authorization: `Bearer ${body.token}` } });
    expect(list.status).toBe(200);
  });

  it.each([
    ['wrong secret', WELKIN_DEMO_CREDENTIALS.tenantName, WELKIN_DEMO_CREDENTIALS.apiClientName, 'nope'],
    ['unknown client', WELKIN_DEMO_CREDENTIALS.tenantName, 'someone', WELKIN_DEMO_CREDENTIALS.secret],
    ['unknown tenant', 'elsewhere', WELKIN_DEMO_CREDENTIALS.apiClientName, WELKIN_DEMO_CREDENTIALS.secret],
  ])('refuses a %s with 401 and a Welkin error array', async (_label, tenant, client, secret) => {
    const response = await fetchToken(h.emulator.url, tenant, client, secret);
    expect(response.status).toBe(401);
    const error = firstError(await response.json());
    expect(error).toMatchObject({ errorCode: 'INVALID_API_CLIENT_CREDENTIALS', componentType: 'AUTH' });
    expect(error.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('refuses a token request without a secret with 400', async () => {
    const response = await fetch(`${h.emulator.url}/demo/admin/api_clients/demo-client`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}',
    });
    expect(response.status).toBe(400);
    expect(firstError(await response.json()).errorCode).toBe('VALIDATION_ERROR');
  });

  it.each([
    ['missing', undefined],
    ['garbled', 'Bearer not.a.token'],
    ['tampered', 'TAMPER'],
    ['not bearer', 'Basic ZGVtbzpkZW1v'],
  ])('answers a %s token with 401 NOT_VALID_JSON_WEB_TOKEN', async (_label, header) => {
    const value = header === 'TAMPER' ? `Bearer ${h.token.slice(0, -2)}xx` : header;
    const response = await fetch(`${h.base}/faxes`, { headers: value ? { Authorization: value } : {} });
    expect(response.status).toBe(401);
    expect(firstError(await response.json()).errorCode).toBe('NOT_VALID_JSON_WEB_TOKEN');
  });

  it('expires every token on the control route; a new token works', async () => {
    expect((await h.call('GET', '/faxes')).status).toBe(200);
    expect((await h.control.request('POST', '/expire-tokens')).status).toBe(200);
    const expired = await h.call('GET', '/faxes');
    expect(expired.status).toBe(401);
    expect(firstError(expired.json)).toMatchObject({ errorCode: 'TOKEN_EXPIRED', componentType: 'AUTH' });
    h.token = ((await (await fetchToken(h.emulator.url)).json()) as { token: string }).token;
    expect((await h.call('GET', '/faxes')).status).toBe(200);
  });

  it('expires a token when its TTL passes', async () => {
    const short = await startWelkinApi({ tokenTtlSeconds: 1 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const response = await short.call('GET', '/faxes');
      expect(response.status).toBe(401);
      expect(firstError(response.json).errorCode).toBe('TOKEN_EXPIRED');
    } finally {
      await short.close();
    }
  });

  it('answers another tenant or instance with 403 ACCESS_FOR_API_CLIENT_RESTRICTED (no date key)', async () => {
    for (const prefix of ['/other/live', '/demo/sandbox']) {
      const response = await fetch(`${h.emulator.url}${prefix}/faxes`, { headers: { Authorization: `Bearer ${h.token}` } });
      expect(response.status).toBe(403);
      const error = firstError(await response.json());
      expect(error).toMatchObject({ errorCode: 'ACCESS_FOR_API_CLIENT_RESTRICTED', componentType: 'AUTH' });
      expect(error.details).toMatchObject({ clientName: 'demo-client', clientType: 'API_CLIENT', requestURI: `${prefix}/faxes` });
      expect(error.date).toBeUndefined();
    }
  });

  it('answers 403 on fax routes when the client lost fax permission, patients still work', async () => {
    expect((await h.control.request('POST', '/access', { faxAccess: false })).status).toBe(200);
    expect((await h.call('GET', '/faxes')).status).toBe(403);
    expect((await h.call('GET', '/patients')).status).toBe(200);
  });

  it('answers unknown paths with 404 and wrong verbs with 405 (after auth)', async () => {
    expect((await h.call('GET', '/nothing-here')).status).toBe(404);
    expect((await h.call('PUT', '/faxes')).status).toBe(405);
    const unauthenticated = await fetch(`${h.base}/nothing-here`);
    expect(unauthenticated.status).toBe(401);
  });

  it('blocks the token endpoint for 5 minutes after 100 requests in 5 minutes (429)', async () => {
    // The sign-in before each test already used one request.
    for (let index = 0; index < 99; index++) expect((await fetchToken(h.emulator.url)).status).toBe(200);
    const blocked = await fetchToken(h.emulator.url);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBe(300);
    expect(firstError(await blocked.json())).toMatchObject({ errorCode: 'TOO_MANY_REQUESTS', componentType: 'AUTH' });
    // Still blocked, even with the right secret; existing tokens keep working.
    expect((await fetchToken(h.emulator.url)).status).toBe(429);
    expect((await h.call('GET', '/faxes')).status).toBe(200);
    await h.control.reset();
    expect((await fetchToken(h.emulator.url)).status).toBe(200);
  });
});
