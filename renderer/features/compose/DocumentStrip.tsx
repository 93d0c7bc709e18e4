import { useEffect, useRef } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';
import { ACCEPT_ATTR, formatBytes } from '../../store/fileRules';
import type { ComposeDoc } from '../../store/composeSlice';
import { plural } from '../../ui/format';

function Tile({ doc, index, count }: { doc: ComposeDoc; index: number; count: number }) {
  const removeDoc = useFaxdesk((s) => s.removeDoc);
  const moveDoc = useFaxdesk((s) => s.moveDoc);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!e.altKey) return;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') { e.preventDefault(); moveDoc(doc.key, -1); }
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') { e.preventDefault(); moveDoc(doc.key, 1); }
  };
  return (
    <li className="tile" onKeyDown={onKeyDown}>
      <span className="tile-icon" aria-hidden="true">PDF</span>
      <span className="tile-name" title={doc.name}>{doc.name}</span>
      <span className="tile-meta">
        {doc.status === 'reading' ? 'Loading…' : `${doc.info.pages === null ? 'pages unknown' : plural(doc.info.pages, 'page')} · ${formatBytes(doc.sizeBytes)}`}
      </span>
      <span className="tile-actions">
        <button type="button" className="icon-button" aria-label={`Move ${doc.name} earlier`} disabled={index === 0} onClick={() => moveDoc(doc.key, -1)}>←</button>
        <button type="button" className="icon-button" aria-label={`Move ${doc.name} later`} disabled={index === count - 1} onClick={() => moveDoc(doc.key, 1)}>→</button>
        <button type="button" className="icon-button" aria-label={`Remove ${doc.name}`} onClick={() => removeDoc(doc.key)}>×</button>
      </span>
    </li>
  );
}

function Refusals() {
  const refusals = useFaxdesk((s) => s.fileRefusals);
  const dismiss = useFaxdesk((s) => s.dismissRefusal);
  if (refusals.length === 0) return null;
  return (
    <ul className="refusals">
      {refusals.map((r) => (
        <li key={r.key} className="refusal" role="alert">
          <span>{r.message}</span>
          <button type="button" className="link-button" onClick={() => dismiss(r.key)}>Dismiss</button>
        </li>
      ))}
    </ul>
  );
}

export function DocumentStrip() {
  const docs = useFaxdesk((s) => s.docs);
  const addFiles = useFaxdesk((s) => s.addFiles);
  const inputRef = useRef<HTMLInputElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const focusChooser = useFaxdesk((s) => s.focusFileChooser);
  const clearUiRequests = useFaxdesk((s) => s.clearUiRequests);
  // An error's "Choose other files" lands here: focus the chooser (after the number field took focus).
  useEffect(() => {
    if (!focusChooser) return;
    chooseRef.current?.focus();
    clearUiRequests();
  }, [focusChooser, clearUiRequests]);
  return (
    <section className="documents" aria-labelledby="documents-title">
      <h2 id="documents-title" className="section-title">Documents</h2>
      {docs.length > 0 ? (
        <ol className="tiles" aria-label="Documents to send">
          {docs.map((d, i) => <Tile key={d.key} doc={d} index={i} count={docs.length} />)}
        </ol>
      ) : (
        <p className="drop-hint">Drop PDFs anywhere in the window, or choose files.</p>
      )}
      <div className="documents-actions">
        <button ref={chooseRef} type="button" onClick={() => inputRef.current?.click()}>Choose files…</button>
        <input
          ref={inputRef}
          className="sr-only"
          type="file"
          multiple
          accept={ACCEPT_ATTR}
          aria-label="Choose files"
          tabIndex={-1}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length > 0) void addFiles(files);
          }}
        />
        {docs.length > 1 && <span className="hint">Alt+arrow keys move a focused file.</span>}
      </div>
      <Refusals />
    </section>
  );
}
