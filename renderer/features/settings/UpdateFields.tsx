import { useId, useState } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';

/**
 * Updates from the office's feed (where its IT publishes Faxdesk's installers and latest*.yml):
 * off while the address is empty; then downloaded in the background and installed on quit.
 */
export function UpdateFields() {
  const settings = useFaxdesk((s) => s.appSettings);
  const status = useFaxdesk((s) => s.updateStatus);
  const update = useFaxdesk((s) => s.updateSettings);
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const feed = typed ?? settings?.updateFeedUrl ?? '';

  const save = async () => {
    setError(null);
    const r = await update({ updateFeedUrl: feed });
    if (r.ok) setTyped(null);
    else setError(`Not saved: ${r.error.message}`);
  };

  return (
    <form className="field update-feed" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label htmlFor={`${id}-feed`}>Update feed address</label>
      <input
        id={`${id}-feed`}
        type="text"
        inputMode="url"
        value={feed}
        placeholder="https://updates.example.com/faxdesk/"
        disabled={!settings}
        spellCheck={false}
        aria-describedby={`${id}-hint ${id}-status`}
        onChange={(e) => setTyped(e.target.value)}
      />
      <button type="submit" disabled={!settings || typed === null}>Save address</button>
      <p id={`${id}-hint`} className="hint">
        Leave it empty to keep updates off. With an address, Faxdesk checks it every six hours, downloads a new version in the background
        and installs it when you quit.
      </p>
      <p id={`${id}-status`} className="hint" role="status">{status?.message ?? ''}</p>
      {error && <p className="field-error" role="alert">{error}</p>}
    </form>
  );
}
