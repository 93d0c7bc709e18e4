import { useEffect, useRef, useState } from 'react';
import type { FaxWarning } from './faxWarnings';
import { renderFaxPage, renderPreviewPage, type FaxResolution, type PageRender } from './pageRender';
import { PreviewCancelled } from './pdfDocuments';
import type { PreviewPage } from './previewPages';

/** The fax view's settings; null shows pages as they are. */
export interface FaxView {
  resolution: FaxResolution;
  /** Sinch's header line (its text), when the account sends one. */
  headerText: string | null;
  pageCount: number;
}

export type Phase = 'waiting' | 'done' | 'failed';
const LETTER = 612 / 792;

interface Options {
  /** Wait behind other renders (thumbnails), or go at once (the large page). */
  queued: boolean;
  /** The large page in the fax view keeps the fax's own pixels instead of scaling them to `cssWidth`. */
  faxPixels?: boolean;
}

/**
 * Draws `page` into the returned canvas ref while `active`, as it is sent or as the fax machine
 * prints it; frees the canvas when it stops being active (scrolled away, closed, changed).
 */
export function usePageCanvas(page: PreviewPage, active: boolean, cssWidth: number, fax: FaxView | null, options: Options) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [result, setResult] = useState<{ phase: Phase; aspect: number; warnings: FaxWarning[] }>({ phase: 'waiting', aspect: LETTER, warnings: [] });
  const { documentId, url, pageNumber, rotation, index, kind } = page;
  const { queued, faxPixels = false } = options;
  const resolution = fax?.resolution ?? null;
  // The fax's own pixels do not depend on the width shown: zooming them re-renders nothing.
  const width = resolution !== null && faxPixels ? 1 : cssWidth;
  // Only a page with a header line depends on its place in the fax (the line says "Page 3 of 7").
  const headerText = fax?.headerText ?? null;
  const headerPage = headerText === null ? 0 : index + 1;
  const headerPages = headerText === null ? 0 : fax?.pageCount ?? 0;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!active || !canvas || width <= 0 || kind !== 'page') return;
    let live = true;
    const source = { documentId, url, pageNumber, rotation };
    let job: PageRender<unknown>;
    if (resolution === null) {
      const render = renderPreviewPage(source, canvas, width, queued);
      render.done.then(() => { if (live) setResult({ phase: 'done', aspect: canvas.width / canvas.height, warnings: [] }); }, fail);
      job = render;
    } else {
      const header = headerText === null ? null : { text: headerText, pageNumber: headerPage, pageCount: headerPages, at: new Date() };
      const render = renderFaxPage(source, canvas, { resolution, header, cssWidth: faxPixels ? undefined : width }, queued);
      render.done.then((r) => {
        if (!live) return;
        // Read by bench/faxView.ts and by people curious how long the fax view takes.
        canvas.dataset.renderMs = r.renderMs.toFixed(1);
        canvas.dataset.binarizeMs = r.binarizeMs.toFixed(1);
        setResult({ phase: 'done', aspect: r.aspect, warnings: r.warnings });
      }, fail);
      job = render;
    }
    function fail(error: unknown) {
      if (!live || error instanceof PreviewCancelled) return;
      console.warn('preview: a page could not be rendered', { pageNumber, error: String(error) });
      setResult((r) => ({ ...r, phase: 'failed' }));
    }
    return () => {
      live = false;
      job.cancel();
      // Out of view (or gone): let the pixels go; the last known shape keeps the layout steady.
      canvas.width = 0;
      canvas.height = 0;
      setResult((r) => (r.phase === 'waiting' ? r : { ...r, phase: 'waiting' }));
    };
  }, [active, documentId, url, pageNumber, rotation, kind, width, queued, faxPixels, resolution, headerText, headerPage, headerPages]);
  return { canvasRef, ...result };
}
