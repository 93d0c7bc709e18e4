import { describe, expect, it } from 'vitest';
import { ZodError, z } from 'zod';
import { ErrorCodeSchema, ErrorInfoSchema, FAX_FAILURE_CODES, errorInfo, type FaxFailureCode } from '../../common/errors';
import { AppError } from '../../common/ipc/result';
import { describeError, readStoredError } from '../../main/core/describeError';
import { faxFailure } from '../../main/core/providers/faxFailure';
import { ProviderError } from '../../main/core/providers/providerError';
import { sinchFailureCode } from '../../main/core/providers/sinch/sinchFailureCodes';
import { welkinFailureCode } from '../../main/core/providers/welkin/welkinFailureCodes';

/**
 * Every documented Sinch fax failure (reference §11.3), grouped by hand from the reference text,
 * and where each belongs in the vocabulary. A code added to or moved in the mapping must be moved here.
 */
const SINCH_DOCUMENTED: ReadonlyArray<[string, readonly number[], FaxFailureCode]> = [
  ['DOCUMENT_CONVERSION_ERROR', [4, 54, 55, 122, 128, 129, 130, 133], 'document_conversion'],
  ['DOCUMENT_CONVERSION_ERROR', [57, 69], 'fax_service_error'],
  ['CALL_ERROR', [11, 15, 19, 43], 'call_dropped'],
  ['CALL_ERROR', [16, 30], 'no_answer'],
  ['CALL_ERROR', [17], 'line_busy'],
  ['CALL_ERROR', [32], 'incompatible_machine'],
  ['CALL_ERROR', [34, 49], 'number_not_in_service'],
  ['FAX_ERROR', [6, 8, 10, 12, 13, 14, 18, 20, 21, 22, 26, 28, 29, 38, 41, 53, 60, 63, 77, 80, 82, 84, 117, 119], 'fax_protocol_error'],
  ['FAX_ERROR', [7, 25, 31, 68], 'incompatible_machine'],
  ['FAX_ERROR', [40, 44], 'call_dropped'],
  ['FAX_ERROR', [46], 'insufficient_funds'],
  ['FAX_ERROR', [48], 'no_answer'],
  ['FAX_ERROR', [75], 'cancelled'],
  ['FAX_ERROR', [76, 79, 113], 'fax_service_error'],
  ['FAX_ERROR', [131], 'partial_delivery'],
  ['FAX_ERROR', [132], 'not_a_fax_machine'],
  ['FAX_ERROR', [133], 'number_not_permitted'],
  ['LINE_ERROR', [89], 'call_dropped'],
];

describe('Sinch failure codes (§11.3)', () => {
  it.each(SINCH_DOCUMENTED)('%s %j → %s', (type, codes, expected) => {
    for (const code of codes) expect(sinchFailureCode(type, code), `${type} ${code}`).toBe(expected);
  });

  it('falls back on the error type, then on fax_failed; codes may arrive as strings', () => {
    expect(sinchFailureCode('LINE_ERROR', 999)).toBe('call_dropped');
    expect(sinchFailureCode('FATAL_ERROR', null)).toBe('fax_service_error');
    expect(sinchFailureCode('GENERAL_ERROR', undefined)).toBe('fax_service_error');
    expect(sinchFailureCode('SOMETHING_NEW', 999)).toBe('fax_failed');
    expect(sinchFailureCode('CALL_ERROR', '17')).toBe('line_busy');
  });
});

describe('Welkin failure reasons (Notifyre status texts)', () => {
  it.each([
    ['Failed - Busy', 'line_busy'],
    ['Failed - No Answer', 'no_answer'],
    ['Failed - Partial pages sent', 'partial_delivery'],
    ['Failed - Not a fax machine', 'not_a_fax_machine'],
    ['Failed - Connection not a Fax Machine', 'not_a_fax_machine'],
    ['Failed - Check number and try again', 'number_not_in_service'],
    ['Cancelled', 'cancelled'],
    ['Failed - Unknown error', 'fax_failed'],
    ['Failed', 'fax_failed'],
  ] as const)('“%s” → %s', (reason, expected) => {
    expect(welkinFailureCode(reason)).toBe(expected);
  });
});

