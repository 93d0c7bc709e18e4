import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface EventLoopFigures { maxMs: number; p99Ms: number }

/**
 * Watches this thread's event-loop delay (perf_hooks, 1 ms resolution) from now until `stop()`.
 * Waits a moment first so a stall from before the work is not counted, and a moment at the end
 * because a stall at the very end is recorded on the next turn.
 */
export async function watchEventLoop(): Promise<{ stop(): Promise<EventLoopFigures> }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  await new Promise((r) => setTimeout(r, 20));
  histogram.enable();
  return {
    async stop() {
      await new Promise((r) => setTimeout(r, 5));
      histogram.disable();
      return { maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6 };
    },
  };
}
