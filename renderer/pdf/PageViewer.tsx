import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { PageActions } from './PageThumb';
import type { PreviewPage } from './previewPages';
import { usePageCanvas, type FaxView } from './usePageCanvas';

// mammoth is large and only a Word file sent as it is needs it.
const DocxPreview = lazy(() => import('./DocxPreview').then((m) => ({ default: m.DocxPreview })));

/** Zoom steps, as a share of the width that fits; the large page never draws wider than this. */
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
const FIT = ZOOMS.indexOf(1);
const MAX_FIT_WIDTH = 760;

function LargePage({ page, width, fax }: { page: PreviewPage; width: number; fax: FaxView | null }) {
  const { canvasRef, phase, aspect, warnings } = usePageCanvas(page, true, width, fax, { queued: false, faxPixels: true });
  const id = useId();
  return (
    <>
      {warnings.length > 0 && (
        <ul className="fax-warnings" aria-label={`What may print badly on ${page.name}`}>
          {warnings.map((w) => <li key={w.kind}>{w.text}</li>)}
        </ul>
      )}
      <div className={`large-sheet thumb-${phase}${fax ? ' fax-sheet' : ''}`} style={{ aspectRatio: aspect, width }}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={fax ? `${page.label}, as it will print` : page.label}
          aria-describedby={phase === 'failed' ? id : undefined}
          width={0}
          height={0}
        />
        {phase === 'failed' && <p id={id} className="thumb-error">This page could not be shown.</p>}
      </div>
    </>
  );
}

interface Props {
  pages: readonly PreviewPage[];
  index: number;
  fax: FaxView | null;
  actions: PageActions;
  onIndex(index: number): void;
  onClose(): void;
}

/** One page, larger, with zoom and keyboard navigation; Escape (or "All pages") goes back to the thumbnails. */
export function PageViewer({ pages, index, fax, actions, onIndex, onClose }: Props) {
  const rootRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const [fitWidth, setFitWidth] = useState(0);
  const [zoom, setZoom] = useState(FIT);
  const page = pages[index];

  useEffect(() => rootRef.current?.focus(), []);

  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    // Re-render at the new size only once the width settles on a new 40 px step.
    const observer = new ResizeObserver(([entry]) => {
      const available = Math.floor((entry?.contentRect.width ?? 0) / 40) * 40;
      setFitWidth(Math.max(120, Math.min(MAX_FIT_WIDTH, available)));
    });
    observer.observe(stage);
    return () => observer.disconnect();
  }, []);

  if (!page) return null;
  const go = (to: number) => {
    const target = Math.max(0, Math.min(pages.length - 1, to));
    if (target === index) return;
    onIndex(target);
    stageRef.current?.scrollTo({ top: 0 });
    // A button that becomes disabled drops focus to the page: keep it in the viewer so Escape still works.
    if (target === 0 || target === pages.length - 1) rootRef.current?.focus();
  };
  const zoomBy = (delta: number) => setZoom((z) => Math.max(0, Math.min(ZOOMS.length - 1, z + delta)));
  const stage = stageRef.current;
  /** ↑/↓ scroll a page taller than the view first, then go to the next page. */
  const canScroll = (down: boolean) => !!stage && (down ? stage.scrollTop + stage.clientHeight < stage.scrollHeight - 1 : stage.scrollTop > 0);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.target as HTMLElement).tagName === 'SELECT') return;
    const keys: Record<string, () => void> = {
      Escape: onClose,
      ArrowLeft: () => go(index - 1),
      ArrowRight: () => go(index + 1),
      PageUp: () => go(index - 1),
      PageDown: () => go(index + 1),
      Home: () => go(0),
      End: () => go(pages.length - 1),
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      '0': () => setZoom(FIT),
    };
    if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !canScroll(e.key === 'ArrowDown')) keys[e.key] = () => go(index + (e.key === 'ArrowDown' ? 1 : -1));
    const run = keys[e.key];
    if (!run) return;
    // Handled here so the window-wide Escape does not also close compose.
    e.preventDefault();
    run();
  };

  const width = Math.round(fitWidth * ZOOMS[zoom]!);
  return (
    <div ref={rootRef} className="page-viewer" tabIndex={-1} onKeyDown={onKeyDown} aria-label={`${page.label}. Escape goes back to all pages.`} role="group">
      <div className="viewer-bar">
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape">All pages</button>
        <span className="viewer-position" aria-live="polite">
          Page {index + 1} of {pages.length}
          <span className="muted"> · {page.docName}{page.kind === 'page' ? `, page ${page.pageNumber}` : ''}</span>
        </span>
        <span className="viewer-nav">
          <button type="button" onClick={() => go(index - 1)} disabled={index === 0} aria-keyshortcuts="PageUp ArrowLeft">Previous</button>
          <button type="button" onClick={() => go(index + 1)} disabled={index >= pages.length - 1} aria-keyshortcuts="PageDown ArrowRight">Next</button>
        </span>
      </div>
      <div className="viewer-bar viewer-tools">
        <span className="viewer-zoom" role="group" aria-label="Zoom">
          <button type="button" className="icon-button" aria-label="Zoom out" aria-keyshortcuts="-" disabled={zoom === 0} onClick={() => zoomBy(-1)}>−</button>
          <button type="button" aria-label={`Fit width (now ${Math.round(ZOOMS[zoom]! * 100)}%)`} aria-keyshortcuts="0" onClick={() => setZoom(FIT)}>{Math.round(ZOOMS[zoom]! * 100)}%</button>
          <button type="button" className="icon-button" aria-label="Zoom in" aria-keyshortcuts="+" disabled={zoom === ZOOMS.length - 1} onClick={() => zoomBy(1)}>+</button>
        </span>
        <span className="viewer-page-actions">
          {page.kind === 'page' && !page.locked && <button type="button" onClick={() => actions.rotate(page.id)}>Rotate {page.name}</button>}
          {!page.locked && <button type="button" onClick={() => { actions.remove(page.id); rootRef.current?.focus(); }}>Remove {page.name}</button>}
        </span>
      </div>
      <div ref={stageRef} className="viewer-stage">
        {fitWidth > 0 && page.kind === 'page' && <LargePage key={page.id} page={page} width={width} fax={fax} />}
        {page.kind === 'original' && (
          <Suspense fallback={<p className="muted">Loading the approximate preview…</p>}>
            <DocxPreview key={page.id} url={page.url} name={page.docName} width={width} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
