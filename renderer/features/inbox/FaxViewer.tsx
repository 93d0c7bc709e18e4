import { useEffect, useRef, useState } from 'react';
import type { Rotation } from '../../../common/domain/document';
import type { InboxFax } from '../../../common/domain/inbox';
import { keepOnly, openDocument } from '../../pdf/pdfDocuments';
import { useFaxdesk } from '../../store/StoreProvider';
import { plural } from '../../ui/format';
import { FaxActions } from './FaxActions';
import { FaxPageCanvas, FaxThumb, viewerDocumentId, type FaxPageRef } from './FaxPageCanvas';
import { senderOf } from './InboxRow';
import { SplitDialog } from './SplitDialog';

/** Fit the width, fit the whole page, or a share of the page's true size (1 = 100 %). */
type Zoom = 'width' | 'page' | number;
const PERCENTS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
const CSS_PX_PER_PT = 96 / 72;

/** The width to draw the page at, for the zoom chosen and the room there is. */
function pageWidth(zoom: Zoom, stage: { width: number; height: number }, page: { width: number; height: number }): number {
  const room = Math.max(120, stage.width - 32);
  if (zoom === 'width') return Math.floor(room);
  if (zoom === 'page') return Math.floor(Math.min(room, (stage.height - 24) * (page.width / page.height)));
  return Math.floor(page.width * CSS_PX_PER_PT * zoom);
}

/** The next zoom step up or down from where the view is now. */
function stepZoom(current: number, delta: 1 | -1): number {
  const next = delta > 0 ? PERCENTS.find((p) => p > current + 0.001) : [...PERCENTS].reverse().find((p) => p < current - 0.001);
  return next ?? current;
}

/**
 * A received fax, large: thumbnails, one page at a time with zoom (fit width, fit page, 50–300 %,
 * Ctrl +/−), page turns kept with the fax (the document stays as it came), ←/→ and Page Up/Down,
 * Escape back to the list.
 */
