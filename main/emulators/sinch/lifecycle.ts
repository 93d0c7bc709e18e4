import { PAGE_MS, PRICE_PER_PAGE, QUEUED_MS, SINCH_TEST_NUMBERS } from './constants';
import type { FaxError, FaxRecord, FaxScenario, FaxStatus } from './model';

/** What a fax looks like at one virtual instant. Derived on every read, never stored. */
export interface FaxState {
  status: FaxStatus;
  numberOfPages: number;
  pagesSentSuccessfully: number;
  retryCount: number;
  /** Virtual ms; set once terminal. */
  completedTime?: number;
  error?: FaxError;
  price?: string;
}

/** The scenario a destination number selects (reference §11.3 codes; table in constants.ts). */
export function scenarioForNumber(to: string): FaxScenario {
  const entry = SINCH_TEST_NUMBERS.find((candidate) => candidate.number === to);
  if (!entry) return { kind: 'complete', free: false };
  if (entry.outcome === 'COMPLETED') return { kind: 'complete', free: true };
  if (entry.outcome === 'IN_PROGRESS') return { kind: 'hang' };
  const error: FaxError = { errorType: entry.errorType ?? 'FAX_ERROR', errorCode: entry.errorCode ?? 0, errorMessage: entry.errorMessage ?? '' };
  if (error.errorType === 'DOCUMENT_CONVERSION_ERROR') return { kind: 'conversionFailure', error };
  // Busy and no-answer are the failures Sinch retries before giving up.
  return { kind: 'callFailure', error, pagesSent: error.errorCode === 131 ? 'allButLast' : 'none', retried: error.errorCode === 17 || error.errorCode === 30 };
}

/**
 * QUEUED for QUEUED_MS (conversion), then IN_PROGRESS sending one page per PAGE_MS, then a terminal
 * status. Inbound faxes are created complete.
 */
export function deriveState(fax: FaxRecord, now: number): FaxState {
  if (fax.direction === 'INBOUND') {
    return { status: 'COMPLETED', numberOfPages: fax.pages, pagesSentSuccessfully: fax.pages, retryCount: 0, completedTime: fax.createTime, price: money(fax.pages) };
  }
  const elapsed = now - fax.createTime;
  const scenario = fax.scenario;
  if (elapsed < QUEUED_MS) return { status: 'QUEUED', numberOfPages: 0, pagesSentSuccessfully: 0, retryCount: 0 };
  if (scenario.kind === 'conversionFailure') {
    return { status: 'FAILURE', numberOfPages: 0, pagesSentSuccessfully: 0, retryCount: 0, completedTime: fax.createTime + QUEUED_MS, error: scenario.error, price: money(0) };
  }
  const sending = elapsed - QUEUED_MS;
  const sentSoFar = Math.min(fax.pages, Math.floor(sending / PAGE_MS));
  const inProgress = (pagesSent: number): FaxState => ({ status: 'IN_PROGRESS', numberOfPages: fax.pages, pagesSentSuccessfully: pagesSent, retryCount: 0 });
  if (scenario.kind === 'hang') return inProgress(Math.min(sentSoFar, Math.max(0, fax.pages - 1)));
  if (scenario.kind === 'complete') {
    const doneAt = fax.pages * PAGE_MS;
    if (sending < doneAt) return inProgress(sentSoFar);
    return {
      status: 'COMPLETED', numberOfPages: fax.pages, pagesSentSuccessfully: fax.pages, retryCount: 0,
      completedTime: fax.createTime + QUEUED_MS + doneAt, price: money(scenario.free ? 0 : fax.pages),
    };
  }
  const pagesSent = scenario.pagesSent === 'allButLast' ? Math.max(0, fax.pages - 1) : 0;
  const failAt = pagesSent * PAGE_MS + PAGE_MS / 2;
  if (sending < failAt) return inProgress(Math.min(sentSoFar, pagesSent));
  return {
    status: 'FAILURE', numberOfPages: fax.pages, pagesSentSuccessfully: pagesSent, retryCount: scenario.retried ? fax.maxRetries : 0,
    completedTime: fax.createTime + QUEUED_MS + failAt, error: scenario.error, price: money(pagesSent),
  };
}

/** Sinch prices carry 4 decimals as a string (reference §6). */
export function money(pages: number): string {
  return (pages * PRICE_PER_PAGE).toFixed(4);
}

export function isTerminal(status: FaxStatus): boolean {
  return status === 'COMPLETED' || status === 'FAILURE';
}
