import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { firstPageImage } from '../documents/firstPageImage';

/** What a transmission report says, as plain label/value rows (composed on the main thread). */
export interface ReportInput {
  title: string;
  /** "Demo — not transmitted", drawn large, for faxes from a Demo account. */
  stamp?: string;
  rows: Array<[label: string, value: string]>;
  /** What the provider does not report, one line each. */
  notes: string[];
  /** The files sent, in order: their SHA-256 is taken here, from the exact bytes; the first PDF gives the thumbnail. */
  files: Array<{ path: string; name: string; contentType: string }>;
}

const MARGIN = 56;
const WIDTH = 612;
const HEIGHT = 792;

/** The one-page transmission report as PDF bytes (task `report.transmission`, in a worker). */
export async function layoutReport(input: ReportInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(input.title);
  doc.setProducer('Faxdesk');
  const page = doc.addPage([WIDTH, HEIGHT]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const mono = await doc.embedFont(StandardFonts.Courier);
  let y = HEIGHT - MARGIN;
  page.drawText(input.title, { x: MARGIN, y: y - 18, size: 18, font: bold });
  y -= 34;
  if (input.stamp) {
    page.drawText(input.stamp, { x: MARGIN, y: y - 14, size: 14, font: bold, color: rgb(0.7, 0.1, 0.1) });
    y -= 26;
  }
  const thumbnail = await thumbnailOf(input.files);
  if (thumbnail) {
    const image = await doc.embedPng(thumbnail);
    const scaled = image.scaleToFit(150, 195);
    page.drawRectangle({ x: WIDTH - MARGIN - scaled.width - 1, y: y - scaled.height - 1, width: scaled.width + 2, height: scaled.height + 2, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 1 });
    page.drawImage(image, { x: WIDTH - MARGIN - scaled.width, y: y - scaled.height, width: scaled.width, height: scaled.height });
    page.drawText('First page', { x: WIDTH - MARGIN - scaled.width, y: y - scaled.height - 14, size: 8, font: regular, color: rgb(0.4, 0.4, 0.4) });
  }
  const textWidth = WIDTH - 2 * MARGIN - (thumbnail ? 170 : 0);
  for (const [label, value] of input.rows) y = drawRow(page, label, value, y, { regular, bold }, textWidth);
  y -= 10;
  page.drawText('Documents sent (SHA-256 of the exact bytes)', { x: MARGIN, y: y - 11, size: 10, font: bold });
  y -= 18;
  for (const file of input.files) {
    const sha256 = createHash('sha256').update(await readFile(file.path)).digest('hex');
    y = drawRow(page, file.name, sha256, y, { regular, bold: regular, value: mono }, WIDTH - 2 * MARGIN, 8);
  }
  y -= 10;
  for (const note of input.notes) {
    page.drawText(note, { x: MARGIN, y: y - 10, size: 9, font: regular, color: rgb(0.35, 0.35, 0.35) });
    y -= 14;
  }
  return doc.save();
}

async function thumbnailOf(files: ReportInput['files']): Promise<Uint8Array | undefined> {
  const pdf = files.find((file) => file.contentType === 'application/pdf');
  return pdf ? firstPageImage(new Uint8Array(await readFile(pdf.path))) : undefined;
}

/** One label/value row; long values wrap under themselves. Returns the next baseline. */
function drawRow(page: PDFPage, label: string, value: string, y: number, fonts: { regular: PDFFont; bold: PDFFont; value?: PDFFont }, width: number, size = 10): number {
  const labelWidth = 130;
  page.drawText(label, { x: MARGIN, y: y - size, size, font: fonts.bold });
  const font = fonts.value ?? fonts.regular;
  const lines = wrap(value, font, size, width - labelWidth);
  lines.forEach((line, i) => page.drawText(line, { x: MARGIN + labelWidth, y: y - size - i * (size + 3), size, font }));
  return y - Math.max(1, lines.length) * (size + 3) - 4;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (font.widthOfTextAtSize(line + char, size) > width && line) {
      const space = line.lastIndexOf(' ');
      if (space > 0) {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1);
      } else {
        lines.push(line);
        line = '';
      }
    }
    line += char;
  }
  if (line) lines.push(line);
  return lines;
}
