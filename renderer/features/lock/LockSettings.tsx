import { useId, useState, type FormEvent } from 'react';
import { PIN_MIN } from '../../../common/domain/lock';
import { useFaxdesk } from '../../store/StoreProvider';
import { Field } from '../settings/Field';

const IDLE_CHOICES: Array<[number, string]> = [
  [0, 'Never'], [1, '1 minute'], [2, '2 minutes'], [5, '5 minutes'], [10, '10 minutes'], [15, '15 minutes'], [30, '30 minutes'], [60, '1 hour'],
];
type Status = { ok: boolean; text: string } | null;

/** How long idle before Faxdesk locks (whole minutes here; the core takes less for tests), shown once a PIN exists. */
function IdleField({ pinSet }: { pinSet: boolean }) {
  const id = useId();
  const minutes = useFaxdesk((s) => s.appSettings?.lockAfterMinutes ?? 5);
  const update = useFaxdesk((s) => s.updateSettings);
  const [status, setStatus] = useState<Status>(null);
  const choices = IDLE_CHOICES.some(([m]) => m === minutes) ? IDLE_CHOICES
    : [...IDLE_CHOICES, [minutes, minutes < 1 ? `${Math.round(minutes * 60)} seconds` : `${minutes} minutes`] as [number, string]];
  const save = async (value: number) => {
    const r = await update({ lockAfterMinutes: value });
    setStatus(r.ok ? { ok: true, text: value === 0 ? 'Saved. Faxdesk locks only with Ctrl+L.' : 'Saved.' } : { ok: false, text: `Not saved: ${r.error.message}` });
  };
  return (
    <div className="field">
      <label htmlFor={`${id}-idle`}>Lock after this long idle</label>
      <select id={`${id}-idle`} value={minutes} disabled={!pinSet} aria-describedby={`${id}-hint`} onChange={(e) => void save(Number(e.target.value))}>
        {choices.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
      <p id={`${id}-hint`} className="hint">
        {pinSet
          ? 'Unless this is Never, Faxdesk also locks when the computer locks its screen or goes to sleep. Ctrl+L locks it at any time.'
          : 'Locking needs a PIN to unlock with: set one below, then Faxdesk locks by itself.'}
      </p>
      {status && <p className={status.ok ? 'hint' : 'field-error'} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </div>
  );
}

/** Settings → Lock: the idle time, the PIN (set, change, remove) and Lock now. */
export function LockSettings() {
  const lock = useFaxdesk((s) => s.lockState);
  const setPin = useFaxdesk((s) => s.setPin);
  const lockNow = useFaxdesk((s) => s.lockNow);
  const pinSet = lock?.pinSet ?? false;
  const [current, setCurrent] = useState('');
  const [pin, setNewPin] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ current?: string; pin?: string; again?: string }>({});
  const [status, setStatus] = useState<Status>(null);

  const send = async (next: string | null) => {
    setStatus(null);
    const r = await setPin(pinSet ? current : undefined, next);
    if (!r.ok) {
      const text = [r.error.message, r.error.nextStep].join(' ');
      setErrors(r.error.fields?.pin && pinSet ? { current: text } : { pin: text });
      return;
    }
    setCurrent(''); setNewPin(''); setAgain(''); setErrors({});
    setStatus({ ok: true, text: next === null ? 'The PIN was removed. Faxdesk no longer locks.' : pinSet ? 'The PIN was changed.' : 'The PIN was set. Faxdesk now locks when idle, and with Ctrl+L.' });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: typeof errors = {};
    if (pinSet && !current) problems.current = 'Type the PIN you use now.';
    if (pin.length < PIN_MIN) problems.pin = `A PIN has at least ${PIN_MIN} characters.`;
    else if (pin !== again) problems.again = 'The two PINs differ. Type the new PIN again.';
    setErrors(problems);
    if (Object.keys(problems).length === 0) void send(pin);
  };
  const remove = () => {
    if (!current) { setErrors({ current: 'Type the PIN you use now to remove it.' }); return; }
    void send(null);
  };

  return (
    <div className="lock-settings">
      <IdleField pinSet={pinSet} />
      <form className="pin-form" onSubmit={submit} noValidate aria-label={pinSet ? 'Change the PIN' : 'Set a PIN'}>
        {pinSet && <Field label="Current PIN" type="password" value={current} onChange={setCurrent} error={errors.current} />}
        <Field label={pinSet ? 'New PIN' : 'PIN'} type="password" value={pin} onChange={setNewPin} error={errors.pin}
          hint={`At least ${PIN_MIN} characters: digits, or a phrase. Faxdesk keeps only a scrambled form of it.`} />
        <Field label={pinSet ? 'New PIN again' : 'PIN again'} type="password" value={again} onChange={setAgain} error={errors.again} />
        <div className="pin-actions">
          <button type="submit">{pinSet ? 'Change PIN' : 'Set PIN'}</button>
          {pinSet && <button type="button" onClick={remove}>Remove PIN</button>}
          <button type="button" disabled={!pinSet} onClick={() => void lockNow()} aria-keyshortcuts="Control+L Meta+L">Lock now</button>
        </div>
      </form>
      {status && <p className={status.ok ? 'hint' : 'field-error'} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </div>
  );
}
