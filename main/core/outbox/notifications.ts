import type { OutboxJob } from '../../../common/domain/fax';

export interface Notice {
  title: string;
  body: string;
  /** The fax to open when the notice is clicked. */
  faxId: string;
  /** Shown without the system's sound (the person turned new-fax sounds off). */
  silent?: boolean;
}

export interface NotifierPort {
  isSupported(): boolean;
  show(notice: Notice): void;
}

const last4 = (to: string) => `…${to.slice(-4)}`;

/**
 * Tells the person loudly when a fax is done, failed, needs checking or is stuck, without PHI: no
 * names, subjects or document titles, only the last four digits of the number.
 */
export function noticeFor(job: OutboxJob, previous: OutboxJob | undefined): Notice | undefined {
  const demo = job.demo ? ' (Demo — not transmitted)' : '';
  const fax = `The fax to ${last4(job.to)}${demo}`;
  const faxId = job.id;
  if (job.stuckSince && !previous?.stuckSince && (job.state === 'submitted' || job.state === 'sending')) {
    return { title: 'A fax is taking longer than usual', body: `${fax} is still on its way. Faxdesk keeps following it.`, faxId };
  }
  if (job.state === previous?.state) return undefined;
  switch (job.state) {
    case 'sent': return job.decision ? undefined : { title: 'A fax was delivered', body: `${fax} was delivered.`, faxId };
    case 'failed': return { title: 'A fax failed', body: `${fax} failed. Open Faxdesk to see why and what to do.`, faxId };
    case 'uncertain': return { title: 'A fax needs checking', body: `${fax} may or may not have gone out. Check before sending it again.`, faxId };
    default: return undefined;
  }
}

/** Shows a notice for each change worth one, once per change; while locked, the title only (no digits). */
export function connectNotifications(
  subscribe: (listener: (job: OutboxJob) => void) => () => void, notifier: NotifierPort, locked: () => boolean = () => false,
): () => void {
  const last = new Map<string, OutboxJob>();
  return subscribe((job) => {
    const notice = noticeFor(job, last.get(job.id));
    last.set(job.id, job);
    if (notice && notifier.isSupported()) notifier.show(locked() ? { ...notice, body: 'Unlock Faxdesk to see which fax.' } : notice);
  });
}
