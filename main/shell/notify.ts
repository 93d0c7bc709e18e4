import type { OutboxJob } from '../../common/domain/fax';

export interface NotifierPort {
  isSupported(): boolean;
  show(title: string, body: string): void;
}

/**
 * Tells the person loudly when a fax fails or needs checking, without PHI: no numbers, names or
 * document titles in the notification, only what happened and where to look.
 */
export function notificationFor(job: OutboxJob, previous: OutboxJob['state'] | undefined): { title: string; body: string } | undefined {
  if (job.state === previous) return undefined;
  if (job.state === 'failed') return { title: 'A fax failed', body: 'Open the Outbox in Faxdesk to see why and retry.' };
  if (job.state === 'uncertain') return { title: 'A fax needs checking', body: 'Faxdesk cannot tell whether it was sent. Check before resending.' };
  return undefined;
}

export function connectNotifications(subscribe: (listener: (job: OutboxJob) => void) => () => void, notifier: NotifierPort): () => void {
  const last = new Map<string, OutboxJob['state']>();
  return subscribe((job) => {
    const message = notificationFor(job, last.get(job.id));
    last.set(job.id, job.state);
    if (message && notifier.isSupported()) notifier.show(message.title, message.body);
  });
}
