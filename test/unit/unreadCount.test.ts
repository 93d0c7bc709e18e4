import { describe, expect, it } from 'vitest';
import { connectInboxNotifications } from '../../main/core/inbox/inboxNotifications';
import type { Notice } from '../../main/core/outbox/notifications';
import { watchUnreadCount } from '../../main/core/inbox/unreadCount';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the desktop around the inbox', () => {
  it('the badge shows the unread count at start and after each burst of changes, asking once per burst', async () => {
    let unread = 2;
    let asked = 0;
    const listeners = new Set<() => void>();
    const shown: number[] = [];
    const stop = watchUnreadCount(
      (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
      async () => { asked++; return unread; },
      (count) => shown.push(count),
      20,
    );
    await tick(5);
    expect(shown).toEqual([2]);
    unread = 5;
    for (let n = 0; n < 10; n++) listeners.forEach((l) => l());
    await tick(60);
    expect(shown).toEqual([2, 5]);
    expect(asked).toBe(2);
    listeners.forEach((l) => l()); // nothing changed: nothing shown again
    await tick(60);
    expect(shown).toEqual([2, 5]);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('a new fax sounds unless the person turned the sound off', async () => {
    const shown: Notice[] = [];
    let sound = true;
    let emit: (arrival: { faxId: string; accountId: string; demo: boolean; pages?: number; fromLast4?: string }) => void = () => {};
    const stop = connectInboxNotifications((listener) => { emit = listener; return () => {}; }, { isSupported: () => true, show: (n) => shown.push(n) }, 5, () => sound);
    emit({ faxId: 'a', accountId: 'x', demo: false, pages: 3, fromLast4: '1234' });
    await tick(30);
    sound = false;
    emit({ faxId: 'b', accountId: 'x', demo: false, pages: 1, fromLast4: '9876' });
    await tick(30);
    expect(shown.map((n) => [n.body, n.silent ?? false])).toEqual([['New fax — 3 pages, from …1234', false], ['New fax — 1 page, from …9876', true]]);
    stop();
  });
});
