import { describe, expect, it } from 'vitest';
import { jwtExpiryMs, WelkinTokenSource } from '../../main/core/providers/welkin/welkinAuth';
import { parseWelkinErrorBody, welkinErrorFrom } from '../../main/core/providers/welkin/welkinErrors';
import { toDocumentType, toRemoteDirection, toRemoteFax, toRemoteStatus } from '../../main/core/providers/welkin/welkinMapper';
import { WelkinFaxSchema, parseWelkinPage } from '../../main/core/providers/welkin/welkinSchemas';

// Wire-format edge cases that the emulator does not produce but real Welkin may (reference §3).

const fax = (extra: Record<string, unknown>) => WelkinFaxSchema.parse({ id: 'f1', createdAt: '2026-05-04T19:50:09.808Z', ...extra });

describe('Welkin error bodies', () => {
  it('reads the recorded array, a single object, a wrapper, text and nothing', () => {
    const item = { errorCode: 'FAX_NOT_FOUND', componentType: 'FAX', message: 'Fax not found', details: { faxId: 'x' } };
    expect(parseWelkinErrorBody(JSON.stringify([item]))[0]?.errorCode).toBe('FAX_NOT_FOUND');
    expect(parseWelkinErrorBody(JSON.stringify(item))[0]?.errorCode).toBe('FAX_NOT_FOUND');
    expect(parseWelkinErrorBody(JSON.stringify({ errors: [item] }))[0]?.errorCode).toBe('FAX_NOT_FOUND');
    expect(parseWelkinErrorBody('<html>Bad gateway</html>')).toEqual([]);
    expect(parseWelkinErrorBody('')).toEqual([]);
  });

  it('maps status, body code and Retry-After to a ProviderError; the provider text stays in the log message', async () => {
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      new Response(body === '' ? '' : JSON.stringify(body), { status, headers });
    const notFound = await welkinErrorFrom(reply(404, [{ errorCode: 'FAX_NOT_FOUND', message: 'Fax not found' }]), 'get fax', true);
    expect(notFound).toMatchObject({ code: 'not_found', provider: 'welkin', providerCode: 'FAX_NOT_FOUND', status: 404, retryable: false });
    expect(notFound.message).toBe('welkin answered HTTP 404 to “get fax”: FAX_NOT_FOUND Fax not found');
    const limited = await welkinErrorFrom(reply(429, '', { 'Retry-After': '7' }), 'list faxes', true);
    expect(limited).toMatchObject({ code: 'rate_limited', retryAfterMs: 7000, retryable: true });
    const broken = await welkinErrorFrom(reply(502, ''), 'send the fax', false);
    expect(broken).toMatchObject({ code: 'provider_unavailable', maybeAccepted: true, definitelyRefused: false });
    const unknownCode = await welkinErrorFrom(reply(400, [{ errorCode: 'SOMETHING_NEW', message: 'Receiver is required' }]), 'send the fax', false);
    expect(unknownCode).toMatchObject({ code: 'invalid_input', providerCode: 'SOMETHING_NEW', maybeAccepted: false, definitelyRefused: true });
    const tooMany = await welkinErrorFrom(reply(400, [{ errorCode: 'FAX_FILES_LIMIT_EXCEEDED', message: 'Maximum 10 files' }]), 'upload files', false);
    expect(tooMany.code).toBe('too_many_files');
    const restricted = await welkinErrorFrom(reply(403, { errorCode: 'ACCESS_FOR_API_CLIENT_RESTRICTED', componentType: 'AUTH' }), 'list faxes', true);
    expect(restricted.code).toBe('permission_denied');
  });
});

