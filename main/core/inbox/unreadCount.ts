/**
 * Keeps a value the desktop shows (a badge, the tray) in step with the core: asked once at start
 * and once per burst of changes (a poll that stores many faxes is one ask), and shown only when it
 * changed by `same`.
 */
export function watchSettledValue<T>(
  subscribe: (listener: () => void) => () => void,
  read: () => Promise<T | undefined>,
  show: (value: T) => void,
  same: (a: T, b: T) => boolean,
  settleMs = 500,
): () => void {
  let shown: T | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const refresh = async () => {
    timer = undefined;
    const value = await read().catch(() => undefined);
    if (stopped || value === undefined || (shown !== undefined && same(shown, value))) return;
    shown = value;
    show(value);
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

/** The count of unread faxes on the dock or taskbar badge (the shell hands in `app.setBadgeCount`). */
export function watchUnreadCount(
  subscribe: (listener: () => void) => () => void,
  unread: () => Promise<number | undefined>,
  show: (count: number) => void,
  settleMs = 500,
): () => void {
  return watchSettledValue(subscribe, unread, show, (a, b) => a === b, settleMs);
}
