/** Fixed demo credentials (DESIGN §3): the app's Demo account and the tests rely on them. */
export const SINCH_DEMO_CREDENTIALS = {
  projectId: 'demo-project',
  keyId: 'demo-key',
  keySecret: 'demo-secret',
} as const;

export interface SinchCredentials {
  projectId: string;
  keyId: string;
  keySecret: string;
}

/** The number the default service owns; outbound faxes without `from` use it. */
export const SINCH_DEMO_NUMBER = '+12015550100';

export interface SinchTestNumber {
  number: string;
  outcome: 'COMPLETED' | 'FAILURE' | 'IN_PROGRESS';
  description: string;
  errorType?: 'DOCUMENT_CONVERSION_ERROR' | 'CALL_ERROR' | 'FAX_ERROR' | 'LINE_ERROR';
  errorCode?: number;
  errorMessage?: string;
}

/**
 * Destination numbers with a scripted outcome (codes from reference §11.3). Any other valid E.164
 * number completes normally and is charged; `+19898989898` is Sinch's free test number.
 */
export const SINCH_TEST_NUMBERS: readonly SinchTestNumber[] = [
  { number: '+19898989898', outcome: 'COMPLETED', description: 'Sinch test number: full lifecycle, completes, price 0.0000' },
  { number: '+19898989801', outcome: 'FAILURE', description: 'Line busy (retried maxRetries times, then fails; no page sent)', errorType: 'CALL_ERROR', errorCode: 17, errorMessage: 'Busy' },
  { number: '+19898989802', outcome: 'FAILURE', description: 'No answer from a fax machine (no page sent)', errorType: 'CALL_ERROR', errorCode: 30, errorMessage: 'No answer from a fax machine.' },
  { number: '+19898989803', outcome: 'FAILURE', description: 'Partial delivery: every page but the last is sent, then the call drops (pagesSentSuccessfully = numberOfPages - 1)', errorType: 'FAX_ERROR', errorCode: 131, errorMessage: 'Incomplete transmission' },
  { number: '+19898989804', outcome: 'FAILURE', description: 'Document error: conversion fails while QUEUED (numberOfPages 0)', errorType: 'DOCUMENT_CONVERSION_ERROR', errorCode: 122, errorMessage: 'User simulated Document Conversion Error' },
  { number: '+19898989805', outcome: 'FAILURE', description: 'Fax protocol error on the first page (no page sent)', errorType: 'FAX_ERROR', errorCode: 119, errorMessage: 'User requested simulated faxError' },
  { number: '+19898989806', outcome: 'FAILURE', description: 'Line error: the call drops during the first page', errorType: 'LINE_ERROR', errorCode: 89, errorMessage: 'The call dropped prematurely' },
  { number: '+19898989807', outcome: 'FAILURE', description: 'Number not in service: fails as soon as dialling starts', errorType: 'CALL_ERROR', errorCode: 34, errorMessage: 'Phone number not operational' },
  { number: '+19898989809', outcome: 'IN_PROGRESS', description: 'Never finishes: stays IN_PROGRESS (for timeout / uncertain-state tests)' },
];

/** Virtual milliseconds a fax waits in QUEUED (document conversion). */
export const QUEUED_MS = 1_000;
/** Virtual milliseconds to transmit one page. */
export const PAGE_MS = 1_000;
export const PRICE_PER_PAGE = 0.07;
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;
