/**
 * The line Sinch prints at the top of every page as it transmits (`headerText`, with the date and,
 * by default, page numbers). It is never in the PDF, so the fax view draws it where it will be.
 */
export interface HeaderLine {
  text: string;
  pageNumber: number;
  pageCount: number;
  /** When it is sent; the preview uses now. */
  at: Date;
}

/** Height of the strip the line takes at the top of the page, and its type size, in inches. */
const STRIP_IN = 0.22;
const TYPE_IN = 0.11;

export function headerLineText({ text, pageNumber, pageCount, at }: HeaderLine): string {
  const when = at.toLocaleString(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return [when, text.trim(), `Page ${pageNumber} of ${pageCount}`].filter(Boolean).join('    ');
}

/**
 * Draws the line over the top strip of a page rendered at `dpiX` × `dpiY` (before it is binarised,
 * so it comes out as the fax machine prints it: tall pixels at standard resolution).
 */
export function drawHeaderLine(ctx: CanvasRenderingContext2D, width: number, dpiX: number, dpiY: number, line: HeaderLine): void {
  ctx.save();
  ctx.setTransform(1, 0, 0, dpiY / dpiX, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, STRIP_IN * dpiX);
  ctx.fillStyle = '#000000';
  ctx.font = `${Math.round(TYPE_IN * dpiX)}px monospace`;
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(headerLineText(line), 0.25 * dpiX, (STRIP_IN - 0.05) * dpiX, width - 0.5 * dpiX);
  ctx.restore();
}