export function FaxViewer({ fax }: { fax: InboxFax }) {
  const close = useFaxdesk((s) => s.closeViewer);
  const turnPages = useFaxdesk((s) => s.turnFaxPages);
  const url = useFaxdesk((s) => s.faxDocumentUrl(fax.id));
  const [index, setIndex] = useState(0);
  const [zoom, setZoom] = useState<Zoom>('width');
  const [size, setSize] = useState({ pages: fax.document.pages ?? fax.pages ?? 0, width: 612, height: 792 });
  const [stage, setStage] = useState({ width: 0, height: 0 });
  const [problem, setProblem] = useState<string | null>(null);
  const [splitting, setSplitting] = useState(false);
  const stageRef = useRef<HTMLDivElement>(null);
  const thumbsRef = useRef<HTMLOListElement>(null);
  const rootRef = useRef<HTMLElement>(null);

  // The document's page count and first page size, from pdf.js itself.
  useEffect(() => {
    let live = true;
    void openDocument(viewerDocumentId(fax.id), url).then(async (doc) => {
      const first = await doc.getPage(1);
      const view = first.getViewport({ scale: 1 });
      if (live) setSize({ pages: doc.numPages, width: view.width, height: view.height });
    }, () => { if (live) setProblem('The fax’s document could not be opened.'); });
    return () => { live = false; };
  }, [fax.id, url]);
  // Only this fax's document stays open; all of it goes when the viewer closes.
  useEffect(() => {
    keepOnly(new Set([viewerDocumentId(fax.id)]), false);
    return () => keepOnly(new Set());
  }, [fax.id]);
  useEffect(() => {
    const el = stageRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      const box = entry?.contentRect;
      if (box) setStage({ width: Math.floor(box.width / 20) * 20, height: Math.floor(box.height) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => rootRef.current?.focus(), []);

  const count = size.pages;
  const rotationOf = (page: number): Rotation => fax.rotations[String(page)] ?? 0;
  const pageRef = (page: number): FaxPageRef => ({ faxId: fax.id, url, pageNumber: page + 1, rotation: rotationOf(page) });
  const go = (to: number) => setIndex(Math.max(0, Math.min(count - 1, to)));
  const turnedSize = rotationOf(index) % 180 === 0 ? size : { ...size, width: size.height, height: size.width };
  const width = pageWidth(zoom, stage, turnedSize);
  const percent = typeof zoom === 'number' ? zoom : width / (turnedSize.width * CSS_PX_PER_PT);
  const turn = (page: number | null) => void turnPages(fax, page, count).then(setProblem);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
    if (e.target instanceof HTMLElement && e.target.closest('input, textarea, select')) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && (e.key === '+' || e.key === '=')) { e.preventDefault(); setZoom(stepZoom(percent, 1)); }
    else if (mod && e.key === '-') { e.preventDefault(); setZoom(stepZoom(percent, -1)); }
    else if (mod && e.key === '0') { e.preventDefault(); setZoom('width'); }
    else if (e.key === 'ArrowRight' || e.key === 'PageDown') { e.preventDefault(); go(index + 1); }
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') { e.preventDefault(); go(index - 1); }
    else if (e.key === 'Home') { e.preventDefault(); go(0); }
    else if (e.key === 'End') { e.preventDefault(); go(count - 1); }
    else if (e.key === 'Escape') { e.preventDefault(); close(); }
  };
  // The window's keys, not the section's: focus may sit on the page itself (after printing, say).
  const keys = useRef(onKeyDown);
  useEffect(() => { keys.current = onKeyDown; });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <section ref={rootRef} className="pane fax-viewer" aria-labelledby="viewer-title" tabIndex={-1}>
      <header className="pane-header viewer-header">
        <button type="button" onClick={close} aria-keyshortcuts="Escape">← Back to the list</button>
        <h1 id="viewer-title" tabIndex={-1}>Fax from {senderOf(fax)}</h1>
        <span className="muted">{count > 0 ? plural(count, 'page') : ''}{fax.filedTo ? ` · Filed to ${fax.filedTo}` : ''}</span>
      </header>
      <div className="viewer-actions"><FaxActions fax={fax} /></div>
      <div className="viewer-toolbar" role="toolbar" aria-label="Pages and zoom">
        <button type="button" disabled={index === 0} onClick={() => go(index - 1)} aria-label="Previous page">‹</button>
        <span aria-live="polite">Page {count > 0 ? index + 1 : 0} of {count}</span>
        <button type="button" disabled={index >= count - 1} onClick={() => go(index + 1)} aria-label="Next page">›</button>
        <label className="zoom-field">
          <span className="sr-only">Zoom</span>
          <select aria-label="Zoom" value={typeof zoom === 'number' ? String(zoom) : zoom} onChange={(e) => setZoom(e.target.value === 'width' || e.target.value === 'page' ? e.target.value : Number(e.target.value))}>
            <option value="width">Fit width</option>
            <option value="page">Fit page</option>
            {PERCENTS.map((p) => <option key={p} value={String(p)}>{Math.round(p * 100)} %</option>)}
          </select>
        </label>
        <button type="button" aria-label="Zoom out" aria-keyshortcuts="Control+-" onClick={() => setZoom(stepZoom(percent, -1))}>−</button>
        <button type="button" aria-label="Zoom in" aria-keyshortcuts="Control++" onClick={() => setZoom(stepZoom(percent, 1))}>+</button>
        <button type="button" onClick={() => turn(index)} aria-label={`Turn page ${index + 1} a quarter clockwise`}>↻ Turn page</button>
        <button type="button" onClick={() => turn(null)}>↻ Turn all pages</button>
        {count > 1 && <button type="button" onClick={() => setSplitting(true)}>Split pages off…</button>}
      </div>
      {splitting && <SplitDialog fax={fax} pageCount={count} current={index} onClose={() => setSplitting(false)} />}
      {problem && <p className="error-text pad" role="alert">{problem}</p>}
      <div className="viewer-body">
        <ol ref={thumbsRef} className="viewer-thumbs" aria-label="Pages">
          {Array.from({ length: count }, (_v, page) => (
            <li key={page}>
              <button type="button" className="viewer-thumb" aria-current={page === index ? 'page' : undefined} onClick={() => go(page)} aria-label={`Page ${page + 1}${rotationOf(page) ? `, turned ${rotationOf(page)}°` : ''}`}>
                <FaxThumb page={pageRef(page)} root={thumbsRef} label="" />
                <span className="viewer-thumb-number" aria-hidden="true">{page + 1}</span>
              </button>
            </li>
          ))}
        </ol>
        <div ref={stageRef} className="viewer-stage">
          {count > 0 && stage.width > 0 && (
            <FaxPageCanvas page={pageRef(index)} width={width} active queued={false}
              label={`Page ${index + 1} of ${count}${rotationOf(index) ? `, turned ${rotationOf(index)}°` : ''}`} />
          )}
        </div>
      </div>
    </section>
  );
}
