import { useRef, useState } from 'react';
import type { ImportPreview } from '../../../common/domain/contact';
import { useFaxdesk } from '../../store/StoreProvider';
import { Dialog } from '../../ui/Dialog';
import { formatFax, plural } from '../../ui/format';

/** Import: choose a file → a preview of what will be imported and what is skipped (and why) → Import N contacts. */
export function ImportDialog({ open, onClose, onImported }: { open: boolean; onClose(): void; onImported(count: number): void }) {
  const previewImport = useFaxdesk((s) => s.previewImport);
  const commitImport = useFaxdesk((s) => s.commitImport);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setBusy('reading');
    setProblem(null);
    setPreview(null);
    const r = await previewImport(file);
    setBusy(null);
    if (r.ok) setPreview(r.value);
    else setProblem(`${r.error.message} ${r.error.nextStep}`);
  };

  const commit = async () => {
    if (!preview) return;
    setBusy('importing');
    const r = await commitImport(preview.previewId);
    setBusy(null);
    if (r.ok) onImported(r.value.imported);
    else setProblem(`Nothing was imported. ${r.error.message} ${r.error.nextStep}`);
  };

  return (
    <Dialog title="Import contacts" open={open} onClose={onClose}>
      <div className="dialog-body import-body">
        <p className="hint">A CSV file (Outlook, Google Contacts, or columns Name, Organisation, Fax) or vCards (.vcf). Nothing is saved until you press Import.</p>
        <div className="field">
          <label htmlFor="import-file">Contacts file</label>
          <input id="import-file" ref={fileRef} type="file" accept=".csv,.vcf,.vcard,.txt,text/csv,text/vcard" data-autofocus
            onChange={(e) => void choose(e.target.files?.[0])} />
        </div>
        {busy === 'reading' && <p className="muted" role="status">Reading the file…</p>}
        {problem && <p className="banner banner-danger" role="alert">{problem}</p>}
        {preview && (
          <>
            {preview.notes.map((note) => <p key={note} className="hint">{note}</p>)}
            <p role="status"><strong>{plural(preview.rowCount, 'contact')} will be imported</strong>{preview.skippedCount > 0 ? ` · ${plural(preview.skippedCount, 'row')} skipped` : ''}.</p>
            {preview.rowCount > 0 && (
              <div className="table-scroll">
                <table className="preview-table" aria-label="Contacts to import">
                  <thead><tr><th scope="col">Row</th><th scope="col">Name</th><th scope="col">Organisation</th><th scope="col">Fax number</th></tr></thead>
                  <tbody>
                    {preview.rows.map((r) => (
                      <tr key={r.line}><td>{r.line}</td><td>{r.favourite ? '★ ' : ''}{r.name}</td><td>{r.organisation}</td><td>{formatFax(r.faxNumber)}</td></tr>
                    ))}
                  </tbody>
                </table>
                {preview.rowCount > preview.rows.length && <p className="hint">…and {plural(preview.rowCount - preview.rows.length, 'more contact')}.</p>}
              </div>
            )}
            {preview.skippedCount > 0 && (
              <details open={preview.rowCount === 0 || preview.skippedCount <= 20}>
                <summary>{plural(preview.skippedCount, 'row')} skipped, with the reason for each</summary>
                <div className="table-scroll">
                  <table className="preview-table" aria-label="Skipped rows">
                    <thead><tr><th scope="col">Row</th><th scope="col">Contact</th><th scope="col">Why it is skipped</th></tr></thead>
                    <tbody>{preview.skipped.map((s) => <tr key={`${s.line}-${s.reason}`}><td>{s.line}</td><td>{s.label}</td><td>{s.reason}</td></tr>)}</tbody>
                  </table>
                </div>
              </details>
            )}
          </>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="button" className="primary" disabled={!preview || preview.rowCount === 0 || busy !== null} onClick={() => void commit()}>
          {busy === 'importing' ? 'Importing…' : preview ? `Import ${plural(preview.rowCount, 'contact')}` : 'Import'}
        </button>
      </div>
    </Dialog>
  );
}
