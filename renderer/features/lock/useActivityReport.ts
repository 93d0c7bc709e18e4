import { useEffect } from 'react';
import type { FaxdeskApi } from '../../../common/ipc/bridge';

/** At most one report per this long: the idle time is minutes, so 15 s late is close enough and cheap. */
export const ACTIVITY_EVERY_MS = 15_000;
const EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Tells the core the person is using the window (the idle timer starts again), at most every 15 s. */
export function useActivityReport(api: FaxdeskApi, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = 0;
    const report = () => {
      const now = performance.now();
      if (now - last < ACTIVITY_EVERY_MS) return;
      last = now;
      void api.lock.activity();
    };
    for (const name of EVENTS) window.addEventListener(name, report, { passive: true, capture: true });
    return () => { for (const name of EVENTS) window.removeEventListener(name, report, { capture: true }); };
  }, [api, active]);
}
