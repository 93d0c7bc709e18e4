import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../common/domain/fax';
import type { ErrorAction, ErrorInfo } from '../../common/errors';
import { startSinchEmulator } from '../../main/emulators/sinch/index';
import { startWelkinEmulator } from '../../main/emulators/welkin/index';
import { makePdfBytes, startTestCore, waitFor, type CoreHarness } from '../support/coreKit';

/**
 * What a person reads for every failure the emulators can produce: each failing number of both
 * (README "Numbers that fail"), sent through the real core and provider over HTTP, followed until
 * the job fails. The job's error is exactly what the Outbox shows: words, next step and the action
 * its button offers.
 */

const RETRY: ErrorAction = { kind: 'retry' };
const shown = (code: ErrorInfo['code'], message: string, nextStep: string, action: ErrorAction, retryable: boolean): ErrorInfo =>
  ({ code, message, nextStep, action, retryable });

const BUSY = shown('line_busy', 'The line was busy.', 'Retry in a few minutes.', RETRY, true);
const NO_ANSWER = shown('no_answer', 'No fax machine answered.',
  'Check with the recipient that their fax machine is on and has paper, then retry.', RETRY, true);
const CHECK_NUMBER = 'Check the fax number with the recipient, then send a new fax to the right number.';
const ASK_WHICH_PAGES = 'Ask the recipient which pages arrived. Send the missing pages as a new fax, or send it all again only if they ask.';
const partial = (message: string) => shown('partial_delivery', message, ASK_WHICH_PAGES, { kind: 'check_with_recipient' }, false);

/** Sinch emulator README, "Special destination numbers". Each fax has 3 pages. */
const SINCH_NUMBERS: ReadonlyArray<[string, ErrorInfo]> = [
  ['+19898989801', BUSY],
  ['+19898989802', NO_ANSWER],
  ['+19898989803', partial('Only 2 of 3 pages reached the recipient before the call ended.')],
  ['+19898989804', shown('document_conversion', 'Sinch could not turn the document into a fax.',
    'Choose other files: open the document, print it to a new PDF, and send that.', { kind: 'choose_other_files' }, false)],
  ['+19898989805', shown('fax_protocol_error', 'The fax machines could not complete the transfer.',
    'Retry. If it fails again, ask the recipient to check their fax machine.', RETRY, true)],
  ['+19898989806', shown('call_dropped', 'The call dropped before the fax went through.',
    'Retry. If it keeps dropping, check the number with the recipient.', RETRY, true)],
  ['+19898989807', shown('number_not_in_service', 'The fax number is not in service.', CHECK_NUMBER, { kind: 'new_fax' }, false)],
];

const NOT_A_FAX = shown('not_a_fax_machine', 'The number answered, but not as a fax machine. It may be a phone line.', CHECK_NUMBER, { kind: 'new_fax' }, false);

/** Welkin emulator README, "Lifecycle and special numbers". */
const WELKIN_NUMBERS: ReadonlyArray<[string, ErrorInfo]> = [
  ['+19898989801', BUSY],
  ['+19898989802', NO_ANSWER],
  ['+19898989803', partial('Only 1 of 3 pages reached the recipient before the call ended.')],
  ['+19898989804', NOT_A_FAX],
  ['+19898989805', BUSY],
];

/** Other carrier texts Welkin passes on (the emulator's default failure, and Notifyre's documented statuses). */
const WELKIN_REASONS: ReadonlyArray<[string, ErrorInfo]> = [
  ['Failed - Unknown error', shown('fax_failed', 'Welkin could not deliver the fax and gave no reason Faxdesk knows.',
    'Retry. If it fails again, check the number with the recipient.', RETRY, true)],
  ['Failed - Check number and try again', shown('number_not_in_service', 'The fax number is not in service.', CHECK_NUMBER, { kind: 'new_fax' }, false)],
  ['Failed - Connection not a Fax Machine', NOT_A_FAX],
  ['Cancelled', shown('cancelled', 'The fax was cancelled before it went out.', 'Retry if it is still needed.', RETRY, true)],
];

let h: CoreHarness;
let sinch: Awaited<ReturnType<typeof startSinchEmulator>>;
let welkin: Awaited<ReturnType<typeof startWelkinEmulator>>;
let documentId: string;

