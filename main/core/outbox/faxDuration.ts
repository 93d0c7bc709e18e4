import type { FaxJobRow } from '../store/faxJobsRepo';

/** Dialling, handshake and the provider's own queue before the first page. */
const SETUP_MS = 2 * 60_000;
/** Transmission time of one page at 14.4 kbit/s, with room for slower lines (fine; superfine is twice as dense). */
const PAGE_MS = { FINE: 45_000, SUPERFINE: 90_000 } as const;
/** A busy line is redialled by the provider; a fax this late is worth a person's look. */
const MARGIN = 2;

/**
 * When a fax on its way should be done by, from its pages and resolution. `scale` shrinks the
 * estimate for tests that cannot wait minutes for a fax to count as stuck.
 */
export function expectedDoneAt(job: Pick<FaxJobRow, 'submittedAt' | 'createdAt' | 'pages' | 'options'>, scale = 1): string {
  const start = Date.parse(job.submittedAt ?? job.createdAt);
  const perPage = PAGE_MS[job.options.resolution ?? 'FINE'];
  return new Date(start + scale * MARGIN * (SETUP_MS + Math.max(1, job.pages) * perPage)).toISOString();
}

export const isPastExpected = (job: FaxJobRow, scale = 1, nowMs = Date.now()) => nowMs > Date.parse(expectedDoneAt(job, scale));
