import { scryptSync, timingSafeEqual } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../common/domain/account';
import type { InboxList } from '../../common/domain/inbox';
import type { LockState } from '../../common/domain/lock';
import { INVOKE_CHANNELS, type EventName } from '../../common/ipc/contract';
import { OPEN_WHILE_LOCKED } from '../../main/core/lock/lockGuard';
import { noticeForArrivals } from '../../main/core/inbox/inboxNotifications';
import { startTestCore, waitFor, type CoreHarness, type TestCoreOptions } from '../support/coreKit';
import { call, refusal } from '../support/inboxActionsKit';

/**
 * The app lock (issue 13, item 3) on a real core with a real SQLite file: PIN hashing, back-off,
 * refusals while locked, idle and sleep locks on a clock the test moves, audit entries.
 */
const PIN = '482916';
let h: CoreHarness | undefined;
let clock = Date.parse('2026-03-02T09:00:00Z');
afterEach(async () => { await h?.close(); h = undefined; });

function start(options: TestCoreOptions = {}): CoreHarness {
  clock = Date.parse('2026-03-02T09:00:00Z');
  h = startTestCore({ demo: false, lock: { now: () => clock }, ...options });
  return h;
}
const state = (c: CoreHarness) => call<LockState>(c, 'lock.state');
/** Read behind the window's back: the audit screen is itself behind the lock. */
const auditOf = (c: CoreHarness) => c.services.audit.list({ limit: 50, offset: 0, actions: ['unlock', 'unlock_failed'] }).entries.reverse();

describe('the PIN', () => {
  it('is kept as a scrypt hash with its salt and cost, never the PIN; the hash verifies with scrypt itself', async () => {
    const c = start();
    expect(await state(c)).toEqual({ locked: false, pinSet: false, autoLock: false, failedTries: 0, retryInMs: 0 });
    expect(await call<LockState>(c, 'lock.setPin', { pin: PIN })).toMatchObject({ locked: false, pinSet: true, autoLock: true });

    const db = new DatabaseSync(join(c.dataDir, 'faxdesk.sqlite'), { readOnly: true });
    const rows = db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>;
    db.close();
    expect(rows.some((row) => row.value.includes(PIN))).toBe(false);
    const stored = rows.find((row) => row.key === 'lock.pinHash')!.value;
    const [scheme, N, r, p, salt, hash] = stored.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    const options = { N: Number(N), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 };
    const expected = Buffer.from(hash!, 'base64');
    expect(timingSafeEqual(scryptSync(PIN, Buffer.from(salt!, 'base64'), expected.length, options), expected)).toBe(true);
    expect(scryptSync('482917', Buffer.from(salt!, 'base64'), expected.length, options).equals(expected)).toBe(false);
  });

  it('is checked before it is set: too short or with control characters is refused and nothing is stored', async () => {
    const c = start();
    expect((await refusal(c, 'lock.setPin', { pin: '123' })).message).toMatch(/at least 4 characters/);
    expect((await refusal(c, 'lock.setPin', { pin: '12\u00073456' })).message).toMatch(/control characters/);
    expect((await state(c)).pinSet).toBe(false);
  });

  it('is changed only with the current PIN, removed with it too, and never while locked', async () => {
    const c = start();
    await call(c, 'lock.setPin', { pin: PIN });
    expect(await refusal(c, 'lock.setPin', { pin: '1111' })).toMatchObject({ code: 'invalid_input', message: 'That PIN is not right.' });
    expect(await refusal(c, 'lock.setPin', { current: '0000', pin: '1111' })).toMatchObject({ code: 'invalid_input' });
    expect((await state(c)).failedTries).toBe(2); // a guess at the current PIN is a guess like any other
    await call(c, 'lock.setPin', { current: PIN, pin: '1111' });
    await call(c, 'lock.lock');
    expect((await refusal(c, 'lock.setPin', { current: '1111', pin: '2222' })).code).toBe('locked');
    await call(c, 'lock.unlock', { pin: '1111' });
    expect(await call<LockState>(c, 'lock.setPin', { current: '1111', pin: null })).toMatchObject({ pinSet: false, autoLock: false });
  });

  it('must exist before Faxdesk can lock: Ctrl+L without one is refused in words that point to Settings', async () => {
    const c = start();
    const error = await refusal(c, 'lock.lock');
    expect(error).toMatchObject({ code: 'invalid_input', action: { kind: 'open_settings' } });
    expect(error.message).toMatch(/cannot lock until a PIN is set/);
    expect(error.nextStep).toMatch(/Set a PIN in Settings/);
    c.core.onSystemSuspend();
    c.core.onScreenLocked();
    clock += 60 * 60_000;
    c.services.lock.checkIdle();
    expect((await state(c)).locked).toBe(false);
  });
});

