import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../shared/faults';
import { readBody } from '../shared/httpKit';
import type { SinchCredentials } from './constants';
import { SinchHttpError } from './errors';

interface IssuedToken {
  keyId: string;
  expiresAt: number;
  revoked: boolean;
}

export type AuthResult = { ok: true; keyId: string } | { ok: false; error: SinchHttpError };

const EXPIRED_HEADER = 'Bearer error="invalid_token", error_description="Jwt expired"';

/**
 * OAuth2 client-credentials tokens and Basic auth, as Sinch's gateway does them. Tokens are
 * JWT-shaped (the SDK decodes `exp` to refresh early) and remembered, so `expireAll` can make every
 * outstanding token answer 401 "Jwt expired" and exercise a client's refresh path.
 */
export class SinchAuth {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly signingKey = randomBytes(32);

  constructor(private readonly credentials: SinchCredentials, public tokenTtlSeconds: number, private readonly now: () => number = Date.now) {}

  /** `POST /oauth2/token`. Answers in OAuth2's own error format, not the Fax envelope. */
  async handleTokenRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
    const basic = parseBasic(req.headers.authorization);
    const keyId = basic?.user ?? body.get('client_id') ?? '';
    const keySecret = basic?.password ?? body.get('client_secret') ?? '';
    if (!this.matches(keyId, keySecret)) {
      sendJson(res, 401, { error: 'invalid_client', error_description: 'Bad client credentials' }, { 'WWW-Authenticate': 'Basic realm="sinch"' });
      return;
    }
    if (body.get('grant_type') !== 'client_credentials') {
      sendJson(res, 400, { error: 'unsupported_grant_type', error_description: 'Only client_credentials is supported' });
      return;
    }
    const ttl = this.tokenTtlSeconds;
    const token = this.issue(keyId, ttl);
    sendJson(res, 200, { access_token: token, expires_in: Math.max(0, ttl - 1), scope: '', token_type: 'bearer' }, { 'Cache-Control': 'no-store' });
  }

  /** Checks the Authorization header of an API call (Bearer or Basic). */
  check(req: IncomingMessage): AuthResult {
    const header = req.headers.authorization ?? '';
    if (/^bearer /i.test(header)) {
      const token = header.slice(7).trim();
      const issued = this.tokens.get(token);
      if (!issued) return fail('Invalid or unknown access token', 'Bearer error="invalid_token", error_description="Invalid token"');
      if (issued.revoked || this.now() >= issued.expiresAt) return fail('Jwt expired', EXPIRED_HEADER);
      return { ok: true, keyId: issued.keyId };
    }
    const basic = parseBasic(header);
    if (basic) {
      if (this.matches(basic.user, basic.password)) return { ok: true, keyId: basic.user };
      return fail('Invalid key id or key secret', 'Basic realm="sinch"');
    }
    return fail('Missing Authorization header', 'Bearer realm="sinch"');
  }

  /** Makes every token issued so far answer 401 "Jwt expired" (control API). */
  expireAll(): number {
    for (const issued of this.tokens.values()) issued.revoked = true;
    return this.tokens.size;
  }

  private issue(keyId: string, ttlSeconds: number): string {
    const iat = Math.floor(this.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(JSON.stringify({
      iss: 'https://auth.sinch.com', sub: keyId, aud: 'fax', iat, exp: iat + ttlSeconds, jti: randomBytes(8).toString('hex'),
    }));
    const signature = createHmac('sha256', this.signingKey).update(`${header}.${payload}`).digest('base64url');
    const token = `${header}.${payload}.${signature}`;
    this.tokens.set(token, { keyId, expiresAt: (iat + ttlSeconds) * 1000, revoked: false });
    return token;
  }

  private matches(keyId: string, keySecret: string): boolean {
    return safeEqual(keyId, this.credentials.keyId) && safeEqual(keySecret, this.credentials.keySecret);
  }
}

function fail(message: string, wwwAuthenticate: string): AuthResult {
  return { ok: false, error: new SinchHttpError(401, message, undefined, { 'WWW-Authenticate': wwwAuthenticate }) };
}

function parseBasic(header: string | undefined): { user: string; password: string } | undefined {
  if (!header || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
