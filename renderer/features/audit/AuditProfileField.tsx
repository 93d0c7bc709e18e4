import { useId, useState } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';

/** The initials of the person at a shared desk: written with every entry after they are saved. */
export function AuditProfileField() {
  const profile = useFaxdesk((s) => s.auditProfile);
  const save = useFaxdesk((s) => s.setAuditProfile);
  // What the person typed; until then, the saved initials.
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? profile ?? '';
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();

  return (
    <form className="audit-profile" onSubmit={(e) => {
      e.preventDefault();
      setStatus(null);
      void save(text).then((problem) => {
        if (!problem) setTyped(null);
        setStatus(problem
          ? { ok: false, text: problem }
          : { ok: true, text: text.trim() ? `Saved. What you do now is logged as ${text.trim()}.` : 'Saved. No initials are logged.' });
      });
    }}>
      <div className="field">
        <label htmlFor={`${id}-initials`}>Your initials on this desk</label>
        <div className="inline-row">
          <input id={`${id}-initials`} value={text} maxLength={8} autoComplete="off" aria-describedby={`${id}-hint`}
            aria-invalid={status?.ok === false || undefined} onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" disabled={profile === null}>Save initials</button>
        </div>
        <p id={`${id}-hint`} className="hint">Logged with the computer’s user name when several people share it. Up to 8 letters or digits; empty for none.</p>
      </div>
      {status && <p className={status.ok ? 'hint' : 'error-text'} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </form>
  );
}
