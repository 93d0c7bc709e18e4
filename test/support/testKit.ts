import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { concatTransformationMatrix, drawObject, PDFDocument, PDFName, popGraphicsState, pushGraphicsState, StandardFonts, type PDFPage } from 'pdf-lib';
import type { OutgoingDocument } from '../../main/core/providers/faxProvider';

/** Helpers every suite and bench shares: the one PDF factory, stream reading, polling. */

export interface PdfOptions {
  pages?: number;
  /** Text drawn on each page (followed by the page number); none leaves the pages blank. */
  text?: string;
  /** Adds an incompressible attachment, so the file grows by about this many bytes (Faxdesk drops attachments when it normalises a PDF). */
  paddingBytes?: number;
  /** Draws an incompressible image of about this many bytes on the first page: a PDF that stays this large once normalised. */
  imageBytes?: number;
}

/** A real PDF made with pdf-lib (tests make their own fixtures). */
export async function pdfBytes({ pages = 1, text, paddingBytes = 0, imageBytes = 0 }: PdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = text === undefined ? undefined : await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([612, 792]);
    if (font) page.drawText(`${text} ${n}/${pages}`, { x: 72, y: 700, size: 14, font });
    if (n === 1 && imageBytes > 0) drawNoise(doc, page, imageBytes);
  }
  if (paddingBytes > 0) await doc.attach(randomBytes(paddingBytes), 'padding.bin', { mimeType: 'application/octet-stream' });
  return doc.save();
}

/** An uncompressed grey image of random pixels (`bytes` of them), drawn across the page. */
function drawNoise(doc: PDFDocument, page: PDFPage, bytes: number): void {
  const side = Math.ceil(Math.sqrt(bytes));
  const image = doc.context.register(doc.context.stream(randomBytes(side * side), {
    Type: 'XObject', Subtype: 'Image', Width: side, Height: side, ColorSpace: 'DeviceGray', BitsPerComponent: 8,
  }));
  page.node.setXObject(PDFName.of('Noise'), image);
  page.pushOperators(...[pushGraphicsState(), concatTransformationMatrix(540, 0, 0, 540, 36, 126), drawObject('Noise'), popGraphicsState()]);
}

/** The same PDF as a Buffer (for base64 bodies and uploads). */
export async function pdfBuffer(options: PdfOptions = {}): Promise<Buffer> {
  return Buffer.from(await pdfBytes(options));
}

/** Writes a generated PDF to `dir/name` and describes it as a document to send. */
export async function writePdf(dir: string, name: string, pages = 1, paddingBytes = 0): Promise<OutgoingDocument> {
  const bytes = await pdfBytes({ pages, text: name, paddingBytes });
  const path = join(dir, name);
  await writeFile(path, bytes);
  return { path, name, contentType: 'application/pdf', sizeBytes: bytes.length };
}

export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Polls `check` until it returns something other than undefined/false; fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waitFor: ${what} not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
