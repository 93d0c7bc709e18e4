import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderKind } from '../../common/domain/account';
import type { ErrorAction, ErrorInfo } from '../../common/errors';
import { describeError } from '../../main/core/describeError';
import type { FullFaxProvider } from '../../main/core/providers/faxProvider';
import { SinchProvider } from '../../main/core/providers/sinch/sinchProvider';
import { WelkinProvider } from '../../main/core/providers/welkin/welkinProvider';
import { FAST_RETRY_POLICY, providerErrorOf } from '../support/providerKit';
import { NUMBERS, PROVIDER_TARGETS, useTarget, type RunningTarget } from '../support/providerTargets';
import { TempFolder } from '../support/tempFolder';

/**
 * What a person reads when a provider call fails over HTTP (401, 402, 403, 404, 413, 429 with
 * Retry-After, 5xx, timeout, reset, malformed reply) or is refused locally (bad file, wrong number):
 * the real provider over real HTTP, its ProviderError, then describeError as the outbox uses it.
 */

const ACCOUNT = 'account-1';
const RETRY: ErrorAction = { kind: 'retry' };
const SETTINGS: ErrorAction = { kind: 'open_account_settings', accountId: ACCOUNT };
const shown = (code: ErrorInfo['code'], message: string, nextStep: string, action: ErrorAction, retryable: boolean): ErrorInfo =>
  ({ code, message, nextStep, action, retryable });
const NAME: Record<ProviderKind, string> = { sinch: 'Sinch', welkin: 'Welkin' };
const personSees = (error: unknown) => describeError(error, { accountId: ACCOUNT, target: 'the fax' });

describe.each(PROVIDER_TARGETS)('$kind: HTTP failures in words', (target) => {
  let emulator: RunningTarget;
  let dir: TempFolder;
  let provider: FullFaxProvider;
  const name = NAME[target.kind];
  useTarget(target, 50, (e, d, p) => { emulator = e; dir = d; provider = p; });

  const sendOne = async (to: string = NUMBERS.delivered) => provider.send({ to: [to], documents: [await dir.pdf('letter.pdf')] });

  it('401: the sign-in details, and the account’s settings', async () => {
    const error = await providerErrorOf(emulator.provider({ secret: 'wrong-secret' }).testConnection());
    expect(personSees(error)).toEqual(shown('unauthorized', `${name} did not accept this account’s sign-in details.`,
      'Open the account’s settings, check the ID and secret, then retry.', SETTINGS, false));
  });

  it('404: what was not found, and the account’s settings', async () => {
    const error = await providerErrorOf(provider.getFax(target.unknownFaxId));
    expect(personSees(error)).toEqual(shown('not_found', `${name} could not find the account or fax this needed.`,
      'Check the account’s settings, then retry.', SETTINGS, false));
  });

  it('429 with Retry-After: when to retry', async () => {
    await emulator.control.faults({ rate: 1, kinds: ['429'], retryAfterSeconds: 60, pathPattern: target.sendPathPattern, method: 'POST' });
    const error = await providerErrorOf(sendOne());
    expect(personSees(error)).toEqual(shown('rate_limited', `${name} is limiting how fast Faxdesk can send.`,
      'Retry in 60 seconds.', { kind: 'retry', afterMs: 60_000 }, true));
  });

  it.each(['500', 'malformed'] as const)('%s on send: the service did not take the fax', async (kind) => {
    await emulator.control.faults({ rate: 1, kinds: [kind], count: 1, pathPattern: target.sendPathPattern, method: 'POST' });
    const error = await providerErrorOf(sendOne());
    expect(personSees(error)).toEqual(shown('provider_unavailable', `${name} had a problem on its side and did not take the fax.`,
      'Retry now, or in a few minutes.', RETRY, true));
  });

  it.each(['timeout', 'reset'] as const)('%s: the service could not be reached', async (kind) => {
    const impatient = emulator.provider({ timeoutMs: 300 });
    await impatient.testConnection();
    await emulator.control.faults({ rate: 1, kinds: [kind], pathPattern: target.readPathPattern, method: 'GET' });
    const error = await providerErrorOf(impatient.getFax(target.unknownFaxId));
    expect(personSees(error)).toEqual(shown('network', `Faxdesk could not reach ${name}.`, 'Check the internet connection, then retry.', RETRY, true));
  });

  it('a file it cannot fax: Faxdesk’s own words about the file, and other files', async () => {
    const path = `${dir.path}/setup.exe`;
    await writeFile(path, 'MZ');
    const error = await providerErrorOf(provider.send({ to: [NUMBERS.delivered], documents: [{ path, name: 'setup.exe', contentType: 'application/x-msdownload', sizeBytes: 2 }] }));
    const words = personSees(error);
    expect(words).toMatchObject({ code: 'unsupported_file', action: { kind: 'choose_other_files' }, retryable: false });
    expect(words.message).toMatch(/^“setup\.exe” is (not )?a file type/);
    expect(words.nextStep).toBe('Choose other files: open the document, print it to a new PDF, and send that.');
  });

  it('a wrong number: Faxdesk’s own words about the number', async () => {
    const error = await providerErrorOf(sendOne('555-0100'));
    const words = personSees(error);
    expect(words).toMatchObject({ code: 'invalid_input', nextStep: 'Correct the details, then try again.', action: { kind: 'none' }, retryable: false });
    expect(words.message).toMatch(/^“555-0100” is not a valid fax number\. Use the international (form|format)/);
    expect(await emulator.control.faxes()).toHaveLength(0);
  });
});

