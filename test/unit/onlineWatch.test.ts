import { afterEach, expect, it, vi } from 'vitest';
import { watchOnline } from '../../main/shell/onlineWatch';

afterEach(() => { vi.useRealTimers(); });

it('tells the core only when the network state changes', () => {
  vi.useFakeTimers();
  let online = true;
  const changes: boolean[] = [];
  const stop = watchOnline(() => online, (now) => changes.push(now), 1_000);
  vi.advanceTimersByTime(3_000);
  expect(changes).toEqual([]);
  online = false;
  vi.advanceTimersByTime(1_000);
  online = true;
  vi.advanceTimersByTime(2_000);
  expect(changes).toEqual([false, true]);
  stop();
  online = false;
  vi.advanceTimersByTime(5_000);
  expect(changes).toEqual([false, true]);
});
