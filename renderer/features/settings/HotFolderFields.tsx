import { useId, useState } from 'react';
import type { AppSettings } from '../../../common/ipc/contract';
import { useFaxdesk } from '../../store/StoreProvider';

/**
 * Print to fax: a folder Faxdesk watches; a PDF printed or saved there opens compose. The helper
 * files make the system print dialog write there; Faxdesk writes them and the person runs them.
 */
export function HotFolderFields() {
  const settings = useFaxdesk((s) => s.appSettings);
  const update = useFaxdesk((s) => s.updateSettings);
  const writeHelpers = useFaxdesk((s) => s.writePrintHelpers);
  const [typed, setTyped] = useState<string | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  const folder = typed ?? settings?.hotFolderPath ?? '';

  const save = async (change: Partial<AppSettings>, said: string) => {
    setStatus(null);
    const r = await update(change);
    if (r.ok) setTyped(null);
    setStatus(r.ok ? { ok: true, text: said } : { ok: false, text: `Not saved: ${r.error.message}` });
  };

  return (
    <div className="field hot-folder-settings">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings?.hotFolderEnabled ?? false}
          disabled={!settings}
          aria-describedby={`${id}-hint`}
          onChange={(e) => void save({ hotFolderEnabled: e.target.checked }, e.target.checked
            ? 'Saved. PDFs that appear in the folder open in a new fax.'
            : 'Saved. The folder is no longer watched.')}
        />
        Open PDFs printed to a folder in a new fax
      </label>
      <p id={`${id}-hint`} className="hint">
        Each PDF that appears in the folder opens in compose once it is written completely, then moves to the folder’s “processed” folder.
        Other files move to “refused”.
      </p>
      <form
        className="hot-folder-path"
        onSubmit={(e) => {
          e.preventDefault();
          void save({ hotFolderPath: folder }, 'Saved. Faxdesk watches this folder when print to fax is on.');
        }}
      >
        <label htmlFor={`${id}-folder`}>Print-to-fax folder</label>
        <input id={`${id}-folder`} type="text" value={folder} disabled={!settings} spellCheck={false} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit" disabled={!settings || typed === null}>Save folder</button>
      </form>
      <button
        type="button"
        disabled={!settings}
        onClick={() => void writeHelpers().then((r) => setStatus(r.ok
          ? { ok: true, text: `The setup files are in ${r.value.folder}. Run the one for your system to add “Fax with Faxdesk” to the print dialog.` }
          : { ok: false, text: `The setup files could not be written: ${r.error.message}` }))}
      >
        Create print dialog setup files
      </button>
      {status && <p className={status.ok ? 'hint' : 'field-error'} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
    </div>
  );
}
