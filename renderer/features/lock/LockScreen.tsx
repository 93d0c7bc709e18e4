import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { waitWords, type LockState } from '../../../common/domain/lock';
import type { FaxdeskApi } from '../../../common/ipc/bridge';

/** Counts down the back-off from when the core said it (the page's clock, so a skewed system clock does not matter). */
function useRetryLeft(state: LockState): number {
  const [tick, setTick] = useState({ state, left: state.retryInMs });
  useEffect(() => {
    if (state.retryInMs <= 0) return;
    const until = performance.now() + state.retryInMs;
    const timer = setInterval(() => {
      const left = Math.max(0, until - performance.now());
      setTick({ state, left });
      if (left === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [state]);
  // A new answer from the core starts from what it said.
  return tick.state === state ? tick.left : state.retryInMs;
}

/**
 * The whole window while Faxdesk is locked: no list, no pages, no counts, no names — the store that
 * held them is gone. A PIN field, Unlock, and the wait after wrong PINs.
 */
export function LockScreen({ api, state }: { api: FaxdeskApi; state: LockState }) {
  const id = useId();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const left = useRetryLeft(state);
  const waiting = left > 0;

  useEffect(() => {
    document.title = 'Faxdesk — locked';
    field.current?.focus();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || waiting) return;
    if (!pin) {
      setError('Type the PIN.');
      field.current?.focus();
      return;
    }
    setBusy(true);
    const r = await api.lock.unlock({ pin });
    setBusy(false);
    if (r.ok) return; // lock.changed takes the window back to the app
    setPin('');
    // A wait is shown by the countdown below; the note says what happened once.
    setError(r.error.code === 'rate_limited' ? 'Too many wrong PINs.' : [r.error.message, r.error.nextStep].join(' '));
    field.current?.focus();
  };

  return (
    <main className="lock-screen" aria-labelledby={`${id}-title`}>
      <form className="lock-card" onSubmit={(e) => void submit(e)} noValidate>
        <h1 id={`${id}-title`}>Faxdesk is locked</h1>
        <p className="hint">Faxes keep arriving and sending while it is locked.</p>
        <label htmlFor={`${id}-pin`}>PIN</label>
        <input
          id={`${id}-pin`}
          ref={field}
          type="password"
          autoComplete="off"
          value={pin}
          maxLength={64}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-error ${id}-wait`}
          onChange={(e) => { setPin(e.target.value); setError(null); }}
        />
        <p id={`${id}-error`} className="field-error" role="alert">{error ?? ''}</p>
        <p id={`${id}-wait`} className="hint">{waiting ? `Try again in ${waitWords(left)}.` : ''}</p>
        <button type="submit" className="primary" disabled={busy || waiting}>Unlock</button>
      </form>
    </main>
  );
}
