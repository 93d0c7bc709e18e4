import { useId, useState } from 'react';
import type { AppSettings } from '../../../common/ipc/contract';
import { useFaxdesk } from '../../store/StoreProvider';

const INTERVALS: Array<[number, string]> = [
  [10, 'Every 10 seconds'], [30, 'Every 30 seconds'], [60, 'Every minute'], [120, 'Every 2 minutes'],
  [300, 'Every 5 minutes'], [900, 'Every 15 minutes'],
];

/** An on/off setting: the box shows the person's choice at once; the stored value takes over when the core answers. */
function SettingBox({ label, value, disabled, onSave }: { label: string; value: boolean | undefined; disabled: boolean; onSave(on: boolean): Promise<void> }) {
  const [choice, setChoice] = useState<boolean | null>(null);
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={choice ?? value ?? true}
        disabled={disabled}
        onChange={(e) => {
          const on = e.target.checked;
          setChoice(on);
          void onSave(on).finally(() => setChoice(null));
        }}
      />
      {label}
    </label>
  );
}

/** How often each account's inbox is checked, whether a new fax's notification sounds, whether opening marks read, and whether Faxdesk starts at sign-in. */
export function InboxSettingsFields() {
  const settings = useFaxdesk((s) => s.appSettings);
  const update = useFaxdesk((s) => s.updateSettings);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  const poll = settings?.inboxPollSeconds ?? 30;
  const choices = INTERVALS.some(([s]) => s === poll) ? INTERVALS : [...INTERVALS, [poll, `Every ${poll} seconds`] as [number, string]];

  const save = async (change: Partial<AppSettings>, said: string) => {
    setStatus(null);
    const r = await update(change);
    setStatus(r.ok ? { ok: true, text: said } : { ok: false, text: `Not saved: ${r.error.message}` });
  };

  return (
    <div className="field inbox-settings">
      <label htmlFor={`${id}-poll`}>Check for new faxes</label>
      <select
        id={`${id}-poll`}
        value={poll}
        disabled={!settings}
        aria-describedby={`${id}-hint`}
        onChange={(e) => void save({ inboxPollSeconds: Number(e.target.value) }, 'Saved. Each account is checked this often from its next check on.')}
      >
        {choices.map(([seconds, label]) => <option key={seconds} value={seconds}>{label}</option>)}
      </select>
      <p id={`${id}-hint`} className="hint">Neither fax service can tell Faxdesk when a fax arrives, so it asks each account this often (a little more or less, so accounts are not asked at the same moment).</p>
      <SettingBox label="Play a sound when a fax arrives" value={settings?.newFaxSound} disabled={!settings}
        onSave={(on) => save({ newFaxSound: on }, on ? 'Saved. New faxes play a sound.' : 'Saved. New faxes arrive silently.')} />
      <SettingBox label="Opening a fax marks it read" value={settings?.markReadOnOpen} disabled={!settings}
        onSave={(on) => save({ markReadOnOpen: on }, on ? 'Saved. Opening a fax marks it read.' : 'Saved. Faxes stay unread until you mark them read.')} />
      <SettingBox label="Start Faxdesk when I sign in to this computer" value={settings?.openAtLogin ?? false} disabled={!settings}
        onSave={(on) => save({ openAtLogin: on }, on ? 'Saved. Faxdesk starts when you sign in (Windows and macOS), so faxes keep arriving.' : 'Saved. Faxdesk starts only when you open it.')} />
      {status && <p className={status.ok ? 'hint' : 'field-error'} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </div>
  );
}
