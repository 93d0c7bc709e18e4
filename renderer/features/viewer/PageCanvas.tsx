import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Rotation } from '../../../common/domain/document';
import { renderPreviewPage } from '../../pdf/pageRender';
import { PreviewCancelled } from '../../pdf/pdfDocuments';
import { useNear } from '../../pdf/useNear';

/** Which page of which document, turned how far (the viewer's rotation, on top of the page's own). */
export interface ViewerPageRef {
  /** pdf.js caches documents by this key (see viewerDocumentId). */
  documentKey: string;
  url: string;
  /** 1-based, as pdf.js counts. */
  pageNumber: number;
  rotation: Rotation;
}

/** pdf.js caches documents by this key; the viewer's are kept apart from compose's documents. */
export const viewerDocumentId = (kind: 'inbox' | 'sent', id: string) => `${kind}:${id}`;

/**
 * One page of a fax drawn by pdf.js (in its worker) at `width` CSS pixels while `active`;
 * the canvas is freed when it stops being active.
 */
export function PageCanvas({ page, width, active, label, queued }: { page: ViewerPageRef; width: number; active: boolean; label: string; queued: boolean }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [phase, setPhase] = useState<'waiting' | 'done' | 'failed'>('waiting');
  const { documentKey, url, pageNumber, rotation } = page;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!active || !canvas || width <= 0) return;
    let live = true;
    setPhase('waiting');
    const render = renderPreviewPage({ documentId: documentKey, url, pageNumber, rotation }, canvas, width, queued);
    render.done.then(() => { if (live) setPhase('done'); }, (error: unknown) => { if (live && !(error instanceof PreviewCancelled)) setPhase('failed'); });
    return () => {
      live = false;
      render.cancel();
      canvas.width = 0;
      canvas.height = 0;
    };
  }, [active, width, documentKey, url, pageNumber, rotation, queued]);
  return (
    <div className={`fax-page thumb-${phase}`} style={{ width }}>
      {/* Without a label (a thumbnail inside a button that names the page) the drawing is decoration. */}
      <canvas ref={canvasRef} role={label ? 'img' : undefined} aria-label={label || undefined} aria-hidden={label ? undefined : true} data-phase={phase} width={0} height={0} />
      {phase === 'failed' && <p className="thumb-error">This page could not be drawn.</p>}
    </div>
  );
}

/** A thumbnail: drawn only while near the visible part of its scrolling list. */
export function PageThumb({ page, root, label }: { page: ViewerPageRef; root: RefObject<HTMLElement | null>; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const near = useNear(ref, root);
  return (
    <div ref={ref}>
      <PageCanvas page={page} width={96} active={near} label={label} queued />
    </div>
  );
}
