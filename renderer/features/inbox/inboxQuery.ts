import type { InboxQuery } from '../../../common/domain/inbox';
import { INBOX_SORTS } from '../../../common/domain/inbox';

/** Which inbox the list shows: every account's, the faxes not reviewed yet, or one account's. */
export type InboxView = { kind: 'all' } | { kind: 'needs_review' } | { kind: 'account'; accountId: string };
export type InboxSort = (typeof INBOX_SORTS)[number];

/** What the person narrowed the list to (dates as a date field gives them: yyyy-mm-dd, empty for no bound). */
export interface InboxFilter {
  text: string;
  /** Only in the all and needs-review views (an account's own inbox is already one account). */
  accountId: string;
  unread: boolean;
  notReviewed: boolean;
  /** Archived faxes too (the list leaves them out otherwise). */
  archived: boolean;
  since: string;
  until: string;
  /** The sender's number, or its last digits. */
  sender: string;
  sort: InboxSort;
}

export const EMPTY_INBOX_FILTER: InboxFilter = {
  text: '', accountId: '', unread: false, notReviewed: false, archived: false, since: '', until: '', sender: '', sort: 'time_desc',
};

export const SORT_LABELS: Record<InboxSort, string> = {
  time_desc: 'Newest first',
  time_asc: 'Oldest first',
  sender_asc: 'Sender A–Z',
  sender_desc: 'Sender Z–A',
  pages_desc: 'Most pages',
  pages_asc: 'Fewest pages',
};

/** True when something other than the view and the order narrows the list. */
export function isFiltered(f: InboxFilter): boolean {
  return f.text.trim() !== '' || f.accountId !== '' || f.unread || f.notReviewed || f.archived || f.since !== '' || f.until !== '' || f.sender.trim() !== '';
}

export const sameView = (a: InboxView, b: InboxView) =>
  a.kind === b.kind && (a.kind !== 'account' || (b.kind === 'account' && a.accountId === b.accountId));

/** Local midnight of a yyyy-mm-dd day as an instant; `endOfDay`: the instant the day ends. */
function dayInstant(day: string, endOfDay: boolean): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (endOfDay ? 1 : 0));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** A date range whose end comes before its start matches nothing: said instead of an empty list. */
export function inboxRangeProblem(f: InboxFilter): string | null {
  return f.since && f.until && f.until < f.since ? 'The “to” date is before the “from” date.' : null;
}

/** The core's question for one page of what the person is looking at. */
export function toInboxQuery(view: InboxView, f: InboxFilter, offset: number, limit: number): InboxQuery {
  const since = dayInstant(f.since, false);
  const until = dayInstant(f.until, true);
  const accountId = view.kind === 'account' ? view.accountId : f.accountId;
  return {
    view: view.kind,
    direction: 'inbound',
    archived: f.archived,
    sort: f.sort,
    offset,
    limit,
    ...(accountId ? { accountId } : {}),
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
    ...(f.unread ? { unread: true } : {}),
    ...(f.notReviewed ? { notReviewed: true } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    ...(f.sender.trim() ? { sender: f.sender.trim() } : {}),
  };
}