describe('Welkin pages', () => {
  const requested = { page: 0, size: 20 };
  it('accepts Spring, {name,data}, {data,metaInfo} and bare arrays', () => {
    const spring = { content: [{ id: 'a' }], number: 1, size: 1, totalElements: 3, totalPages: 3, last: false };
    expect(parseWelkinPage(spring, WelkinFaxSchema, requested)).toMatchObject({ page: 1, size: 1, totalItems: 3, last: false });
    expect(parseWelkinPage({ name: '_document_summary', data: spring }, WelkinFaxSchema, requested).items).toHaveLength(1);
    const meta = { data: [{ id: 'a' }, { id: 'b' }], metaInfo: { page: 0, pageSize: 20, totalElements: 2, totalPages: 1, lastPage: true } };
    expect(parseWelkinPage(meta, WelkinFaxSchema, requested)).toMatchObject({ totalItems: 2, last: true });
    expect(parseWelkinPage([{ id: 'a' }], WelkinFaxSchema, requested)).toMatchObject({ totalItems: 1, last: true });
  });

  it('treats a page without ids as a malformed reply', () => {
    expect(() => parseWelkinPage({ content: [{ subject: 'x' }] }, WelkinFaxSchema, requested)).toThrow();
    expect(() => parseWelkinPage({ faxes: [] }, WelkinFaxSchema, requested)).toThrow();
  });
});

describe('Welkin mapping', () => {
  it('normalises direction spellings and statuses', () => {
    expect(['INCOMING', 'inbound', 'IN'].map(toRemoteDirection)).toEqual(['inbound', 'inbound', 'inbound']);
    expect(['OUTGOING', 'OUT', null].map(toRemoteDirection)).toEqual(['outbound', 'outbound', 'outbound']);
    expect(['DRAFT', 'PROCESSING', 'SENT', 'FAILED'].map((status) => toRemoteStatus(status, 'outbound'))).toEqual(['draft', 'sending', 'sent', 'failed']);
    expect(toRemoteStatus('RECEIVED', 'inbound')).toBe('received');
    expect(toRemoteStatus('SOMETHING_NEW', 'outbound')).toBe('sending');
  });

  it('maps a failed outgoing fax and an unreviewed incoming one, ignoring unknown fields', () => {
    const failed = toRemoteFax(fax({ direction: 'OUTGOING', status: 'FAILED', failureReason: 'Failed - Busy', receiverFaxNumber: '+15551234567', files: [{ id: 'x' }], future: { nested: true } }));
    expect(failed).toMatchObject({ status: 'failed', failure: { code: 'line_busy', provider: 'welkin', providerReason: 'Failed - Busy' }, to: '+15551234567', hasFile: true });
    const incoming = toRemoteFax(fax({ direction: 'INCOMING', status: 'RECEIVED', senderFaxNumber: '+15559870000', receivedAt: '2026-05-04T20:00:00.000Z', pages: 3 }));
    expect(incoming).toMatchObject({ direction: 'inbound', status: 'received', reviewed: false, from: '+15559870000', pages: 3, hasFile: false });
    expect(toDocumentType({ id: 'd', name: 'dt-insurance-card', title: 'Insurance Card', label: null })).toEqual({ id: 'd', name: 'dt-insurance-card', title: 'Insurance Card' });
  });
});

describe('Welkin token lifetime', () => {
  const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;

  it('reads exp from the JWT and renews 60 s before it', async () => {
    expect(jwtExpiryMs(jwt({ exp: 1_700_000_000 }))).toBe(1_700_000_000_000);
    expect(jwtExpiryMs('not-a-jwt')).toBeUndefined();
    let now = 1_700_000_000_000 - 3_600_000;
    let issued = 0;
    const fakeFetch: typeof fetch = async () => {
      issued++;
      return new Response(JSON.stringify({ token: jwt({ exp: Math.floor(now / 1000) + 3600, n: issued }), clientName: 'c', enabled: true }), { status: 200 });
    };
    const source = new WelkinTokenSource({
      settings: { tenant: 't', instance: 'i', apiClient: 'c', baseUrl: 'http://welkin.invalid' },
      secret: 's', fetch: fakeFetch, timeoutMs: 1000, now: () => now,
    });
    const [first, second] = await Promise.all([source.getToken(), source.getToken()]);
    expect(first).toBe(second);
    expect(issued).toBe(1);
    now += 3_600_000 - 61_000;
    expect(await source.getToken()).toBe(first);
    now += 2_000; // inside the 60 s margin
    expect(await source.getToken()).not.toBe(first);
    expect(issued).toBe(2);
  });
});
