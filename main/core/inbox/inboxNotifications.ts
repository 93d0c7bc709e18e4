import type { InboxFaxArrived } from '../../../common/domain/inbox';
import type { Notice, NotifierPort } from '../outbox/notifications';

const pageWords = (pages: number | undefined) => (pages === undefined || pages === 0 ? '' : ` — ${pages} ${pages === 1 ? 'page' : 'pages'}`);

/**
 * "New fax — 3 pages, from …1234": never a name, a subject or a full number (DESIGN §5). A Demo
 * account's fax says so. Several at once are one notice, which opens the first. While Faxdesk is
 * locked it says only "New fax": not how many, from whom, or how long.
 */
export function noticeForArrivals(arrived: readonly InboxFaxArrived[], locked = false): Notice | undefined {
  const first = arrived[0];
  if (!first) return undefined;
  if (locked) return { title: 'Faxdesk', body: 'New fax', faxId: first.faxId };
  const demo = arrived.every((fax) => fax.demo) ? ' (Demo)' : '';
  if (arrived.length > 1) {
    return { title: `${arrived.length} new faxes${demo}`, body: 'Open Faxdesk to read them.', faxId: first.faxId };
  }
  const from = first.fromLast4 ? `, from …${first.fromLast4}` : ', sender number not shown';
  return { title: `New fax${demo}`, body: `New fax${pageWords(first.pages)}${from}`, faxId: first.faxId };
}

/**
 * Shows a notice for faxes that arrive, gathering those of one moment (one poll, several accounts)
 * into one. `subscribe` hands over each `inbox.faxArrived`; `sound` says whether the person wants
 * new faxes to sound (Settings).
 */
export function connectInboxNotifications(
  subscribe: (listener: (arrival: InboxFaxArrived) => void) => () => void,
  notifier: NotifierPort,
  gatherMs = 250,
  sound: () => boolean | Promise<boolean> = () => true,
  locked: () => boolean = () => false,
): () => void {
  let pending: InboxFaxArrived[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const notice = noticeForArrivals(pending, locked());
    pending = [];
    if (!notice || !notifier.isSupported()) return;
    void Promise.resolve(sound()).catch(() => true).then((on) => notifier.show(on ? notice : { ...notice, silent: true }));
  };
  const stop = subscribe((arrival) => {
    pending.push(arrival);
    timer ??= setTimeout(flush, gatherMs);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}
