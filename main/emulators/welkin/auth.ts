import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_TOKEN_TTL_SECONDS, TOKEN_RATE_LIMIT, TOKEN_RATE_WINDOW_MS, WELKIN_DEMO_CREDENTIALS } from './constants';
import { WelkinHttpError, fromZodIssues } from './errors';

export interface ApiClient {
  id: string;
  tenantName: string;
  name: string;
  secret: string;
  /** Instances this client may use; others answer 403 (reference §11 U19). */
  instances: string[];
  enabled: boolean;
  /** Security-policy permission for fax communications; false → 403 on /faxes (U19). */
  faxAccess: boolean;
}

/** The identity behind a verified token, used for audit fields and access checks. */
export interface Principal {
  client: ApiClient;
  actorName: string;
}

const TokenBodySchema = z.object({ secret: z.string() });
const GitBookTokenBodySchema = z.object({ secret: z.string(), apiClient: z.string(), tenantName: z.string().optional() });

const JwtPayloadSchema = z.object({
  sub: z.string(),
  'custom:tenant': z.string(),
  'cognito:username': z.string(),
  iat: z.number(),
  exp: z.number(),
});

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * Issues and checks JWT-shaped tokens (HS256 with a per-run key; the client treats them as opaque and
 * reads only `exp`). Time is real time, not the lifecycle clock: token expiry is about the client's
 * cache, tests force it with `expireAll()` or a short TTL.
 */
export class TokenService {
  private readonly key = randomBytes(32);
  private clients: ApiClient[] = [];
  /** Tokens issued at or before this instant (ms) are expired (control route expire-tokens). */
  private revokedUpTo = 0;
  private readonly requests = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(public ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS, private readonly now: () => number = Date.now) {
    this.reset();
  }

  reset(): void {
    this.clients = [{
      id: '881c4eb5-b83e-479b-9e47-4c4effac4090',
      tenantName: WELKIN_DEMO_CREDENTIALS.tenantName,
      name: WELKIN_DEMO_CREDENTIALS.apiClientName,
      secret: WELKIN_DEMO_CREDENTIALS.secret,
      instances: [WELKIN_DEMO_CREDENTIALS.instanceName],
      enabled: true,
      faxAccess: true,
    }];
    this.revokedUpTo = 0;
    this.requests.clear();
    this.blockedUntil.clear();
  }

  findClient(tenantName: string | undefined, name: string): ApiClient | undefined {
    return this.clients.find((client) => client.name === name && (tenantName === undefined || client.tenantName === tenantName));
  }

  expireAll(): void {
    this.revokedUpTo = this.now();
  }

  /** `POST /{tenant}/admin/api_clients/{client}` with `{secret}` (reference §2.1). */
  issueForPath(tenantName: string, clientName: string, body: unknown): { clientName: string; token: string; enabled: boolean } {
    const parsed = TokenBodySchema.safeParse(body);
    this.countRequest(`${tenantName}/${clientName}`);
    if (!parsed.success) throw fromZodIssues(parsed.error.issues, 'AUTH');
    const client = this.authenticate(tenantName, clientName, parsed.data.secret);
    return { clientName: client.name, token: this.sign(client), enabled: client.enabled };
  }

  /** GitBook alias `POST /auth/token` with `{secret, apiClient}` → `{token, expiresAt}` (§2.3). */
  issueGitBook(body: unknown): { token: string; expiresAt: string } {
    const parsed = GitBookTokenBodySchema.safeParse(body);
    if (!parsed.success) throw fromZodIssues(parsed.error.issues, 'AUTH');
    const { secret, apiClient, tenantName } = parsed.data;
    const tenant = tenantName ?? this.findClient(undefined, apiClient)?.tenantName ?? '';
    this.countRequest(`${tenant}/${apiClient}`);
    const client = this.authenticate(tenant, apiClient, secret);
    const token = this.sign(client);
    return { token, expiresAt: new Date(this.decode(token).exp * 1000).toISOString() };
  }

