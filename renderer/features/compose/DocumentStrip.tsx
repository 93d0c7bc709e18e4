import { useEffect, useRef } from 'react';
import type { DocumentKind } from '../../../common/domain/document';
import { useFaxdesk } from '../../store/StoreProvider';
import { ACCEPT_ATTR, formatBytes } from '../../store/fileRules';
import type { ComposeDoc } from '../../store/composeSlice';
import { plural } from '../../ui/format';

const KIND_LABEL: Record<DocumentKind, string> = { pdf: 'PDF', image: 'Image', tiff: 'TIFF', docx: 'Word', text: 'Text' };

/** "3 pages", "2 of 3 pages" once some are removed, or "pages unknown" for a file the fax service converts. */
function pagesText(doc: Extract<ComposeDoc, { status: 'ready' }>, listed: number): string {
  if (doc.info.pages === null) return 'pages unknown';
  return listed === doc.info.pages ? plural(doc.info.pages, 'page') : `${listed} of ${plural(doc.info.pages, 'page')}`;
}

function Tile({ doc, index, count }: { doc: ComposeDoc; index: number; count: number }) {
  const removeDoc = useFaxdesk((s) => s.removeDoc);
  const moveDoc = useFaxdesk((s) => s.moveDoc);
  const listed = useFaxdesk((s) => s.pages.filter((p) => p.docKey === doc.key && p.kind === 'page').length);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!e.altKey) return;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') { e.preventDefault(); moveDoc(doc.key, -1); }
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') { e.preventDefault(); moveDoc(doc.key, 1); }
  };
  const ready = doc.status === 'ready' ? doc : null;
  return (
    <li className="tile" onKeyDown={onKeyDown}>
      <span className="tile-icon" aria-hidden="true">{ready ? KIND_LABEL[ready.info.kind] : '…'}</span>
      <span className="tile-name" title={doc.name}>{doc.name}</span>
      <span className="tile-meta">
        {ready ? `${pagesText(ready, listed)} · ${formatBytes(doc.sizeBytes)}` : 'Loading…'}
      </span>
      {ready?.info.sentAs === 'original' && (
        <span className="tile-note">Approximate preview — the fax service converts it</span>
      )}
      {/* What changed on the way (a flattened form, a turned photo…), said once per tile. */}
      {ready?.info.warnings.map((w, i) => <span key={i} className="tile-warning">{w}</span>)}
      <span className="tile-actions">
        <button type="button" className="icon-button" aria-label={`Move ${doc.name} earlier`} disabled={index === 0} onClick={() => moveDoc(doc.key, -1)}>←</button>
        <button type="button" className="icon-button" aria-label={`Move ${doc.name} later`} disabled={index === count - 1} onClick={() => moveDoc(doc.key, 1)}>→</button>
        <button type="button" className="icon-button" aria-label={`Remove ${doc.name}`} onClick={() => removeDoc(doc.key)}>×</button>
      </span>
    </li>
  );
}

/** The same file added twice: asked once, with both ways out. */
function Duplicates() {
  const duplicates = useFaxdesk((s) => s.duplicateFiles);
  const settle = useFaxdesk((s) => s.settleDuplicate);
  if (duplicates.length === 0) return null;
  return (
    <ul className="refusals" aria-label="Files added twice">
      {duplicates.map((d) => (
        <li key={d.key} className="refusal" role="alert">
          <span>{d.name === d.sameAs ? `${d.name} was added twice.` : `${d.name} is the same file as ${d.sameAs}.`} Send it twice?</span>
          <button type="button" className="link-button" onClick={() => settle(d.key, true)}>Remove the copy</button>
          <button type="button" className="link-button" onClick={() => settle(d.key, false)}>Keep both</button>
        </li>
      ))}
    </ul>
  );
}

/** Files that were not added: one line for one, a summary with the details for several. */
function Refusals() {
  const refusals = useFaxdesk((s) => s.fileRefusals);
  const dismiss = useFaxdesk((s) => s.dismissRefusal);
  const dismissAll = useFaxdesk((s) => s.dismissRefusals);
  if (refusals.length === 0) return null;
  if (refusals.length === 1) {
    const r = refusals[0]!;
    return (
      <ul className="refusals">
        <li className="refusal" role="alert">
          <span>{r.message}</span>
          <button type="button" className="link-button" onClick={() => dismiss(r.key)}>Dismiss</button>
        </li>
      </ul>
    );
  }
  return (
    <div className="refusal refusal-summary" role="alert">
      <details>
        <summary>{refusals.length} files were not added. Show why</summary>
        <ul className="refusal-details">{refusals.map((r) => <li key={r.key}>{r.message}</li>)}</ul>
      </details>
      <button type="button" className="link-button" onClick={dismissAll}>Dismiss</button>
    </div>
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
        <p className="drop-hint">Drop files anywhere in the window — PDF, scans and photos (TIFF, PNG, JPEG), Word or text — or choose files.</p>
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
      <Duplicates />
      <Refusals />
    </section>
  );
}
