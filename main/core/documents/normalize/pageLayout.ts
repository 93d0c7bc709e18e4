import type { Paper } from './normalizeTypes';

/** Paper sizes in PDF points (1/72 inch). */
export const PAPER_SIZE: Readonly<Record<Paper, readonly [number, number]>> = {
  letter: [612, 792],
  a4: [595.28, 841.89],
};

/** Half an inch: inside what fax machines and printers reliably print. */
export const MARGIN = 36;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a picture of `width`×`height` points goes on the page: scaled to fit the area inside
 * `margin` (down, or up at most `maxEnlarge` times), aspect kept, centred.
 */
export function fitOnPage(paper: Paper, width: number, height: number, { margin = 0, maxEnlarge = Infinity } = {}): Box {
  const [pageWidth, pageHeight] = PAPER_SIZE[paper];
  const scale = Math.min((pageWidth - 2 * margin) / width, (pageHeight - 2 * margin) / height, maxEnlarge);
  const placed = { width: width * scale, height: height * scale };
  return { x: (pageWidth - placed.width) / 2, y: (pageHeight - placed.height) / 2, ...placed };
}

/** Pixels to keep across `points` at `dpi`: never more than the image has. */
export function pixelsFor(points: number, dpi: number, available: number): number {
  return Math.max(1, Math.min(available, Math.round((points / 72) * dpi)));
}
