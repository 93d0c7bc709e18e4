import { describe, expect, it } from 'vitest';
import { SINCH_DEMO_CREDENTIALS } from '../../main/emulators/sinch/index';
import { useSinchEmulator } from '../support/emulatorSuite';
import { BASIC, apiJson, token, tokenRequest } from '../support/sinchApi';

const h = useSinchEmulator();

function decodeJwt(jwt: string): Record<string, unknown> {
  const [, payload] = jwt.split('.');
  return JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('Sinch emulator: auth', () => {
  it('issues a JWT-shaped client-credentials token with exp and expires_in 3599', async () => {
    const response = await tokenRequest(h.url);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ expires_in: 3599, token_type: 'bearer', scope: '' });
    const claims = decodeJwt(String(body.access_token));
    expect(Number(claims.exp)).toBeGreaterThan(Date.now() / 1000 + 3500);
  });

  it('refuses the token endpoint with wrong credentials or grant', async () => {
    const wrong = await tokenRequest(h.url, `Basic ${Buffer.from(`${SINCH_DEMO_CREDENTIALS.keyId}:nope`).toString('base64')}`);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    const grant = await fetch(`${h.url}/oauth2/token`, {
      method: 'POST',
      headers: { Authorization: BASIC, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password',
    });
    expect(grant.status).toBe(400);
  });

  it('accepts Bearer tokens and Basic auth on API routes', async () => {
    const jwt = await token(h.url);
    const bearer = await apiJson(h.url, '/services', { headers: { Authorization: `Bearer ${jwt}` } });
    expect(bearer.status).toBe(200);
    const basic = await apiJson(h.url, '/services');
    expect(basic.status).toBe(200);
  });

  it('answers missing or wrong auth with 401 and the Sinch envelope', async () => {
    for (const authorization of ['', `Basic ${Buffer.from('demo-key:bad').toString('base64')}`, 'Bearer not-a-token']) {
      const { status, body, headers } = await apiJson(h.url, '/faxes', { headers: authorization ? { Authorization: authorization } : { Authorization: '' } });
      expect(status).toBe(401);
      expect(body).toMatchObject({ code: '401', error: 'Unauthorized', status: 'UNAUTHENTICATED' });
      expect(typeof body.message).toBe('string');
      expect(headers.get('www-authenticate') ?? '').not.toContain('expired');
    }
  });

  it('makes existing tokens answer "Jwt expired" after /__emulator/expire-tokens; a new token works', async () => {
    const jwt = await token(h.url);
    await h.control.expireTokens();
    const expired = await apiJson(h.url, '/faxes', { headers: { Authorization: `Bearer ${jwt}` } });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="Jwt expired"');
    const fresh = await apiJson(h.url, '/faxes', { headers: { Authorization: `Bearer ${await token(h.url)}` } });
    expect(fresh.status).toBe(200);
  });

  it('expires tokens after a short TTL set through the options route', async () => {
    const options = await h.control.options({ tokenTtlSeconds: 1 });
    expect(options.tokenTtlSeconds).toBe(1);
    const jwt = await token(h.url);
    expect(decodeJwt(jwt).exp).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const expired = await apiJson(h.url, '/faxes', { headers: { Authorization: `Bearer ${jwt}` } });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('Jwt expired');
    await h.control.options({ tokenTtlSeconds: 3600 });
  });

  it('answers an unknown project with a 404 envelope', async () => {
    const { status, body } = await apiJson(h.url, '/v3/projects/someone-else/faxes');
    expect(status).toBe(404);
    expect(body).toMatchObject({ code: '404', error: 'Not found' });
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    expect((await apiJson(h.url, '/nothing-here')).status).toBe(404);
    expect((await apiJson(h.url, '/faxes', { method: 'PUT' })).status).toBe(405);
  });
});