describe('pages decide a partial delivery', () => {
  it('any failure after pages arrived is partial; a "partial" with none delivered is a dropped call', () => {
    expect(faxFailure('call_dropped', 2, 'sinch', 'x').code).toBe('partial_delivery');
    expect(faxFailure('partial_delivery', 0, 'welkin', 'x').code).toBe('call_dropped');
    expect(faxFailure('partial_delivery', undefined, 'welkin', 'x').code).toBe('partial_delivery');
    expect(faxFailure('line_busy', 0, 'sinch', 'x').code).toBe('line_busy');
  });

  it('says how many pages arrived when it is known, and never advises a blind retry', () => {
    expect(errorInfo('partial_delivery', { pagesSent: 3, pages: 7 }).message).toBe('Only 3 of 7 pages reached the recipient before the call ended.');
    expect(errorInfo('partial_delivery', { pagesSent: 1 }).message).toBe('Only 1 page reached the recipient before the call ended.');
    expect(errorInfo('partial_delivery').message).toBe('Some pages reached the recipient before the call ended.');
    expect(errorInfo('partial_delivery', { pagesSent: 3, pages: 7 })).toMatchObject({ retryable: false, action: { kind: 'check_with_recipient' } });
  });
});

describe('the words table', () => {
  it('never advises a retry where retrying cannot help', () => {
    const hopeless: FaxFailureCode[] = ['number_not_in_service', 'not_a_fax_machine', 'document_conversion', 'incompatible_machine', 'number_not_permitted', 'partial_delivery'];
    for (const code of hopeless) {
      const info = errorInfo(code, { service: 'Sinch' });
      expect(info.action.kind, code).not.toBe('retry');
      expect(info.retryable, code).toBe(false);
      expect(`${info.message} ${info.nextStep}`, code).not.toMatch(/retry/i);
    }
  });

  it('reads as sentences with or without a provider name', () => {
    for (const code of ErrorCodeSchema.options) {
      for (const service of ['Welkin', undefined]) {
        const info = errorInfo(code, { service });
        expect(ErrorInfoSchema.parse(info)).toEqual(info);
        for (const text of [info.message, info.nextStep]) {
          expect(text, code).toMatch(/^[A-Z].*[.]$/);
          expect(text, code).not.toMatch(/\bthe the\b|undefined|\bSinch\b/);
        }
      }
    }
  });

  it('offers the account’s settings when it knows the account, else Settings', () => {
    expect(errorInfo('unauthorized', { accountId: 'a1' }).action).toEqual({ kind: 'open_account_settings', accountId: 'a1' });
    expect(errorInfo('unauthorized').action).toEqual({ kind: 'open_settings' });
    expect(errorInfo('rate_limited', { retryAfterMs: 90_000 })).toMatchObject({ nextStep: 'Retry in 90 seconds.', action: { kind: 'retry', afterMs: 90_000 } });
    expect(errorInfo('rate_limited', { retryAfterMs: 600_000 }).nextStep).toBe('Retry in 10 minutes.');
  });

  it('lists every fax failure code in the vocabulary once', () => {
    expect(new Set(FAX_FAILURE_CODES).size).toBe(FAX_FAILURE_CODES.length);
    for (const code of FAX_FAILURE_CODES) expect(ErrorCodeSchema.options).toContain(code);
  });
});

describe('describeError: one path for anything that went wrong', () => {
  it('keeps Faxdesk’s own words, fills the account in, and never shows a provider’s text', () => {
    expect(describeError(AppError.of('unauthorized', 'No secret is stored for “Clinic”.'), { accountId: 'a1' }))
      .toMatchObject({ message: 'No secret is stored for “Clinic”.', action: { kind: 'open_account_settings', accountId: 'a1' } });
    const fromProvider = new ProviderError({ code: 'invalid_input', message: 'sinch answered HTTP 422: to: The (+15551) is not valid', provider: 'sinch', status: 422 });
    const shown = describeError(fromProvider, { target: 'the fax' });
    expect(shown.message).toBe('Sinch refused the fax: some details are missing or not in the right form.');
    expect(JSON.stringify(shown)).not.toContain('15551');
  });

  it('turns invalid input into fields and anything unexpected into internal', () => {
    let zodError: ZodError | undefined;
    try { z.object({ to: z.string().min(3, 'Too short') }).parse({ to: '1' }); } catch (error) { zodError = error as ZodError; }
    expect(describeError(zodError)).toMatchObject({ code: 'invalid_input', message: 'Too short', fields: { to: 'Too short' }, action: { kind: 'none' } });
    expect(describeError(new TypeError('x is undefined'))).toMatchObject({ code: 'internal', message: 'Something went wrong inside Faxdesk. The problem was logged.' });
  });

  it('reads stored errors from before the vocabulary with the words of their code', () => {
    expect(readStoredError(JSON.stringify({ code: 'network', message: 'old words', retryable: true }))).toMatchObject({ code: 'network', message: 'Faxdesk could not reach the fax service.' });
    expect(readStoredError(JSON.stringify({ code: '17', message: 'The fax failed: Busy.', retryable: true }))).toMatchObject({ code: 'fax_failed', action: { kind: 'retry' } });
    const current = errorInfo('line_busy');
    expect(readStoredError(JSON.stringify(current))).toEqual(current);
  });
});