describe('unlocking', () => {
  it('three wrong PINs back off 30 s (then doubling), even for the right PIN, across a restart; the right one then unlocks; each try is audited', async () => {
    const c = start();
    await call(c, 'lock.setPin', { pin: PIN });
    await call(c, 'lock.lock');
    for (const pin of ['000000', '111111']) {
      expect(await refusal(c, 'lock.unlock', { pin })).toMatchObject({ code: 'invalid_input', fields: { pin: 'That PIN is not right.' } });
    }
    const third = await refusal(c, 'lock.unlock', { pin: '222222' });
    expect(third.nextStep).toBe('Try again in 30 s.');
    expect(await state(c)).toMatchObject({ locked: true, failedTries: 3, retryInMs: 30_000 });
    clock += 2_000;
    const waiting = await refusal(c, 'lock.unlock', { pin: PIN });
    expect(waiting).toMatchObject({ code: 'rate_limited', message: 'Too many wrong PINs. Try again in 28 s.', action: { kind: 'retry', afterMs: 28_000 } });

    // A restart is no way around the wait: Faxdesk starts locked, and the wait goes on.
    const dataDir = c.dataDir;
    await c.core.close();
    const again = startTestCore({ demo: false, dataDir, lock: { now: () => clock } });
    h = again;
    expect(await state(again)).toMatchObject({ locked: true, failedTries: 3, retryInMs: 28_000 });
    expect((await refusal(again, 'lock.unlock', { pin: PIN })).code).toBe('rate_limited');
    clock += 28_000;
    // The fourth wrong PIN doubles the wait.
    expect((await refusal(again, 'lock.unlock', { pin: '333333' })).nextStep).toBe('Try again in 60 s.');
    clock += 60_000;
    expect(await call<LockState>(again, 'lock.unlock', { pin: PIN })).toEqual({ locked: false, pinSet: true, autoLock: true, failedTries: 0, retryInMs: 0 });
    const entries = auditOf(again);
    expect(entries.map((e) => [e.action, e.detail])).toEqual([
      ['unlock_failed', 'tries=1;purpose=unlock'], ['unlock_failed', 'tries=2;purpose=unlock'], ['unlock_failed', 'tries=3;purpose=unlock'],
      ['unlock_failed', 'tries=4;purpose=unlock'], ['unlock', ''],
    ]);
  });

  it('guesses sent all at once are taken one at a time: the back-off stops them after the third', async () => {
    const c = start();
    await call(c, 'lock.setPin', { pin: PIN });
    await call(c, 'lock.lock');
    const answers = await Promise.all(['1', '2', '3', '4', '5', '6'].map((n) => c.core.dispatch('lock.unlock', { pin: n.repeat(6) })));
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['invalid_input', 'invalid_input', 'invalid_input', 'rate_limited', 'rate_limited', 'rate_limited']);
    expect(auditOf(c).filter((e) => e.action === 'unlock_failed')).toHaveLength(3);
    expect((await refusal(c, 'audit.list', {})).code).toBe('locked');
  });
});

describe('while locked', () => {
  it('every channel with fax data is refused as locked, documents are not served, and the window hears only lock.changed', async () => {
    const c = start();
    await call(c, 'lock.setPin', { pin: PIN });
    const heard: EventName[] = [];
    c.core.windowEvents.subscribe((event) => heard.push(event));
    await call(c, 'lock.lock');
    for (const channel of INVOKE_CHANNELS.filter((name) => !OPEN_WHILE_LOCKED.has(name))) {
      const answer = await c.core.dispatch(channel, {});
      expect(answer.ok ? 'answered' : answer.error.code, channel).toBe('locked');
    }
    expect((await refusal(c, 'inbox.list', {})).message).toBe('Faxdesk is locked.');
    expect((await call<{ version: string }>(c, 'app.info')).version).toBe('0.0.0-test');
    expect((await call<{ lockAfterMinutes: number }>(c, 'settings.get')).lockAfterMinutes).toBe(5);
    c.core.events.emit('inbox.changed', { ids: ['x'] } as never);
    c.core.events.emit('contacts.changed', {});
    await call(c, 'lock.unlock', { pin: PIN });
    c.core.events.emit('contacts.changed', {});
    expect(heard).toEqual(['lock.changed', 'lock.changed', 'contacts.changed']);
  });

  it('receiving goes on: a fax that arrives while locked is in the inbox after unlock; the notice says only "New fax"', async () => {
    const c = start({ demo: { speed: 20 }, inbox: { intervalMs: 60_000 } });
    await call(c, 'lock.setPin', { pin: PIN });
    const demo = (await call<Account[]>(c, 'accounts.list')).find((account) => account.demo)!;
    await call(c, 'lock.lock');
    // The emulator receives a fax and the sync loop polls: the core's own work, not the window's.
    const received = await c.core.dispatchInternal('inbox.receiveTestFax', { accountId: demo.id });
    expect(received.ok).toBe(true);
    const synced = await waitFor(async () => {
      const list = await c.core.dispatchInternal('inbox.list', {});
      const rows = list.ok ? (list.value as InboxList).rows : [];
      return rows.length === 1 && rows[0]!.document.state === 'ready' ? rows[0]! : undefined;
    }, 20_000, 'the fax and its document synced while locked');
    expect((await refusal(c, 'inbox.list', {})).code).toBe('locked');
    expect(await c.core.documentContent(synced.id)).toBeUndefined(); // the document route answers 404 while locked
    await call(c, 'lock.unlock', { pin: PIN });
    const list = await call<InboxList>(c, 'inbox.list', {});
    expect(list.rows.map((row) => row.id)).toEqual([synced.id]);
    expect(await c.core.documentContent(synced.id)).toMatchObject({ contentType: 'application/pdf' });

    const arrival = { faxId: 'f1', accountId: demo.id, fromLast4: '2100', pages: 3, demo: false };
    expect(noticeForArrivals([arrival, arrival], true)).toEqual({ title: 'Faxdesk', body: 'New fax', faxId: 'f1' });
    expect(noticeForArrivals([arrival], false)?.body).toBe('New fax — 3 pages, from …2100');
  });
});

