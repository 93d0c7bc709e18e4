import type { FaxFailureCode } from '../../../../common/errors';

/**
 * Sinch fax failure codes (§11.3) onto the vocabulary. Every documented code is listed; a code
 * not listed falls back to its `errorType`. Whether pages arrived is decided by the caller.
 */
const BY_CODE: ReadonlyArray<readonly [FaxFailureCode, readonly number[]]> = [
  ['line_busy', [17]],
  ['no_answer', [16, 30, 48]],
  ['not_a_fax_machine', [132]],
  ['number_not_in_service', [34, 49]],
  ['call_dropped', [11, 15, 19, 40, 43, 44, 89]],
  // 119 is Sinch's simulated fax error; the emulator uses it for "fails on the first page".
  ['fax_protocol_error', [6, 8, 10, 12, 13, 14, 18, 20, 21, 22, 26, 28, 29, 38, 41, 53, 60, 63, 77, 80, 82, 84, 117, 119]],
  ['incompatible_machine', [7, 25, 31, 32, 68]],
  ['partial_delivery', [131]],
  // 122 is the simulated conversion error; 54/55 are content URLs Sinch could not fetch.
  ['document_conversion', [4, 54, 55, 122, 128, 129, 130]],
  ['insufficient_funds', [46]],
  ['fax_service_error', [57, 69, 76, 79, 113]],
  ['cancelled', [75]],
];

const BY_TYPE: Readonly<Record<string, FaxFailureCode>> = {
  CALL_ERROR: 'call_dropped',
  LINE_ERROR: 'call_dropped',
  FAX_ERROR: 'fax_protocol_error',
  DOCUMENT_CONVERSION_ERROR: 'document_conversion',
  FATAL_ERROR: 'fax_service_error',
  GENERAL_ERROR: 'fax_service_error',
};

const CODE_INDEX = new Map<number, FaxFailureCode>(BY_CODE.flatMap(([code, numbers]) => numbers.map((n) => [n, code] as const)));

/** Code 133 means two things (§11.3): a PDF that could not be normalised, or a number not permitted. */
export function sinchFailureCode(errorType: string | null | undefined, errorCode: number | string | null | undefined): FaxFailureCode {
  const type = errorType?.toUpperCase() ?? '';
  const code = errorCode == null || errorCode === '' ? undefined : Number(errorCode);
  if (code === 133) return type === 'DOCUMENT_CONVERSION_ERROR' ? 'document_conversion' : 'number_not_permitted';
  return (code !== undefined ? CODE_INDEX.get(code) : undefined) ?? BY_TYPE[type] ?? 'fax_failed';
}
