import type { OutboxJob } from '../../../common/domain/fax';
import { sortJobs, type JobQuery } from './jobQuery';

export type Tone = 'neutral' | 'progress' | 'success' | 'danger' | 'warning';
export interface JobStatus { text: string; tone: Tone }

/** Whole minutes since `iso` (at least 1), for "Taking longer than usual — 14 min". */
export function minutesSince(iso: string, now = Date.now()): number {
  return Math.max(1, Math.round((now - Date.parse(iso)) / 60_000));
}

/**
 * One status in words (the colour only repeats it); `withReason` adds why a fax failed; `short`
 * is the word or two a list row has room for (its tooltip and the detail say the rest).
 */
export function jobStatus(job: OutboxJob, withReason = true, short = false): JobStatus {
  if (short) return shortStatus(job);
  switch (job.state) {
    case 'queued': return job.scheduledFor && Date.parse(job.scheduledFor) > Date.now() - 60_000
      ? { text: `Scheduled for ${scheduleText(job.scheduledFor)}`, tone: 'neutral' }
      : { text: 'Queued', tone: 'neutral' };
    case 'submitting': return { text: 'Submitting', tone: 'progress' };
    case 'submitted': return job.stuckSince
      ? { text: `Taking longer than usual — ${minutesSince(job.createdAt)} min`, tone: 'warning' }
      : { text: 'Sending', tone: 'progress' };
    case 'sending': {
      const { pagesSent, pages } = job;
      if (job.stuckSince) return { text: `Taking longer than usual — ${minutesSince(job.createdAt)} min`, tone: 'warning' };
      if (pagesSent === undefined || pages === 0) return { text: 'Sending', tone: 'progress' };
      return { text: `Sending (page ${Math.min(pagesSent + 1, pages)} of ${pages})`, tone: 'progress' };
    }
    case 'sent': return job.decision === 'confirmed_by_person'
      ? { text: 'Arrived — confirmed by you', tone: 'success' }
      : { text: 'Completed', tone: 'success' };
    case 'failed': return { text: withReason && job.error ? `Failed — ${job.error.message}` : 'Failed', tone: 'danger' };
    case 'uncertain': return { text: 'Uncertain — check before resending', tone: 'warning' };
    case 'cancelled': return { text: 'Cancelled', tone: 'neutral' };
  }
}

/** "Tue, Dec 1, 2:05 PM". */
export const scheduleText = (iso: string) => new Date(iso).toLocaleString([], { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

function shortStatus(job: OutboxJob): JobStatus {
  const long = jobStatus(job, false);
  if (long.text.startsWith('Scheduled')) return { text: `At ${new Date(job.scheduledFor!).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })}`, tone: 'neutral' };
  if ((job.state === 'submitted' || job.state === 'sending') && job.stuckSince) return { text: `Slow · ${minutesSince(job.createdAt)} min`, tone: 'warning' };
  if (job.state === 'sending' && job.pagesSent !== undefined && job.pages > 0) return { text: `Sending ${Math.min(job.pagesSent + 1, job.pages)}/${job.pages}`, tone: 'progress' };
  if (job.state === 'uncertain') return { text: 'Uncertain', tone: 'warning' };
  if (job.decision === 'confirmed_by_person') return { text: 'Arrived (you)', tone: 'success' };
  return long;
}

export const IN_PROGRESS: ReadonlySet<OutboxJob['state']> = new Set(['queued', 'submitting', 'submitted', 'sending']);

export type JobsView = 'outbox' | 'sent';

/**
 * Outbox: every fax not yet delivered and not archived; a fax moves to Sent the moment it completes.
 * Sent: delivered faxes (confirmed by the provider or by a person), archived or not. A search or
 * filter (`found`: the core's matches) reaches archived faxes too: they stay in history and search.
 */
export function jobsFor(view: JobsView, jobs: Record<string, OutboxJob>, found: readonly string[] | null = null, onlyArchived = false): OutboxJob[] {
  const pool = found ? found.map((id) => jobs[id]).filter((j): j is OutboxJob => j !== undefined) : Object.values(jobs);
  return pool.filter((j) => {
    if (onlyArchived && !j.archivedAt) return false;
    if (view === 'sent') return j.state === 'sent';
    return j.state !== 'sent' && (!j.archivedAt || found !== null);
  });
}

/**
 * What a jobs pane lists, in the order asked: `found` is the core's last answer to a search (null:
 * nothing narrows the list). Until a new search is answered the last answer stays, so the open fax,
 * and whatever is being typed into its detail, is not closed in between.
 */
export function shownJobs(view: JobsView, jobs: Record<string, OutboxJob>, found: readonly string[] | null, query: JobQuery): OutboxJob[] {
  return sortJobs(jobsFor(view, jobs, found, query.status === 'archived'), query.sort);
}
