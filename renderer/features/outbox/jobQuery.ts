import type { JobState, OutboxJob } from '../../../common/domain/fax';
import type { OutboxQuery } from '../../../common/ipc/contract';

/** What the person narrowed a list to: words, an account, a status, a date range, and an order. */
export type JobStatusFilter = '' | 'active' | 'failed' | 'uncertain' | 'sent' | 'archived';
export type JobSort = 'newest' | 'oldest' | 'recipient' | 'status';

export interface JobQuery {
  text: string;
  accountId: string;
  status: JobStatusFilter;
  /** yyyy-mm-dd, as a date field gives it; empty for no bound. */
  since: string;
  until: string;
  sort: JobSort;
}

export const EMPTY_JOB_QUERY: JobQuery = { text: '', accountId: '', status: '', since: '', until: '', sort: 'newest' };

const STATES: Record<Exclude<JobStatusFilter, '' | 'archived'>, JobState[]> = {
  active: ['queued', 'submitting', 'submitted', 'sending'],
  failed: ['failed'],
  uncertain: ['uncertain'],
  sent: ['sent'],
};

/** True when the list shows the core's answer to a query rather than everything loaded. */
export function isNarrowed(q: JobQuery): boolean {
  return q.text.trim() !== '' || q.accountId !== '' || q.status !== '' || q.since !== '' || q.until !== '';
}

/** Local midnight of a yyyy-mm-dd day, as an instant; `endOfDay` the instant the day ends. */
function dayInstant(day: string, endOfDay: boolean): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (endOfDay ? 1 : 0));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The core's query for what the person asked (dates are the person's own days, in local time). */
export function toOutboxQuery(q: JobQuery): OutboxQuery {
  const since = dayInstant(q.since, false);
  const until = dayInstant(q.until, true);
  return {
    limit: 5_000,
    ...(q.text.trim() ? { text: q.text.trim() } : {}),
    ...(q.accountId ? { accountId: q.accountId } : {}),
    ...(q.status && q.status !== 'archived' ? { states: STATES[q.status] } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
}

/** A date range whose end comes before its start cannot match anything: say so instead of showing nothing. */
export function rangeProblem(q: JobQuery): string | null {
  return q.since && q.until && q.until < q.since ? 'The “to” date is before the “from” date.' : null;
}

const STATUS_ORDER: Record<JobState, number> = {
  failed: 0, uncertain: 1, queued: 2, submitting: 3, submitted: 4, sending: 5, cancelled: 6, sent: 7,
};

export function sortJobs(jobs: readonly OutboxJob[], sort: JobSort): OutboxJob[] {
  const newest = (a: OutboxJob, b: OutboxJob) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.to.localeCompare(b.to));
  const by: Record<JobSort, (a: OutboxJob, b: OutboxJob) => number> = {
    newest,
    oldest: (a, b) => -newest(a, b),
    recipient: (a, b) => a.to.localeCompare(b.to) || newest(a, b),
    status: (a, b) => STATUS_ORDER[a.state] - STATUS_ORDER[b.state] || newest(a, b),
  };
  return [...jobs].sort(by[sort]);
}

/** Rows as drawn: a multi-recipient send is one group (in the place of its first fax), the rest single. */
export type JobRowGroup = { batchId: string; jobs: OutboxJob[] };

export function groupByBatch(jobs: readonly OutboxJob[]): JobRowGroup[] {
  const groups = new Map<string, OutboxJob[]>();
  for (const job of jobs) {
    const list = groups.get(job.batchId);
    if (list) list.push(job);
    else groups.set(job.batchId, [job]);
  }
  return [...groups].map(([batchId, list]) => ({ batchId, jobs: list }));
}
