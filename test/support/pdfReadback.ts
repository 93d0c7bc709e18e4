import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from '@cantoo/pdf-lib';
import { pdfjsFolders } from '../../main/core/documents/pdfjsNode';

/** Reading back what a normaliser wrote: as pdf.js renders it and as its objects say. */

async function openPdf(bytes: Uint8Array) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument({ data: bytes.slice(), ...pdfjsFolders(), verbosity: 0 });
}

interface NodeCanvas {
  canvas: { width: number; height: number };
  context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}

/** Renders a page with pdf.js (wasm decoders on) and measures its ink. */
export async function renderPage(bytes: Uint8Array, pageNumber = 1, scale = 0.5) {
  const task = await openPdf(bytes);
  try {
    const doc = await task.promise;
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    // The one @napi-rs/canvas pdf.js loads itself (a second copy crashes on images).
    const factory = doc.canvasFactory as { create(width: number, height: number): NodeCanvas };
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas: canvas as never, viewport }).promise;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const isDark = (x: number, y: number) => data[(y * canvas.width + x) * 4]! < 128;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++;
    /** Rows (top to bottom) in which column x is dark. */
    const darkRows = (x: number) => Array.from({ length: canvas.height }, (_, y) => y).filter((y) => isDark(x, y));
    return { width: canvas.width, height: canvas.height, dark, isDark, darkRows, pixel: (x: number, y: number) => [...data.subarray((y * canvas.width + x) * 4, (y * canvas.width + x) * 4 + 3)] };
  } finally {
    await task.destroy();
  }
}

/** The text pdf.js finds on each page. */
export async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const task = await openPdf(bytes);
  try {
    const doc = await task.promise;
    const texts: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return texts;
  } finally {
    await task.destroy();
  }
}

export interface PageFacts {
  width: number;
  height: number;
  rotation: number;
  annotations: number;
}

export async function pageFacts(bytes: Uint8Array): Promise<PageFacts[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPages().map((page) => ({
    ...page.getSize(), rotation: page.getRotation().angle, annotations: page.node.Annots()?.size() ?? 0,
  }));
}

export interface ImageFacts {
  filter: string | undefined;
  width: number;
  height: number;
  bitsPerComponent: number;
  colorSpace: string | undefined;
  params: Record<string, string>;
  /** The stream's bytes as stored (still encoded). */
  data: Uint8Array;
}

/** The image XObjects of each page, as stored. */
export async function pageImages(bytes: Uint8Array): Promise<ImageFacts[][]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPages().map((page) => {
    const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    return (xobjects?.values() ?? []).map((ref) => doc.context.lookup(ref as PDFRef))
      .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream && String(stream.dict.get(PDFName.of('Subtype'))) === '/Image')
      .map((stream) => {
        const get = (key: string) => stream.dict.get(PDFName.of(key));
        const parms = stream.dict.lookupMaybe(PDFName.of('DecodeParms'), PDFDict);
        return {
          filter: get('Filter')?.toString().slice(1), width: Number(get('Width')?.toString()), height: Number(get('Height')?.toString()),
          bitsPerComponent: Number(get('BitsPerComponent')?.toString()), colorSpace: get('ColorSpace')?.toString().slice(1),
          params: Object.fromEntries((parms?.entries() ?? []).map(([key, value]) => [key.toString().slice(1), value.toString()])),
          data: stream.contents,
        };
      });
  });
}

/** The first image XObject of a page (1-based); fails the test when there is none. */
export async function firstImage(bytes: Uint8Array, pageNumber = 1): Promise<ImageFacts> {
  const image = (await pageImages(bytes))[pageNumber - 1]?.[0];
  if (!image) throw new Error(`page ${pageNumber} has no image`);
  return image;
}
