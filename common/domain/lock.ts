import { z } from 'zod';

/**
 * The lock screen (issue 13, item 3). What the window may know while locked: whether it is, whether
 * a PIN exists, and how long before another try. Never a count of faxes or anything about them.
 */
export const LockStateSchema = z.object({
  locked: z.boolean(),
  /** A PIN is set: locking (and auto-lock) is possible only then. */
  pinSet: z.boolean(),
  /** Auto-lock is in effect: a PIN is set and "Lock after N minutes idle" is not off. */
  autoLock: z.boolean(),
  /** Wrong PINs since the last unlock. */
  failedTries: z.number().int().nonnegative(),
  /** How long before the next try is taken (0: now). */
  retryInMs: z.number().int().nonnegative(),
});
export type LockState = z.infer<typeof LockStateSchema>;

export const PIN_MIN = 4;
export const PIN_MAX = 64;

/** A PIN as typed: 4–64 characters, digits or any printable characters (a passphrase is welcome). */
export const PinSchema = z.string()
  .min(PIN_MIN, `A PIN has at least ${PIN_MIN} characters.`)
  .max(PIN_MAX, `A PIN has at most ${PIN_MAX} characters.`)
  // eslint-disable-next-line no-control-regex
  .refine((pin) => !/[\u0000-\u001f\u007f]/.test(pin), 'A PIN cannot contain control characters.');

export const UnlockInputSchema = z.object({ pin: z.string().min(1, 'Type the PIN.').max(PIN_MAX) }).strict();
/** `current`: the PIN now set (needed to change or remove it); `pin: null` removes it (auto-lock goes off). */
export const SetPinInputSchema = z.object({ current: z.string().max(PIN_MAX).optional(), pin: PinSchema.nullable() }).strict();

/** "28 s" / "2 min": the wait before another try, as the lock screen and the core's refusal say it. */
export function waitWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1_000));
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
