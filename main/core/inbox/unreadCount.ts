/**
 * Keeps a count of unread faxes where the desktop shows it (the dock or taskbar badge): asked once
 * at start and once per burst of inbox changes (a poll that stores many faxes is one ask), and
 * shown only when it changed. The shell hands in Electron's `app.setBadgeCount`.
 */
export function watchUnreadCount(
  subscribe: (listener: () => void) => () => void,
  unread: () => Promise<number | undefined>,
  show: (count: number) => void,
  settleMs = 500,
): () => void {
  let shown: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const refresh = async () => {
    timer = undefined;
    const count = await unread().catch(() => undefined);
    if (stopped || count === undefined || count === shown) return;
    shown = count;
    show(count);
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