/** A provider that answers every call with one documented error (status and body), for answers the emulators never give. */
describe('answers only a real service gives: 402, 403, 413', () => {
  let server: Server;
  let url: string;
  let dir: TempFolder;
  let reply: { status: number; body: unknown } = { status: 500, body: '' };

  beforeAll(async () => {
    dir = await TempFolder.create();
    server = createServer((request, response) => {
      const token = request.url?.includes('/admin/api_clients/');
      const answer = token ? { status: 200, body: { token: 'opaque', clientName: 'demo-client', enabled: true } } : reply;
      response.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await dir.remove();
  });

  const sinch = () => new SinchProvider({ settings: { projectId: 'p', keyId: 'k', authMode: 'basic', region: 'global', baseUrl: url }, secret: 's', policy: FAST_RETRY_POLICY });
  const welkin = () => new WelkinProvider({ settings: { tenant: 'demo', instance: 'live', apiClient: 'demo-client', baseUrl: url }, secret: 's', policy: FAST_RETRY_POLICY });
  const sinchBody = (code: string, error: string, message: string) => ({ code, error, message, status: 'X', details: {} });

  it('Sinch 402: out of funds, retry once funds are added', async () => {
    reply = { status: 402, body: sinchBody('402', 'Payment required', 'You have reached 0 balance on your account please make a payment.') };
    const error = await providerErrorOf(sinch().send({ to: [NUMBERS.delivered], documents: [await dir.pdf('a.pdf')] }));
    expect(personSees(error)).toEqual(shown('insufficient_funds', 'The account at Sinch has run out of funds.',
      'Add funds or update the payment details at Sinch, then retry.', RETRY, false));
    expect(JSON.stringify(personSees(error))).not.toContain('balance');
  });

  it('403 from either: permission, and the account’s settings', async () => {
    reply = { status: 403, body: sinchBody('403', 'Forbidden', 'You do not have access to this resource.') };
    expect(personSees(await providerErrorOf(sinch().testConnection()))).toEqual(shown('permission_denied', 'Sinch did not allow this account to do that.',
      'Check the account’s settings. If they are right, ask the administrator at Sinch to allow faxing for it.', SETTINGS, false));
    reply = { status: 403, body: [{ errorCode: 'ACCESS_FOR_API_CLIENT_RESTRICTED', componentType: 'AUTH', message: 'Access to this API is restricted for the APIClient' }] };
    expect(personSees(await providerErrorOf(welkin().testConnection()))).toMatchObject({ code: 'permission_denied', message: 'Welkin did not allow this account to do that.' });
  });

  it('413 from either: files too large, and other files', async () => {
    const tooLarge = (service: string) => shown('files_too_large', `The files are larger than ${service} accepts.`,
      'Send fewer or smaller files, or split the document.', { kind: 'choose_other_files' }, false);
    reply = { status: 413, body: sinchBody('413', 'Payload too large', 'The request body is too large.') };
    expect(personSees(await providerErrorOf(sinch().send({ to: [NUMBERS.delivered], documents: [await dir.pdf('b.pdf')] })))).toEqual(tooLarge('Sinch'));
    reply = { status: 413, body: [{ errorCode: 'PAYLOAD_TOO_LARGE', componentType: 'GENERAL', message: 'Payload too large' }] };
    expect(personSees(await providerErrorOf(welkin().client.createDraft({})))).toEqual(tooLarge('Welkin'));
  });
});
