import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { PreviewCancelled, renderPage } from './pdfPreview';

/** One page that will be faxed, in send order across all documents. */
export interface PreviewPage {
  /** Stable across reorders: the compose tile's key and the page number. */
  id: string;
  docKey: string;
  file: File;
  docName: string;
  pageNumber: number;
  /** 0-based position in the whole fax. */
  index: number;
  label: string;
}

/** Thumbnails are drawn this many CSS pixels wide (CSS may show them slightly smaller). */
export const THUMB_WIDTH = 160;
const LETTER = 612 / 792;
/** Render a little before a thumbnail scrolls into view; free its pixels once it is well out of view. */
const NEAR_MARGIN = '600px 0px';

function useNear(target: RefObject<Element | null>, root: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const observer = new IntersectionObserver(
      (entries) => setNear(entries.some((e) => e.isIntersecting)),
      { root: root.current, rootMargin: NEAR_MARGIN },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [target, root]);
  return near;
}

type Phase = 'waiting' | 'done' | 'failed';

/** Draws `page` into the returned canvas ref while `active`; frees the canvas when it stops being active. */
function usePageCanvas(page: PreviewPage, active: boolean, cssWidth: number, queued: boolean) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [result, setResult] = useState<{ phase: Phase; aspect: number }>({ phase: 'waiting', aspect: LETTER });
  const { docKey, file, pageNumber } = page;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!active || !canvas || cssWidth <= 0) return;
    let live = true;
    const job = renderPage({ key: docKey, file, pageNumber }, canvas, cssWidth, queued);
    job.done.then(
      () => { if (live) setResult({ phase: 'done', aspect: canvas.width / canvas.height }); },
      (error: unknown) => {
        if (!live || error instanceof PreviewCancelled) return;
        console.warn('preview: a page could not be rendered', { pageNumber, error: String(error) });
        setResult((r) => ({ ...r, phase: 'failed' }));
      },
    );
    return () => {
      live = false;
      job.cancel();
      // Out of view (or gone): let the pixels go; the last known shape keeps the layout steady.
      canvas.width = 0;
      canvas.height = 0;
      setResult((r) => (r.phase === 'waiting' ? r : { ...r, phase: 'waiting' }));
    };
  }, [active, docKey, file, pageNumber, cssWidth, queued]);
  return { canvasRef, ...result };
}

interface ThumbProps {
  page: PreviewPage;
  scrollRoot: RefObject<HTMLElement | null>;
  onOpen(index: number): void;
}

export function PageThumb({ page, scrollRoot, onOpen }: ThumbProps) {
  const boxRef = useRef<HTMLButtonElement>(null);
  const near = useNear(boxRef, scrollRoot);
  const { canvasRef, phase, aspect } = usePageCanvas(page, near, THUMB_WIDTH, true);
  const id = useId();
  return (
    <li className="thumb-item">
      <button
        ref={boxRef}
        type="button"
        className="thumb"
        data-page-index={page.index}
        title={`${page.docName}, page ${page.pageNumber}`}
        aria-labelledby={`${id}-page`}
        aria-describedby={phase === 'failed' ? `${id}-error` : undefined}
        onClick={() => onOpen(page.index)}
      >
        <span className={`thumb-sheet thumb-${phase}`} style={{ aspectRatio: aspect }}>
          <canvas ref={canvasRef} id={`${id}-page`} role="img" aria-label={page.label} width={0} height={0} />
          {phase === 'failed' && <span id={`${id}-error`} className="thumb-error">This page could not be shown.</span>}
        </span>
        <span className="thumb-caption" aria-hidden="true">
          {page.index + 1}
          {/* The file name stays out of the visible text (the tooltip and the accessible name carry it). */}
          <span className="thumb-doc">p. {page.pageNumber}</span>
        </span>
      </button>
    </li>
  );
}

/** The larger view of one page; the parent gives it a `key` per page so every page starts fresh. */
export function LargePage({ page, width }: { page: PreviewPage; width: number }) {
  const { canvasRef, phase, aspect } = usePageCanvas(page, true, width, false);
  const id = useId();
  return (
    <div className={`large-sheet thumb-${phase}`} style={{ aspectRatio: aspect, maxWidth: width }}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={page.label}
        aria-describedby={phase === 'failed' ? id : undefined}
        width={0}
        height={0}
      />
      {phase === 'failed' && <p id={id} className="thumb-error">This page could not be shown.</p>}
    </div>
  );
}
