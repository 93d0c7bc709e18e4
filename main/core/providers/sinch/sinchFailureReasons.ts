/**
 * Sinch fax failure codes (§11.3) in words a front-desk person can act on: what happened, then
 * what to do. Codes not listed fall back to their `errorType`.
 */
interface Reason {
  reason: string;
  nextStep: string;
}

const TRY_AGAIN = 'Try sending it again.';
const CHECK_NUMBER = 'Check the fax number with the recipient.';
const CONVERT = 'Save the document as a PDF and send it again.';

const byCode: ReadonlyArray<[readonly number[], Reason]> = [
  [[17], { reason: 'The line was busy.', nextStep: 'Try again in a few minutes.' }],
  [[16, 30, 48], { reason: 'No fax machine answered.', nextStep: 'Check that the number is a fax line and the machine is on, then try again.' }],
  [[132], { reason: 'No fax tone was detected; the number may be a voice line.', nextStep: CHECK_NUMBER }],
  [[34, 49], { reason: 'The number is not in service.', nextStep: CHECK_NUMBER }],
  [[11, 15, 19, 43, 89], { reason: 'The call dropped or could not be connected.', nextStep: TRY_AGAIN }],
  [[7, 25, 31, 32, 68], { reason: 'The receiving fax machine is not compatible with this fax.', nextStep: 'Try the standard (FINE) resolution, or ask the recipient for another fax number.' }],
  [[38, 131, 117, 8, 10, 60], { reason: 'The transmission stopped before all pages arrived.', nextStep: 'Check with the recipient which pages arrived before sending again.' }],
  [[46], { reason: 'Your Sinch account has insufficient funds.', nextStep: 'Add funds in the Sinch dashboard, then try again.' }],
  [[54], { reason: 'Sinch could not download the document from its link.', nextStep: 'Check the link, or attach the file instead.' }],
  [[4, 57, 69, 128, 129, 130], { reason: 'Sinch could not convert the document for faxing.', nextStep: CONVERT }],
  [[113], { reason: 'The file for this fax has been deleted.', nextStep: 'Attach the document again to resend it.' }],
  [[75], { reason: 'The fax was cancelled.', nextStep: 'Send it again if it is still needed.' }],
  [[76], { reason: 'The fax timed out at Sinch.', nextStep: TRY_AGAIN }],
  [[122, 119], { reason: 'A simulated failure was requested (test).', nextStep: 'Nothing to do: this was a test.' }],
];

const byType: Record<string, Reason> = {
  CALL_ERROR: { reason: 'There was a problem with the phone line.', nextStep: TRY_AGAIN },
  FAX_ERROR: { reason: 'The fax machines could not complete the transfer.', nextStep: TRY_AGAIN },
  DOCUMENT_CONVERSION_ERROR: { reason: 'Sinch could not convert the document for faxing.', nextStep: CONVERT },
  LINE_ERROR: { reason: 'The call dropped.', nextStep: TRY_AGAIN },
  FATAL_ERROR: { reason: 'Sinch could not send the fax.', nextStep: 'Try again later; contact Sinch support if it keeps failing.' },
  GENERAL_ERROR: { reason: 'Sinch could not send the fax.', nextStep: 'Try again later; contact Sinch support if it keeps failing.' },
};

const codeIndex = new Map<number, Reason>();
for (const [codes, reason] of byCode) for (const code of codes) codeIndex.set(code, reason);
const NOT_PERMITTED: Reason = { reason: 'Sending to this number is not permitted.', nextStep: 'Contact your Sinch administrator.' };

/** Code 133 means two things (§11.3); the error type tells them apart. */
function reasonFor(errorType: string | undefined, code: number | undefined): Reason | undefined {
  if (code === 133) return errorType === 'DOCUMENT_CONVERSION_ERROR' ? byType.DOCUMENT_CONVERSION_ERROR : NOT_PERMITTED;
  return (code !== undefined ? codeIndex.get(code) : undefined) ?? (errorType ? byType[errorType] : undefined);
}

/**
 * Plain-language reason and next step for a failed fax. `pagesSent` > 0 adds a warning, since
 * resending then duplicates pages at the recipient.
 */
export function describeSinchFailure(failure: {
  errorType?: string | null;
  errorCode?: number | string | null;
  errorMessage?: string | null;
  pagesSent?: number;
  pages?: number;
}): string {
  const code = failure.errorCode == null ? undefined : Number(failure.errorCode);
  const known = reasonFor(failure.errorType ?? undefined, code);
  const reason = known?.reason ?? (failure.errorMessage ? `The fax failed: ${failure.errorMessage}.` : 'The fax failed.');
  const nextStep = known?.nextStep ?? TRY_AGAIN;
  const partial = failure.pagesSent && failure.pagesSent > 0
    ? ` ${failure.pagesSent}${failure.pages ? ` of ${failure.pages}` : ''} page(s) were delivered before it stopped.`
    : '';
  return `${reason}${partial} ${nextStep}`;
}