describe('locking by itself', () => {
  it('after the idle time on the wall clock: activity starts it again, and a sleep longer than it locks on resume', async () => {
    const c = start();
    await call(c, 'lock.setPin', { pin: PIN });
    await call(c, 'settings.update', { lockAfterMinutes: 1 });
    clock += 59_000;
    expect(c.services.lock.checkIdle()).toBe(false);
    expect(await call(c, 'lock.activity')).toEqual({ locked: false });
    clock += 59_000;
    expect(c.services.lock.checkIdle()).toBe(false);
    clock += 2_000;
    expect(c.services.lock.checkIdle()).toBe(true);
    expect((await state(c)).locked).toBe(true);
    expect(await call(c, 'lock.activity')).toEqual({ locked: true }); // activity on the lock screen unlocks nothing

    await call(c, 'lock.unlock', { pin: PIN });
    // The machine sleeps for ten minutes without telling us it went (a lid closed, no suspend event); it wakes.
    clock += 10 * 60_000;
    c.core.onSystemResume();
    expect((await state(c)).locked).toBe(true);
  });

  it('when the OS locks its screen or goes to sleep, unless auto-lock is off', async () => {
    const c = start();
    await call(c, 'lock.setPin', { pin: PIN });
    c.core.onScreenLocked();
    expect(c.core.isLocked()).toBe(true);
    await call(c, 'lock.unlock', { pin: PIN });
    c.core.onSystemSuspend();
    expect(c.core.isLocked()).toBe(true);
    await call(c, 'lock.unlock', { pin: PIN });
    c.core.onSystemResume();
    await call(c, 'settings.update', { lockAfterMinutes: 0 });
    expect((await state(c)).autoLock).toBe(false);
    c.core.onSystemSuspend();
    c.core.onScreenLocked();
    clock += 24 * 60 * 60_000;
    c.core.onSystemResume();
    expect(c.core.isLocked()).toBe(false);
  });

  it('on its own timer in real time (a 3-second setting), telling the window', async () => {
    const c = startTestCore({ demo: false });
    h = c;
    await call(c, 'lock.setPin', { pin: PIN });
    const heard: LockState[] = [];
    c.core.windowEvents.subscribe((event, payload) => { if (event === 'lock.changed') heard.push(payload as LockState); });
    const started = Date.now();
    await call(c, 'settings.update', { lockAfterMinutes: 0.05 });
    await waitFor(() => c.core.isLocked(), 6_000, 'the idle lock');
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
    expect(heard.at(-1)).toMatchObject({ locked: true });
  });

  it('the idle time takes 0 (off) or 0.05 minutes and more; less is refused', async () => {
    const c = start();
    expect((await refusal(c, 'settings.update', { lockAfterMinutes: 0.01 })).message).toMatch(/at least 0.05 minutes/);
    expect((await refusal(c, 'settings.update', { lockAfterMinutes: -1 })).code).toBe('invalid_input');
    expect((await call<{ lockAfterMinutes: number }>(c, 'settings.update', { lockAfterMinutes: 0 })).lockAfterMinutes).toBe(0);
    expect((await call<{ lockAfterMinutes: number }>(c, 'settings.update', { lockAfterMinutes: 15 })).lockAfterMinutes).toBe(15);
  });
});
