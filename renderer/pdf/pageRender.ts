import type { PDFPageProxy, RenderTask } from 'pdfjs-dist';
import type { Rotation } from '../../common/domain/document';
import { drawHeaderLine, type HeaderLine } from './faxHeader';
import { binarizeInWorker } from './faxWorkerClient';
import { faxWarnings, smallestTextPt, type FaxWarning } from './faxWarnings';
import { firstPageDrawn } from './localFiles';
import { PreviewCancelled, limited, openDocument } from './pdfDocuments';

/** A page of what is sent, as the preview draws it: which document, which page, turned how far. */
export interface PageSource {
  documentId: string;
  url: string;
  /** 1-based, as pdf.js counts. */
  pageNumber: number;
  /** Clockwise, on top of the page's own rotation. */
  rotation: Rotation;
}

export interface PageRender<T> { done: Promise<T>; cancel(): void }

/** Fax resolutions: 204 dpi across; 196 (fine) or 98 (standard) lines per inch down. */
export type FaxResolution = 'fine' | 'standard';
export const FAX_DPI_X = 204;
export const FAX_DPI_Y: Record<FaxResolution, number> = { fine: 196, standard: 98 };

export interface FaxPageResult {
  warnings: FaxWarning[];
  /** Width ÷ height of the sheet (standard-resolution pixels are twice as tall as wide). */
  aspect: number;
  renderMs: number;
  binarizeMs: number;
}

interface Step { check(): void; track(task: RenderTask | null): void }

/** Runs `work` (queued behind other renders when asked); `cancel` stops it at its next step. */
function cancellable<T>(queued: boolean, work: (step: Step) => Promise<T>): PageRender<T> {
  let cancelled = false;
  let task: RenderTask | null = null;
  const step: Step = {
    check() { if (cancelled) throw new PreviewCancelled(); },
    track(t) { task = t; },
  };
  const run = async () => {
    step.check();
    try {
      return await work(step);
    } catch (error) {
      throw cancelled ? new PreviewCancelled() : error;
    }
  };
  return {
    done: queued ? limited(run) : run(),
    cancel() {
      cancelled = true;
      task?.cancel();
    },
  };
}

async function openPage(source: PageSource, step: Step): Promise<PDFPageProxy> {
  const doc = await openDocument(source.documentId, source.url);
  step.check();
  const page = await doc.getPage(source.pageNumber);
  step.check();
  return page;
}

async function draw(page: PDFPageProxy, canvas: HTMLCanvasElement, params: Omit<Parameters<PDFPageProxy['render']>[0], 'canvas'>, step: Step) {
  const task = page.render({ ...params, canvas });
  step.track(task);
  try {
    await task.promise;
  } finally {
    step.track(null);
  }
}

/** Renders one page into `canvas`, `cssWidth` CSS pixels wide (sharp up to 2× device pixels), turned as it will be sent. */
export function renderPreviewPage(source: PageSource, canvas: HTMLCanvasElement, cssWidth: number, queued = true): PageRender<void> {
  return cancellable(queued, async (step) => {
    const page = await openPage(source, step);
    try {
      const rotation = (page.rotate + source.rotation) % 360;
      const ratio = Math.min(window.devicePixelRatio || 1, 2);
      const scale = (cssWidth / page.getViewport({ scale: 1, rotation }).width) * ratio;
      const viewport = page.getViewport({ scale, rotation });
      canvas.width = Math.max(1, Math.floor(viewport.width));
      canvas.height = Math.max(1, Math.floor(viewport.height));
      await draw(page, canvas, { viewport }, step);
      firstPageDrawn(source.url);
    } finally {
      page.cleanup();
    }
  });
}

export interface FaxRenderOptions {
  resolution: FaxResolution;
  header: HeaderLine | null;
  /** Draw at this CSS width (thumbnails); without it the canvas gets the fax's own pixels, pure black and white. */
  cssWidth?: number;
}

/**
 * Renders one page as the far end's fax machine prints it: pdf.js at 204 × 196 or 204 × 98 dpi, the
 * header line on top, then binarised in a worker. Answers what may print badly and the time taken.
 */
export function renderFaxPage(source: PageSource, canvas: HTMLCanvasElement, options: FaxRenderOptions, queued = true): PageRender<FaxPageResult> {
  return cancellable(queued, async (step) => {
    const page = await openPage(source, step);
    const work = document.createElement('canvas');
    try {
      const dpiY = FAX_DPI_Y[options.resolution];
      const rotation = (page.rotate + source.rotation) % 360;
      const viewport = page.getViewport({ scale: FAX_DPI_X / 72, rotation });
      work.width = Math.max(1, Math.round(viewport.width));
      work.height = Math.max(1, Math.round(viewport.height * (dpiY / FAX_DPI_X)));
      const started = performance.now();
      // Squeezed vertically on top of the viewport: standard resolution has half as many lines.
      await draw(page, work, { viewport, intent: 'print', transform: [1, 0, 0, dpiY / FAX_DPI_X, 0, 0] }, step);
      const renderMs = performance.now() - started;
      const ctx = work.getContext('2d', { willReadFrequently: true })!;
      if (options.header) drawHeaderLine(ctx, work.width, FAX_DPI_X, dpiY, options.header);
      const [binarized, text] = await Promise.all([
        binarizeInWorker(ctx.getImageData(0, 0, work.width, work.height)),
        page.getTextContent(),
      ]);
      step.check();
      if (options.cssWidth) {
        // A thumbnail: the fax pixels, scaled down to the thumbnail's size.
        ctx.putImageData(binarized.image, 0, 0);
        const ratio = Math.min(window.devicePixelRatio || 1, 2);
        canvas.width = Math.max(1, Math.round(options.cssWidth * ratio));
        canvas.height = Math.max(1, Math.round((canvas.width * viewport.height) / viewport.width));
        canvas.getContext('2d')!.drawImage(work, 0, 0, canvas.width, canvas.height);
      } else {
        canvas.width = work.width;
        canvas.height = work.height;
        canvas.getContext('2d')!.putImageData(binarized.image, 0, 0);
      }
      return {
        warnings: faxWarnings(binarized.stats, smallestTextPt(text.items as Array<{ str?: string; transform?: number[] }>)),
        aspect: viewport.width / viewport.height,
        renderMs,
        binarizeMs: binarized.ms,
      };
    } finally {
      work.width = 0;
      work.height = 0;
      page.cleanup();
    }
  });
}
