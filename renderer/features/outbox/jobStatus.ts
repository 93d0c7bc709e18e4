import type { OutboxJob } from '../../../common/domain/fax';

export type Tone = 'neutral' | 'progress' | 'success' | 'danger' | 'warning';
export interface JobStatus { text: string; tone: Tone }

/** One status in words (the colour only repeats it); `withReason` adds why a fax failed. */
export function jobStatus(job: OutboxJob, withReason = true): JobStatus {
  switch (job.state) {
    case 'queued': return { text: 'Queued', tone: 'neutral' };
    case 'submitting': return { text: 'Submitting', tone: 'progress' };
    case 'submitted': return { text: 'Sending', tone: 'progress' };
    case 'sending': {
      const { pagesSent, pages } = job;
      if (pagesSent === undefined || pages === 0) return { text: 'Sending', tone: 'progress' };
      return { text: `Sending (page ${Math.min(pagesSent + 1, pages)} of ${pages})`, tone: 'progress' };
    }
    case 'sent': return { text: 'Completed', tone: 'success' };
    case 'failed': return { text: withReason && job.error ? `Failed — ${job.error.message}` : 'Failed', tone: 'danger' };
    case 'uncertain': return { text: 'Uncertain — check before resending', tone: 'warning' };
    case 'cancelled': return { text: 'Cancelled', tone: 'neutral' };
  }
}

export const IN_PROGRESS: ReadonlySet<OutboxJob['state']> = new Set(['queued', 'submitting', 'submitted', 'sending']);

export type JobsView = 'outbox' | 'sent';

/** Outbox: everything not yet delivered, plus what finished while the app was open. Sent: delivered faxes. */
export function jobsFor(view: JobsView, jobs: Record<string, OutboxJob>, session: Record<string, true>): OutboxJob[] {
  const list = Object.values(jobs).filter((j) =>
    view === 'sent' ? j.state === 'sent' : j.state !== 'sent' || session[j.id] === true);
  return list.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.to.localeCompare(b.to)));
}
