import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

const requireHere = createRequire(import.meta.url);
const pdfjsRoot = () => dirname(requireHere.resolve('pdfjs-dist/package.json'));

/**
 * The first page of a PDF as a small PNG (for a report's thumbnail), rendered by pdf.js with the
 * one @napi-rs/canvas copy it loads itself, with fonts and the wasm decoders so scanned pages show
 * their ink. Runs in a worker. Undefined when the file cannot be drawn.
 */
export async function firstPageImage(data: Uint8Array, widthPx = 240): Promise<Uint8Array | undefined> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data, verbosity: 0,
    // In Node pdf.js reads these with fs: plain folder paths with a trailing separator, not file: URLs.
    standardFontDataUrl: join(pdfjsRoot(), 'standard_fonts') + sep,
    wasmUrl: join(pdfjsRoot(), 'wasm') + sep,
  });
  try {
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: widthPx / page.getViewport({ scale: 1 }).width });
    const factory = doc.canvasFactory as { create(width: number, height: number): { canvas: { toBuffer(type: string): Buffer }; context: unknown } };
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    // pdf.js's types name the DOM canvas; in Node it draws on the @napi-rs/canvas its factory made.
    const params = { canvasContext: context, canvas, viewport } as unknown as Parameters<typeof page.render>[0];
    await page.render(params).promise;
    return new Uint8Array(canvas.toBuffer('image/png'));
  } catch {
    return undefined;
  } finally {
    await task.destroy();
  }
}
