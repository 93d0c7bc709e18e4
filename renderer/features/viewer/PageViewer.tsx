import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Rotation } from '../../../common/domain/document';
import { keepOnly } from '../../pdf/pdfDocuments';
import { plural } from '../../ui/format';
import { PageCanvas, PageThumb, type ViewerPageRef } from './PageCanvas';

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

export interface PageViewerProps {
  title: string;
  /** Beside the title: what else is worth knowing at a glance ("Filed to …"). */
  note?: string;
  /** Every page, in order, each in its document (the viewer's turn not yet applied). */
  pages: ReadonlyArray<Omit<ViewerPageRef, 'rotation'>>;
  /** The first page's size in points, for fitting. */
  pageSize: { width: number; height: number };
  rotations: Readonly<Record<string, Rotation>>;
  /** Turns a page (0-based) or all (null) a quarter clockwise; answers what went wrong, or null. */
  onTurn(page: number | null): Promise<string | null>;
  onClose(): void;
  /** The fax's own actions, above the pages. */
  actions?: ReactNode;
  /** More tools at the end of the toolbar; given the page shown. */
  tools?(current: number): ReactNode;
  problem?: string | null;
}

/**
 * A fax, large: thumbnails, one page at a time with zoom (fit width, fit page, 50–300 %,
 * Ctrl +/−), page turns (the document stays as it is), ←/→ and Page Up/Down, Escape back.
 * The same for received and sent faxes.
 */
export function PageViewer(props: PageViewerProps) {
  const { pages, pageSize, rotations, onTurn, onClose } = props;
  const [index, setIndex] = useState(0);
  const [zoom, setZoom] = useState<Zoom>('width');
  const [stage, setStage] = useState({ width: 0, height: 0 });
  const [problem, setProblem] = useState<string | null>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const thumbsRef = useRef<HTMLOListElement>(null);
  const rootRef = useRef<HTMLElement>(null);

  // Only these documents stay open in pdf.js; all of them go when the viewer closes.
  const keys = [...new Set(pages.map((p) => p.documentKey))].join('\n');
  useEffect(() => {
    keepOnly(new Set(keys.split('\n').filter(Boolean)), false);
    return () => keepOnly(new Set());
  }, [keys]);
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

  const count = pages.length;
  const rotationOf = (page: number): Rotation => rotations[String(page)] ?? 0;
  const pageRef = (page: number): ViewerPageRef => ({ ...pages[page]!, rotation: rotationOf(page) });
  const go = (to: number) => setIndex(Math.max(0, Math.min(count - 1, to)));
  const turnedSize = rotationOf(index) % 180 === 0 ? pageSize : { width: pageSize.height, height: pageSize.width };
  const width = pageWidth(zoom, stage, turnedSize);
  const percent = typeof zoom === 'number' ? zoom : width / (turnedSize.width * CSS_PX_PER_PT);
  const turn = (page: number | null) => void onTurn(page).then(setProblem);
  const turnedWords = (page: number) => (rotationOf(page) ? `, turned ${rotationOf(page)}°` : '');

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
    else if (e.key === 'Escape') { e.preventDefault(); onClose(); }
  };
  // The window's keys, not the section's: focus may sit on the page itself (after printing, say).
  const keyHandler = useRef(onKeyDown);
  useEffect(() => { keyHandler.current = onKeyDown; });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keyHandler.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const shownProblem = problem ?? props.problem ?? null;
  return (
    <section ref={rootRef} className="pane fax-viewer" aria-labelledby="viewer-title" tabIndex={-1}>
      <header className="pane-header viewer-header">
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape">← Back to the list</button>
        <h1 id="viewer-title" tabIndex={-1}>{props.title}</h1>
        <span className="muted">{count > 0 ? plural(count, 'page') : ''}{props.note ? ` · ${props.note}` : ''}</span>
      </header>
      {props.actions && <div className="viewer-actions">{props.actions}</div>}
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
        {props.tools?.(index)}
      </div>
      {shownProblem && <p className="error-text pad" role="alert">{shownProblem}</p>}
      <div className="viewer-body">
        <ol ref={thumbsRef} className="viewer-thumbs" aria-label="Pages">
          {pages.map((_p, page) => (
            <li key={page}>
              <button type="button" className="viewer-thumb" aria-current={page === index ? 'page' : undefined} onClick={() => go(page)} aria-label={`Page ${page + 1}${turnedWords(page)}`}>
                <PageThumb page={pageRef(page)} root={thumbsRef} label="" />
                <span className="viewer-thumb-number" aria-hidden="true">{page + 1}</span>
              </button>
            </li>
          ))}
        </ol>
        {/* Focusable, so a zoomed page can be scrolled with the keyboard too. */}
        <div ref={stageRef} className="viewer-stage" tabIndex={0} role="region" aria-label="Page view">
          {count > 0 && stage.width > 0 && (
            <PageCanvas page={pageRef(index)} width={width} active queued={false} label={`Page ${index + 1} of ${count}${turnedWords(index)}`} />
          )}
        </div>
      </div>
    </section>
  );
}