async function call<T>(channel: string, input: unknown): Promise<T> {
  const reply = await h.core.dispatch(channel, input);
  if (!reply.ok) throw new Error(`${channel}: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

async function addAccount(provider: 'sinch' | 'welkin', secret = 'demo-secret'): Promise<string> {
  const settings = provider === 'sinch'
    ? { provider, sinch: { projectId: 'demo-project', keyId: 'demo-key', baseUrl: sinch.url, authUrl: sinch.url } }
    : { provider, welkin: { tenant: 'demo', instance: 'live', apiClient: 'demo-client', baseUrl: welkin.url } };
  return (await call<{ id: string }>('accounts.add', { name: `${provider} ${secret}`, secret, settings })).id;
}

/** Sends one fax per number and returns each job once it failed, by number. */
async function failedJobs(accountId: string, numbers: readonly string[]): Promise<Map<string, OutboxJob>> {
  const sent = await call<OutboxJob[]>('fax.send', { accountId, to: numbers, documentIds: [documentId], confirmDuplicate: true });
  const ids = new Set(sent.map((job) => job.id));
  const jobs = await waitFor(async () => {
    const mine = (await call<OutboxJob[]>('outbox.list', {})).filter((job) => ids.has(job.id));
    return mine.every((job) => job.state === 'failed') ? mine : undefined;
  }, 20_000, `failed jobs to ${numbers.join(', ')}`);
  return new Map(jobs.map((job) => [job.to, job]));
}

async function control(url: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}/__emulator${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.ok).toBe(true);
}

beforeAll(async () => {
  sinch = await startSinchEmulator({ port: 0, speed: 50 });
  welkin = await startWelkinEmulator({ port: 0, speed: 50 });
  h = startTestCore({ demo: false });
  documentId = (await call<{ id: string }>('documents.add', { name: 'referral.pdf', bytes: await makePdfBytes(3) })).id;
});

afterAll(async () => {
  await h.close();
  await sinch.close();
  await welkin.close();
});

describe('what a person reads when a fax fails at the provider', () => {
  it('Sinch: every failing number of the emulator', async () => {
    const accountId = await addAccount('sinch');
    const jobs = await failedJobs(accountId, SINCH_NUMBERS.map(([number]) => number));
    for (const [number, expected] of SINCH_NUMBERS) expect(jobs.get(number)?.error, number).toEqual(expected);
    // The provider's own words ("Busy", "Incomplete transmission") never reach the screen.
    expect(JSON.stringify([...jobs.values()])).not.toMatch(/Incomplete transmission|Phone number not operational|CALL_ERROR/);
  });

  it('Welkin: every failing number of the emulator', async () => {
    const accountId = await addAccount('welkin');
    const jobs = await failedJobs(accountId, WELKIN_NUMBERS.map(([number]) => number));
    for (const [number, expected] of WELKIN_NUMBERS) expect(jobs.get(number)?.error, number).toEqual(expected);
    expect(JSON.stringify([...jobs.values()])).not.toMatch(/Failed - /);
  });

  it.each(WELKIN_REASONS)('Welkin: failure reason “%s”', async (reason, expected) => {
    const accountId = await addAccount('welkin');
    await control(welkin.url, '/lifecycle', { defaultOutcome: 'FAILED', defaultFailureReason: reason });
    try {
      const jobs = await failedJobs(accountId, ['+12015550142']);
      expect(jobs.get('+12015550142')?.error).toEqual(expected);
    } finally {
      await control(welkin.url, '/lifecycle', { defaultOutcome: 'SENT' });
    }
  });
});

describe('what a person reads when the provider refuses the send', () => {
  it('a wrong secret: the words, and a button that opens that account’s settings', async () => {
    const accountId = await addAccount('sinch', 'wrong-secret');
    const jobs = await failedJobs(accountId, ['+12015550142']);
    expect(jobs.get('+12015550142')?.error).toEqual(shown('unauthorized', 'Sinch did not accept this account’s sign-in details.',
      'Open the account’s settings, check the ID and secret, then retry.', { kind: 'open_account_settings', accountId }, false));
  });

  it('a 429 with a long Retry-After: back in the queue, sent again on its own when the wait is over', async () => {
    const accountId = await addAccount('sinch');
    await control(sinch.url, '/faults', { rate: 1, kinds: ['429'], method: 'POST', pathPattern: '/faxes$', count: 1, retryAfterSeconds: 120 });
    const [sent] = await call<OutboxJob[]>('fax.send', { accountId, to: ['+12015550143'], documentIds: [documentId] });
    const waiting = await waitFor(async () => {
      const job = (await call<OutboxJob[]>('outbox.list', {})).find((candidate) => candidate.id === sent!.id);
      return job?.state === 'queued' && job.error ? job : undefined;
    }, 20_000, 'back in the queue');
    expect(waiting.error).toEqual(shown('rate_limited', 'Sinch is limiting how fast Faxdesk can send.',
      'Nothing to do: Faxdesk will send it again on its own in 2 minutes.', { kind: 'none' }, true));
  });
});

describe('what a person reads when Faxdesk refuses before sending', () => {
  it('a file Faxdesk cannot fax, and a wrong number', async () => {
    const accountId = await addAccount('sinch');
    const program = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
    expect(await h.core.dispatch('documents.add', { name: 'notes.pdf', bytes: program })).toEqual({
      ok: false,
      error: shown('unsupported_file', 'notes.pdf is not a kind of file Faxdesk can fax.',
        'Fax a PDF, a picture (PNG, JPEG, GIF, WebP, BMP or TIFF), a Word document (.docx) or a plain text file; print anything else to PDF first.', { kind: 'choose_other_files' }, false),
    });
    const wrongNumber = await h.core.dispatch('fax.send', { accountId, to: ['12'], documentIds: [documentId] });
    expect(wrongNumber).toEqual({
      ok: false,
      error: {
        ...shown('invalid_input', '“12” is not a complete fax number. Include the area code, or a + and country code.', 'Correct the details, then try again.', { kind: 'none' }, false),
        fields: { 'to.0': '“12” is not a complete fax number. Include the area code, or a + and country code.' },
      },
    });
  });
});
