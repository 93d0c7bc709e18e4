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

/**
 * Keeps the tray and the badge in step with the counts: asked once at start and once per burst of
 * inbox or outbox changes (a poll that stores many faxes is one ask), and shown only when they changed.
 */
export function watchAttentionCounts(
  subscribe: (listener: () => void) => () => void,
  read: () => Promise<AttentionCounts | undefined>,
  show: (counts: AttentionCounts) => void,
  settleMs = 500,
): () => void {
  let shown: AttentionCounts | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const refresh = async () => {
    timer = undefined;
    const counts = await read().catch(() => undefined);
    if (stopped || !counts || (shown && shown.unread === counts.unread && shown.failed === counts.failed)) return;
    shown = counts;
    show(counts);
  };
  const stop = subscribe(() => {
    timer ??= setTimeout(() => void refresh(), settleMs);
  });
  void refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
    stop();
  };
}
