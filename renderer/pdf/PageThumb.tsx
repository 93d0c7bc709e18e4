import { useId, useRef, type RefObject } from 'react';
import type { PreviewPage } from './previewPages';
import { usePageCanvas, type FaxView } from './usePageCanvas';
import { useNear } from './useNear';

/** Thumbnails are drawn this many CSS pixels wide (CSS may show them slightly smaller). */
export const THUMB_WIDTH = 160;

/** What a thumbnail's buttons do; the grid knows the list. */
export interface PageActions {
  open(index: number): void;
  rotate(id: string): void;
  remove(id: string): void;
  move(id: string, to: number): void;
}

interface ThumbProps {
  page: PreviewPage;
  count: number;
  scrollRoot: RefObject<HTMLElement | null>;
  fax: FaxView | null;
  /** The one page of the grid that Tab reaches (roving focus); arrow keys move it. */
  current: boolean;
  hintId: string;
  actions: PageActions;
  dropSide: 'before' | 'after' | null;
}

export function PageThumb({ page, count, scrollRoot, fax, current, hintId, actions, dropSide }: ThumbProps) {
  const boxRef = useRef<HTMLLIElement>(null);
  const near = useNear(boxRef, scrollRoot);
  const { canvasRef, phase, aspect, warnings } = usePageCanvas(page, near, THUMB_WIDTH, fax, { queued: true });
  const id = useId();
  const tab = current ? 0 : -1;
  const drop = dropSide ? ` drop-${dropSide}` : '';
  return (
    <li ref={boxRef} className={`thumb-item${drop}`} data-page-id={page.id} draggable>
      <button
        type="button"
        className="thumb"
        tabIndex={tab}
        data-page-index={page.index}
        title={page.kind === 'page' ? `${page.docName}, page ${page.pageNumber}` : page.docName}
        aria-labelledby={`${id}-page`}
        aria-describedby={[phase === 'failed' ? `${id}-error` : '', warnings.length ? `${id}-warn` : '', hintId].filter(Boolean).join(' ')}
        onClick={() => actions.open(page.index)}
      >
        {page.kind === 'page' ? (
          <span className={`thumb-sheet thumb-${phase}${fax ? ' fax-sheet' : ''}`} style={{ aspectRatio: aspect }}>
            <canvas ref={canvasRef} id={`${id}-page`} role="img" aria-label={page.label} width={0} height={0} />
            {phase === 'failed' && <span id={`${id}-error`} className="thumb-error">This page could not be shown.</span>}
          </span>
        ) : (
          <span className="thumb-sheet docx-thumb" id={`${id}-page`} role="img" aria-label={page.label}>
            <span className="docx-thumb-icon" aria-hidden="true">W</span>
            <span className="docx-thumb-note" aria-hidden="true">Approximate preview — the fax service converts it</span>
          </span>
        )}
      </button>
      {/* Under the button, not in it: a control's visible words must be part of its name, and this
          short caption repeats what the name says in full. The file name stays out of it (the
          tooltip and the accessible name carry it). */}
      <span className="thumb-caption" aria-hidden="true">
        {page.index + 1}
        <span className="thumb-doc">{page.provisional ? 'checking…' : page.locked ? 'cover' : page.kind === 'page' ? `p. ${page.pageNumber}${page.rotation ? ` · ${page.rotation}°` : ''}` : 'pages unknown'}</span>
      </span>
      {warnings.length > 0 && (
        <span id={`${id}-warn`} className="thumb-warning" title={warnings.map((w) => w.text).join('\n')}>
          <span aria-hidden="true">⚠ {warnings.length}</span>
          <span className="sr-only">May print badly: {warnings.map((w) => w.text).join(' ')}</span>
        </span>
      )}
      {page.locked ? <span className="thumb-actions thumb-locked">{page.provisional ? 'Being checked' : 'Cover page'}</span> : <span className="thumb-actions">
        <button type="button" className="icon-button" tabIndex={tab} aria-label={`Move ${page.name} earlier`} disabled={page.index === 0} onClick={() => actions.move(page.id, page.index - 1)}>←</button>
        {page.kind === 'page' && (
          <button type="button" className="icon-button" tabIndex={tab} aria-label={`Rotate ${page.name}`} onClick={() => actions.rotate(page.id)}>↻</button>
        )}
        <button type="button" className="icon-button" tabIndex={tab} aria-label={`Move ${page.name} later`} disabled={page.index >= count - 1} onClick={() => actions.move(page.id, page.index + 1)}>→</button>
        <button type="button" className="icon-button" tabIndex={tab} aria-label={`Remove ${page.name}`} onClick={() => actions.remove(page.id)}>×</button>
      </span>}
    </li>
  );
}
