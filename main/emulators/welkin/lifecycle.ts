import { DEFAULT_PROCESSING_MS, testNumberFor, type WelkinTestOutcome } from './constants';
import type { FaxRecord, FaxStatus, SendAttempt } from './store';

/** How long PROCESSING lasts (virtual ms) and what unknown numbers do; tunable via the control API. */
export interface LifecycleSettings {
  processingMs: number;
  defaultOutcome: WelkinTestOutcome;
  defaultFailureReason: string;
}

export function defaultLifecycleSettings(): LifecycleSettings {
  return { processingMs: DEFAULT_PROCESSING_MS, defaultOutcome: 'SENT', defaultFailureReason: 'Failed - Unknown error' };
}

export function totalPages(fax: FaxRecord): number {
  return fax.files.reduce((sum, file) => sum + file.pages, 0);
}

/**
 * Starts a send attempt. The outcome is decided now from the receiver number (WELKIN_TEST_NUMBERS),
 * so reads only compare timestamps: no timers, and a clock speed change applies at once.
 */
export function startAttempt(fax: FaxRecord, now: number, settings: LifecycleSettings): SendAttempt {
  const number = (fax.attempt?.number ?? 0) + 1;
  const special = testNumberFor(fax.receiverFaxNumber);
  const pages = totalPages(fax);
  const fails = special ? special.outcome === 'FAILED' && (!special.failsOnce || number === 1) : settings.defaultOutcome === 'FAILED';
  const attempt: SendAttempt = fails
    ? {
      number, startedAt: now, durationMs: settings.processingMs, outcome: 'FAILED',
      failureReason: special?.failureReason ?? settings.defaultFailureReason,
      pagesDelivered: Math.floor(pages * (special?.pagesDeliveredRatio ?? 0)),
    }
    : { number, startedAt: now, durationMs: settings.processingMs, outcome: 'SENT', failureReason: null, pagesDelivered: pages };
  fax.attempt = attempt;
  fax.baseStatus = 'SENT_ATTEMPT';
  return attempt;
}

/** Ends the running attempt now with a chosen outcome (control route `…/complete`). */
export function forceComplete(attempt: SendAttempt, now: number, outcome: WelkinTestOutcome, failureReason: string | undefined, pages: number | undefined, total: number): void {
  attempt.completedAt = now;
  attempt.outcome = outcome;
  attempt.failureReason = outcome === 'FAILED' ? failureReason ?? attempt.failureReason ?? 'Failed - Unknown error' : null;
  attempt.pagesDelivered = pages ?? (outcome === 'SENT' ? total : attempt.pagesDelivered);
}

function completedAt(attempt: SendAttempt): number {
  return attempt.completedAt ?? attempt.startedAt + attempt.durationMs;
}

export function statusOf(fax: FaxRecord, now: number): FaxStatus {
  if (fax.baseStatus !== 'SENT_ATTEMPT' || !fax.attempt) return fax.baseStatus === 'RECEIVED' ? 'RECEIVED' : 'DRAFT';
  return now >= completedAt(fax.attempt) ? fax.attempt.outcome : 'PROCESSING';
}

export interface WelkinFaxFileWire {
  id: string;
  originalName: string;
  contentType: string;
  size: number;
  storageKey: string | null;
}

export interface WelkinFaxWire {
  id: string;
  direction: FaxRecord['direction'];
  status: FaxStatus;
  receiverFaxNumber: string | null;
  senderFaxNumber: string | null;
  subject: string | null;
  reviewed: boolean;
  patientId: string | null;
  documentTypeId: string | null;
  documentSummaryId: string | null;
  files: WelkinFaxFileWire[];
  pages: number | null;
  failureReason: string | null;
  sentAt: string | null;
  receivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  createdByName: string | null;
  updatedBy: string | null;
  updatedByName: string | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The fax as the API returns it (reference §5), with status derived at `now`. */
export function faxToWire(fax: FaxRecord, now: number): WelkinFaxWire {
  const status = statusOf(fax, now);
  const attempt = fax.attempt;
  const done = attempt && (status === 'SENT' || status === 'FAILED') ? completedAt(attempt) : null;
  return {
    id: fax.id,
    direction: fax.direction,
    status,
    receiverFaxNumber: fax.receiverFaxNumber,
    senderFaxNumber: fax.senderFaxNumber,
    subject: fax.subject,
    reviewed: fax.reviewed,
    patientId: fax.patientId,
    documentTypeId: fax.documentTypeId,
    documentSummaryId: fax.documentSummaryId,
    files: fax.files.map(({ id, originalName, contentType, size, storageKey }) => ({ id, originalName, contentType, size, storageKey })),
    pages: done !== null && attempt ? attempt.pagesDelivered : fax.pages,
    failureReason: status === 'FAILED' ? attempt?.failureReason ?? null : null,
    sentAt: status === 'SENT' ? iso(done) : null,
    receivedAt: iso(fax.receivedAt),
    createdAt: iso(fax.createdAt) ?? '',
    // The carrier's completion is an update made by nobody we know of; keep the last actor.
    updatedAt: iso(Math.max(fax.updatedAt, done ?? 0)) ?? '',
    createdBy: fax.createdBy?.id ?? null,
    createdByName: fax.createdBy?.name ?? null,
    updatedBy: fax.updatedBy?.id ?? null,
    updatedByName: fax.updatedBy?.name ?? null,
  };
}
