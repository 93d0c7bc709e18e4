/** Fixed demo convention (DESIGN §3): other tools and the Demo account depend on these values. */
export const WELKIN_DEMO_CREDENTIALS = {
  tenantName: 'demo',
  instanceName: 'live',
  apiClientName: 'demo-client',
  secret: 'demo-secret',
  /** The organisation's own fax number: sender of outgoing faxes, receiver of incoming ones. */
  faxNumber: '+15557654321',
} as const;

export type WelkinTestOutcome = 'SENT' | 'FAILED';

export interface WelkinTestNumber {
  number: string;
  outcome: WelkinTestOutcome;
  /** Notifyre-style carrier text put in `failureReason` (reference §5, [NTF]). */
  failureReason: string | null;
  /** Fraction of the pages delivered before the failure (partial sends). */
  pagesDeliveredRatio: number;
  /** When true only the first attempt fails; `/retry` then succeeds (tests of the retry path). */
  failsOnce?: boolean;
  description: string;
}

/**
 * Receiver numbers with a fixed outcome. `+19898989898` succeeds, as in Sinch's convention; every
 * number not listed here also succeeds. Documented in README.md.
 */
export const WELKIN_TEST_NUMBERS = {
  success: { number: '+19898989898', outcome: 'SENT', failureReason: null, pagesDeliveredRatio: 1, description: 'Delivered' },
  busy: { number: '+19898989801', outcome: 'FAILED', failureReason: 'Failed - Busy', pagesDeliveredRatio: 0, description: 'Line busy; nothing sent' },
  noAnswer: { number: '+19898989802', outcome: 'FAILED', failureReason: 'Failed - No Answer', pagesDeliveredRatio: 0, description: 'No answer; nothing sent' },
  partial: { number: '+19898989803', outcome: 'FAILED', failureReason: 'Failed - Partial pages sent', pagesDeliveredRatio: 0.5, description: 'Call dropped after some pages were delivered' },
  notFax: { number: '+19898989804', outcome: 'FAILED', failureReason: 'Failed - Not a fax machine', pagesDeliveredRatio: 0, description: 'A voice line answered' },
  busyOnce: { number: '+19898989805', outcome: 'FAILED', failureReason: 'Failed - Busy', pagesDeliveredRatio: 0, failsOnce: true, description: 'Busy on the first attempt, delivered on retry' },
} as const satisfies Record<string, WelkinTestNumber>;

export function testNumberFor(receiver: string | null): WelkinTestNumber | undefined {
  return Object.values(WELKIN_TEST_NUMBERS).find((entry) => entry.number === receiver);
}

/** Upload limits from the seed ("Maximum 10 files with a total size of up to 100 MB"). */
export const MAX_FILES_PER_FAX = 10;
export const MAX_TOTAL_BYTES = 100 * 1024 * 1024;
export const ALLOWED_EXTENSIONS: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Default virtual time from send (or retry) to SENT/FAILED: a few seconds at speed 1. */
export const DEFAULT_PROCESSING_MS = 3_000;
export const DEFAULT_TOKEN_TTL_SECONDS = 3_600;
/** Token endpoint limit ([KB-EXP]): more than 100 requests in 5 minutes blocks for 5 minutes. */
export const TOKEN_RATE_LIMIT = 100;
export const TOKEN_RATE_WINDOW_MS = 5 * 60_000;

/** One E.164 rule for the app and its emulators. */
export { E164_PATTERN as E164 } from '../../../common/domain/phone';