  /** Verifies `Authorization: Bearer …`; throws the 401s the Welkin client reacts to (§2.4). */
  verify(authorization: string | undefined): Principal {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) throw invalidToken('Missing or malformed Authorization header');
    const token = match[1];
    const parts = token.split('.');
    if (parts.length !== 3 || !parts[2] || !this.signatureMatches(`${parts[0]}.${parts[1]}`, parts[2])) {
      throw invalidToken('JWT signature does not match locally computed signature');
    }
    const payload = this.decode(token);
    // iat is whole seconds; compare in ms so a token issued in the same second as expireAll() dies too.
    if (payload.exp * 1000 <= this.now() || payload.iat * 1000 <= this.revokedUpTo) {
      throw new WelkinHttpError(401, 'TOKEN_EXPIRED', 'AUTH', 'JWT token is expired', {});
    }
    const client = this.clients.find((candidate) => candidate.id === payload.sub);
    if (!client || !client.enabled) throw invalidToken('API client is unknown or disabled');
    return { client, actorName: `API_CLIENT:${client.name}` };
  }

  private authenticate(tenantName: string, clientName: string, secret: string): ApiClient {
    const client = this.findClient(tenantName, clientName);
    if (!client || !safeEqual(client.secret, secret)) {
      throw new WelkinHttpError(401, 'INVALID_API_CLIENT_CREDENTIALS', 'AUTH', 'Invalid API client name or secret',
        { tenantName, clientName });
    }
    return client;
  }

  /** Sliding 5-minute window per client; the 101st request blocks the client for 5 minutes (§2.2). */
  private countRequest(key: string): void {
    const now = this.now();
    const blocked = this.blockedUntil.get(key) ?? 0;
    if (blocked > now) throw tooMany(key, blocked - now);
    const recent = (this.requests.get(key) ?? []).filter((at) => at > now - TOKEN_RATE_WINDOW_MS);
    recent.push(now);
    this.requests.set(key, recent);
    if (recent.length > TOKEN_RATE_LIMIT) {
      this.blockedUntil.set(key, now + TOKEN_RATE_WINDOW_MS);
      this.requests.delete(key);
      throw tooMany(key, TOKEN_RATE_WINDOW_MS);
    }
  }

  private sign(client: ApiClient): string {
    // iat in ms precision inside the token would not be JWT-like; keep seconds but never collide with revocation.
    const iat = Math.max(Math.floor(this.now() / 1000), Math.floor(this.revokedUpTo / 1000) + 1);
    const header = base64url(JSON.stringify({ kid: 'faxdesk-emulator', alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(JSON.stringify({
      sub: client.id,
      'custom:type': 'API_CLIENT',
      'custom:tenant': client.tenantName,
      'cognito:username': client.name,
      token_use: 'id',
      iss: 'https://welkin-emulator.faxdesk.invalid',
      jti: randomUUID(),
      iat,
      exp: iat + this.ttlSeconds,
    }));
    return `${header}.${payload}.${this.hmac(`${header}.${payload}`)}`;
  }

  private decode(token: string): z.infer<typeof JwtPayloadSchema> {
    try {
      const json: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
      const parsed = JwtPayloadSchema.safeParse(json);
      if (parsed.success) return parsed.data;
    } catch {
      // fall through to the 401 below
    }
    throw invalidToken('JWT payload is not valid');
  }

  private hmac(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }

  private signatureMatches(data: string, signature: string): boolean {
    return safeEqual(this.hmac(data), signature);
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function invalidToken(message: string): WelkinHttpError {
  return new WelkinHttpError(401, 'NOT_VALID_JSON_WEB_TOKEN', 'AUTH', message, {});
}

function tooMany(key: string, remainingMs: number): WelkinHttpError {
  return new WelkinHttpError(429, 'TOO_MANY_REQUESTS', 'AUTH',
    'Authorization is blocked for five minutes: more than 100 token requests in 5 minutes',
    { apiClient: key }, { 'Retry-After': String(Math.ceil(remainingMs / 1000)) });
}
