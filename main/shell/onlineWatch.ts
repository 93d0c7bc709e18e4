/**
 * Electron's main process has no "online" event, only `net.isOnline()`: look at it now and then
 * and tell the core when it changes (the core pauses sending while offline and resumes at once).
 */
export function watchOnline(isOnline: () => boolean, onChange: (online: boolean) => void, everyMs = 5_000): () => void {
  let last = isOnline();
  const timer = setInterval(() => {
    const now = isOnline();
    if (now !== last) {
      last = now;
      onChange(now);
    }
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
