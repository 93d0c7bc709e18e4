import { useId } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';
import { localInputValue } from '../../ui/format';

/** "Tue, Dec 1, 2:05 PM". */
export const whenText = (value: string) => new Date(value).toLocaleString([], { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** Why the chosen time cannot be used, or null. */
export function sendAtProblem(value: string, now = Date.now()): string | null {
  if (!value) return null;
  const at = new Date(value).getTime();
  if (Number.isNaN(at)) return 'Enter a date and a time.';
  if (at < now - 60_000) return 'That time has passed. Choose a later one, or untick “Send later”.';
  return null;
}

/** "Send later": the fax waits in the Outbox until the chosen time, even if Faxdesk is closed and opened again. */
export function SendLater() {
  const sendAt = useFaxdesk((s) => s.sendAt);
  const setSendAt = useFaxdesk((s) => s.setSendAt);
  const id = useId();
  const problem = sendAtProblem(sendAt);
  const inAnHour = () => {
    const d = new Date(Date.now() + 60 * 60_000);
    d.setMinutes(Math.ceil(d.getMinutes() / 5) * 5, 0, 0);
    return localInputValue(d);
  };
  return (
    <div className="send-later">
      <label className="check">
        <input type="checkbox" checked={sendAt !== ''} onChange={(e) => setSendAt(e.target.checked ? inAnHour() : '')} />
        Send later
      </label>
      {sendAt !== '' && (
        <div className="field inline-field">
          <label htmlFor={id}>Send at</label>
          <input
            id={id}
            type="datetime-local"
            value={sendAt}
            min={localInputValue(new Date())}
            onChange={(e) => setSendAt(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-hint`}
          />
          <p id={`${id}-hint`} className={problem ? 'field-error' : 'hint'} role={problem ? 'alert' : undefined}>
            {problem ?? `It waits in the Outbox until ${whenText(sendAt)}, and can be changed or cancelled there until then. If Faxdesk is closed at that time, it is sent when Faxdesk opens again.`}
          </p>
        </div>
      )}
    </div>
  );
}
