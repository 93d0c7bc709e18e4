import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useFaxdesk } from '../store/StoreProvider';
import { pickAccount } from '../store/sendPlan';
import { modKey, plural } from '../ui/format';
import { stopFaxWorker } from './faxWorkerClient';
import type { FaxResolution } from './pageRender';
import { PageGrid } from './PageGrid';
import type { PageActions } from './PageThumb';
import { PageViewer } from './PageViewer';
import { keepOnly, releaseAll, warmUp } from './pdfDocuments';
import { previewPages } from './previewPages';
import { COVER_PAGE_ID, withCover } from './coverPreviewPage';
import type { FaxView } from './usePageCanvas';

/** "As it will print at the other end": on or off, and at which resolution. */
function FaxViewControls({ on, resolution, onToggle, onResolution }: {
  on: boolean; resolution: FaxResolution; onToggle(on: boolean): void; onResolution(r: FaxResolution): void;
}) {
  const id = useId();
  return (
    <div className="fax-controls">
      <label className="switch">
        <input type="checkbox" role="switch" checked={on} onChange={(e) => onToggle(e.target.checked)} />
        As it will print at the other end
      </label>
      {on && (
        <span className="field-inline">
          <label htmlFor={id}>Resolution</label>
          <select id={id} value={resolution} onChange={(e) => onResolution(e.target.value as FaxResolution)}>
            <option value="fine">Fine (204 × 196 dpi)</option>
            <option value="standard">Standard (204 × 98 dpi)</option>
          </select>
        </span>
      )}
    </div>
  );
}

/** The right-hand side of compose (below the form on narrow windows): what will be sent. */
export function PreviewPane() {
  const docs = useFaxdesk((s) => s.docs);
  const list = useFaxdesk((s) => s.pages);
  const history = useFaxdesk((s) => s.history);
  const documentUrl = useFaxdesk((s) => s.documentUrl);
  const rotatePage = useFaxdesk((s) => s.rotatePage);
  const removePage = useFaxdesk((s) => s.removePage);
  const movePage = useFaxdesk((s) => s.movePage);
  const undo = useFaxdesk((s) => s.undo);
  const account = useFaxdesk((s) => pickAccount(s.accounts, s.composeAccountId, s.appSettings));
  const headerText = useFaxdesk((s) => s.headerText);
  const coverPreview = useFaxdesk((s) => (s.coverMode === 'faxdesk' ? s.coverPreview : null));
  const coverId = coverPreview?.document.id ?? null;
  const pages = useMemo(() => {
    const content = previewPages(docs, list, documentUrl);
    return content.length > 0 ? withCover(content, coverId ? { documentId: coverId } : null, documentUrl) : content;
  }, [docs, list, documentUrl, coverId]);
  const offset = pages[0]?.id === COVER_PAGE_ID ? 1 : 0;
  const [open, setOpen] = useState<number | null>(null);
  const [backTo, setBackTo] = useState<number | null>(null);
  const [faxOn, setFaxOn] = useState(false);
  const [resolution, setResolution] = useState<FaxResolution>('fine');
  const sectionRef = useRef<HTMLElement>(null);
  const loading = docs.filter((d) => d.status === 'reading');
  const viewing = open !== null && pages.length > 0 ? Math.min(open, pages.length - 1) : null;
  const known = pages.filter((p) => p.kind === 'page' && !p.provisional).length;
  const unknown = pages.filter((p) => p.kind === 'original').length;

  // Documents no page uses any more: destroy their pdf.js documents. Leaving compose (or sending): all of them.
  const usedIds = useMemo(() => [...new Set(pages.map((p) => p.documentId))].join('\n'), [pages]);
  const arriving = loading.length > 0;
  useEffect(() => {
    if (arriving) warmUp();
    keepOnly(new Set(usedIds.split('\n')), !arriving);
  }, [usedIds, arriving]);
  useEffect(() => () => {
    releaseAll();
    stopFaxWorker();
  }, []);
  useEffect(() => {
    if (!faxOn || pages.length === 0) stopFaxWorker();
  }, [faxOn, pages.length]);

  const sendsHeader = account?.capabilities.includes('headerText') ?? false;
  const fax: FaxView | null = useMemo(
    () => (faxOn ? { resolution, headerText: sendsHeader ? headerText.trim() : null, pageCount: pages.length } : null),
    [faxOn, resolution, sendsHeader, headerText, pages.length],
  );

  // The cover is page 1 but not in the page list: operations on it do nothing, and places shift by one.
  const actions: PageActions = useMemo(() => ({
    open: (index) => setOpen(index),
    rotate: (id) => { if (id !== COVER_PAGE_ID) rotatePage(id); },
    remove: (id) => { if (id !== COVER_PAGE_ID) removePage(id); },
    move: (id, to) => { if (id !== COVER_PAGE_ID) movePage(id, Math.max(0, to - offset)); },
  }), [rotatePage, removePage, movePage, offset]);

  const close = () => {
    setBackTo(viewing);
    setOpen(null);
  };
  const last = history.at(-1);
  const title = known + unknown === 0 ? 'Preview' : `Preview — ${plural(known, 'page')}${unknown ? ` + ${plural(unknown, 'document')}` : ''}`;

  return (
    <section ref={sectionRef} className="preview" aria-label="Preview">
      <header className="preview-header">
        <div className="preview-title-row">
          <h2 className="section-title">{title}</h2>
          {last && (
            <button type="button" className="undo-button" aria-label={`Undo ${last.what}`} aria-keyshortcuts="Control+Z Meta+Z" title={`Undo ${last.what} (${modKey}Z)`} onClick={undo}>
              Undo
            </button>
          )}
        </div>
        {pages.length > 0 && (
          <FaxViewControls on={faxOn} resolution={resolution} onToggle={setFaxOn} onResolution={setResolution} />
        )}
        {faxOn && pages.length > 0 && (
          <p className="hint">
            Every page in black and white, as a fax machine prints it.
            {fax?.headerText !== null && ` ${account?.name ?? 'Sinch'} adds the header line at the top as it sends.`}
          </p>
        )}
        {loading.length > 0 && (
          <p className="hint" role="status">Loading {loading.map((d) => d.name).join(', ')}…</p>
        )}
      </header>
      {pages.length === 0 ? (
        <p className="preview-empty muted">The pages you add appear here, in the order they will be faxed.</p>
      ) : viewing !== null ? (
        <PageViewer pages={pages} index={viewing} fax={fax} actions={actions} onIndex={setOpen} onClose={close} />
      ) : (
        <PageGrid pages={pages} fax={fax} actions={actions} focusIndex={backTo} />
      )}
    </section>
  );
}
