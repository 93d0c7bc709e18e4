import { watchSettledValue } from '../inbox/unreadCount';

/** What needs a person: unread received faxes and sent faxes that failed (or may not have arrived). Numbers only: no PHI. */
export interface AttentionCounts { unread: number; failed: number }

type Answer<T> = { ok: true; value: T } | { ok: false };

/** Reads both counts through the core's own channels (what the window would see). */
export async function readAttentionCounts(dispatch: (channel: 'inbox.counts' | 'outbox.list', input: object) => Promise<Answer<unknown>>): Promise<AttentionCounts | undefined> {
  const [inbox, failed] = await Promise.all([
    dispatch('inbox.counts', {}),
    dispatch('outbox.list', { states: ['failed', 'uncertain'], limit: 5_000 }),
  ]);
  if (!inbox.ok || !failed.ok) return undefined;
  const jobs = failed.value as Array<{ archivedAt?: string }>;
  return { unread: (inbox.value as { unread: number }).unread, failed: jobs.filter((job) => !job.archivedAt).length };
}

/** Keeps the tray and the badge in step with the counts (see watchSettledValue). */
export function watchAttentionCounts(
  subscribe: (listener: () => void) => () => void,
  read: () => Promise<AttentionCounts | undefined>,
  show: (counts: AttentionCounts) => void,
  settleMs = 500,
): () => void {
  return watchSettledValue(subscribe, read, show, (a, b) => a.unread === b.unread && a.failed === b.failed, settleMs);
}
