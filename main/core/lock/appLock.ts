import { waitWords, type LockState } from '../../../common/domain/lock';
import { AppError } from '../../../common/ipc/result';
import type { AuditLog } from '../audit/auditLog';
import type { CoreEvents } from '../events';
import type { Logger } from '../log';
import type { MetaRepo } from '../store/metaRepo';
import { DEFAULT_SCRYPT_COST, hashPin, verifyPin, type ScryptCost } from './pinHash';
import { FREE_TRIES, retryInMs } from './unlockBackoff';

export type LockReason = 'shortcut' | 'idle' | 'os_lock' | 'sleep';

export interface AppLockOptions {
  meta: MetaRepo;
  audit: AuditLog;
  events: CoreEvents;
  log: Logger;
  /** "Lock after N minutes idle" (0: off), read at each check so a changed setting counts at once. */
  idleMinutes: () => number;
  /** Wall-clock milliseconds (tests move it); the idle timer and the back-off both read it. */
  now?: () => number;
  scrypt?: ScryptCost;
}

const PIN_KEY = 'lock.pinHash';
const FAILED_KEY = 'lock.failedTries';
const FAILED_AT_KEY = 'lock.lastFailedAt';
/** The idle check never sleeps longer than this (settings change; the clock may jump). */
const LONGEST_CHECK_MS = 10_000;
const SHORTEST_CHECK_MS = 200;

/**
 * The app lock: locked or not, the PIN's hash, wrong-PIN back-off and the idle timer. Idle time is
 * wall-clock time (Date.now against the last activity), so time spent asleep counts: a timer that
 * stopped during sleep still locks when it fires, and `checkIdle` runs on resume too.
 */
export class AppLock {
  private readonly now: () => number;
  private locked: boolean;
  private lastActivityAt: number;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Unlocks and PIN changes one at a time: parallel guesses cannot slip past the back-off. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: AppLockOptions) {
    this.now = options.now ?? Date.now;
    this.lastActivityAt = this.now();
    // With a PIN, Faxdesk starts locked: a restart is no way around the lock.
    this.locked = this.pinSet();
  }

  isLocked(): boolean {
    return this.locked;
  }

  state(): LockState {
    const failedTries = this.failedTries();
    return {
      locked: this.locked, pinSet: this.pinSet(), autoLock: this.autoLock(), failedTries,
      retryInMs: retryInMs(failedTries, this.lastFailedAt(), this.now()),
    };
  }

  /** Ctrl+L. Refused without a PIN: nobody could unlock it. */
  lock(reason: LockReason = 'shortcut'): LockState {
    if (!this.pinSet()) {
      throw AppError.of('invalid_input', 'Faxdesk cannot lock until a PIN is set: nobody could unlock it.', {
        nextStep: 'Set a PIN in Settings, under Lock, then lock again.', action: { kind: 'open_settings' },
      });
    }
    if (!this.locked) {
      this.locked = true;
      this.options.log.info('locked', { reason });
      this.changed();
    }
    return this.state();
  }

  /** The OS locked its screen or is going to sleep: lock, when auto-lock is on. */
  lockAutomatically(reason: Exclude<LockReason, 'shortcut'>): boolean {
    if (this.locked || !this.autoLock()) return false;
    this.lock(reason);
    return true;
  }

  unlock(pin: string): Promise<LockState> {
    return this.inTurn(async () => {
      if (!this.locked) return this.state();
      await this.checkPin(pin, 'unlock');
      this.locked = false;
      this.lastActivityAt = this.now();
      this.options.audit.record('unlock');
      this.options.log.info('unlocked');
      this.changed();
      return this.state();
    });
  }

  /** Sets, changes (the current PIN is asked) or removes (`pin: null`) the PIN. */
  setPin(current: string | undefined, pin: string | null): Promise<LockState> {
    return this.inTurn(async () => {
      if (this.locked) throw AppError.of('locked');
      const had = this.pinSet();
      if (!had && pin === null) return this.state(); // nothing to remove
      if (had) await this.checkPin(current ?? '', 'pin_change');
      if (pin === null) this.options.meta.set(PIN_KEY, '');
      else this.options.meta.set(PIN_KEY, await hashPin(pin, this.options.scrypt ?? DEFAULT_SCRYPT_COST));
      this.options.audit.record('settings_changed', null, { pin: pin === null ? 'removed' : had ? 'changed' : 'set' });
      this.lastActivityAt = this.now();
      this.changed();
      this.schedule();
      return this.state();
    });
  }

  /** The person used the window: the idle time starts again (ignored while locked). */
  activity(): boolean {
    if (!this.locked) this.lastActivityAt = this.now();
    return this.locked;
  }

  /** Locks when the idle time has passed; run by the timer and on resume. */
  checkIdle(): boolean {
    const limit = this.idleLimitMs();
    if (this.locked || limit === undefined || this.now() - this.lastActivityAt < limit) return false;
    return this.lockAutomatically('idle');
  }

  /** Starts (or re-arms) the idle timer: it wakes when the idle time would run out, and at least every 10 s. */
  schedule(): void {
    clearTimeout(this.timer);
    if (this.closed) return;
    const limit = this.idleLimitMs();
    const left = limit === undefined || this.locked ? LONGEST_CHECK_MS : this.lastActivityAt + limit - this.now();
    this.timer = setTimeout(() => {
      this.checkIdle();
      this.schedule();
    }, Math.min(LONGEST_CHECK_MS, Math.max(SHORTEST_CHECK_MS, left)));
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private async checkPin(pin: string, purpose: 'unlock' | 'pin_change'): Promise<void> {
    const wait = retryInMs(this.failedTries(), this.lastFailedAt(), this.now());
    if (wait > 0) {
      throw AppError.of('rate_limited', `Too many wrong PINs. Try again in ${waitWords(wait)}.`, {
        nextStep: 'Wait, then type the PIN again.', retryAfterMs: wait,
      });
    }
    if (await verifyPin(pin, this.options.meta.get(PIN_KEY) ?? '')) {
      this.options.meta.set(FAILED_KEY, '0');
      return;
    }
    const failed = this.failedTries() + 1;
    this.options.meta.set(FAILED_KEY, String(failed));
    this.options.meta.set(FAILED_AT_KEY, String(this.now()));
    this.options.audit.record('unlock_failed', null, { tries: failed, purpose });
    this.changed();
    const wait2 = retryInMs(failed, this.now(), this.now());
    const left = FREE_TRIES - failed;
    throw AppError.of('invalid_input', 'That PIN is not right.', {
      nextStep: wait2 > 0 ? `Try again in ${waitWords(wait2)}.` : `Type it again (${left} ${left === 1 ? 'try' : 'tries'} before a wait).`,
      fields: { pin: 'That PIN is not right.' },
    });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const next = this.turn.then(work, work);
    this.turn = next.catch(() => undefined);
    return next;
  }

  private idleLimitMs(): number | undefined {
    return this.autoLock() ? this.options.idleMinutes() * 60_000 : undefined;
  }

  private autoLock(): boolean {
    return this.pinSet() && this.options.idleMinutes() > 0;
  }

  private pinSet(): boolean {
    return Boolean(this.options.meta.get(PIN_KEY));
  }

  private failedTries(): number {
    const value = Number(this.options.meta.get(FAILED_KEY) ?? 0);
    return Number.isInteger(value) && value > 0 ? value : 0;
  }

  private lastFailedAt(): number {
    const value = Number(this.options.meta.get(FAILED_AT_KEY) ?? 0);
    return Number.isFinite(value) ? value : 0;
  }

  private changed(): void {
    this.options.events.emit('lock.changed', this.state());
  }
}
