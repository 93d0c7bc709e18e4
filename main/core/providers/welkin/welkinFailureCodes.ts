import type { FaxFailureCode } from '../../../../common/errors';

/**
 * Welkin passes on its carrier's (Notifyre's) status text as `failureReason` (reference §5): "Failed -
 * Busy", "Failed - No Answer", "Failed - Check number and try again", "Failed - Connection not a Fax
 * Machine", "Cancelled", plus the emulator's "Failed - Partial pages sent" and "Failed - Not a fax
 * machine". Matched on words, since the spelling is not a contract.
 */
const REASONS: ReadonlyArray<readonly [RegExp, FaxFailureCode]> = [
  [/busy/, 'line_busy'],
  [/no answer/, 'no_answer'],
  [/not a fax/, 'not_a_fax_machine'],
  [/partial/, 'partial_delivery'],
  [/check number|invalid number|not in service/, 'number_not_in_service'],
  [/cancel/, 'cancelled'],
];

export function welkinFailureCode(failureReason: string | null | undefined): FaxFailureCode {
  const reason = (failureReason ?? '').toLowerCase();
  return REASONS.find(([pattern]) => pattern.test(reason))?.[1] ?? 'fax_failed';
}
