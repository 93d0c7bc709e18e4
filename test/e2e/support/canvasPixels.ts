import type { Locator } from '@playwright/test';

/** What a canvas holds, read back from its pixels (in the page). */
export interface CanvasPixels {
  width: number;
  height: number;
  /** Pixels read (the band asked for). */
  read: number;
  /** Pixels darker than mid-grey. */
  dark: number;
  /** Pixels that are neither pure black nor pure white (or not opaque). */
  grey: number;
}

/** A canvas as seen from the page; typed structurally because this file compiles without the DOM library. */
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/**
 * Reads a canvas's pixels; `rows` limits it to a band of rows given as shares of the height
 * (e.g. [0, 0.02] the top 2%). An empty canvas (not drawn, or freed) answers zeros.
 */
export function canvasPixels(canvas: Locator, rows: [number, number] = [0, 1]): Promise<CanvasPixels> {
  return canvas.evaluate((el, [from, to]) => {
    const c = el as unknown as Canvas;
    const out = { width: c.width, height: c.height, read: 0, dark: 0, grey: 0 };
    if (c.width === 0 || c.height === 0) return out;
    const y0 = Math.floor(c.height * from);
    const h = Math.max(1, Math.ceil(c.height * to) - y0);
    const data = c.getContext('2d')!.getImageData(0, y0, c.width, h).data;
    out.read = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if ((r + g + b) / 3 < 128) out.dark++;
      if (!(a === 255 && r === g && g === b && (r === 0 || r === 255))) out.grey++;
    }
    return out;
  }, rows);
}
