import { concatTransformationMatrix, drawObject, PDFDocument, PDFName, popGraphicsState, pushGraphicsState } from 'pdf-lib';

/**
 * A scanned page as fax machines and scanners write it: one CCITT G4 image filling a Letter page.
 * The G4 stream is written by hand in vertical modes only (no run-length tables needed): white
 * rows, then a black wedge growing 3 pixels a row from the right edge, held, then shrinking back.
 */
export const SCAN = { columns: 1728, rows: 2200, top: 200, grow: 500, hold: 300 } as const;

const V0 = '1';
const VL3 = '0000010';
const VR3 = '0000011';
const EOL = '000000000001';

/** The G4 code of a page `rows` high (at least top + 2·grow + hold): the wedge, then white rows to the end. */
function g4Bits(rows: number = SCAN.rows): string {
  const { top, grow, hold } = SCAN;
  const lines: string[] = [];
  for (let y = 0; y < top; y++) lines.push(V0);
  // Each wedge row starts black 3 pixels further left than the row above (VL3), then runs to the edge (V0).
  for (let y = 0; y < grow; y++) lines.push(VL3 + V0);
  for (let y = 0; y < hold; y++) lines.push(V0 + V0);
  // Shrinking: the black starts 3 pixels further right (VR3); the last step reaches the edge and ends the row.
  for (let y = 0; y < grow - 1; y++) lines.push(VR3 + V0);
  lines.push(VR3);
  while (lines.length < rows) lines.push(V0);
  return lines.join('') + EOL + EOL;
}

/** A G4 strip of the wedge page, `rows` high, as TIFF and PDF hold it. */
export function g4Strip(rows: number = SCAN.rows): Uint8Array {
  return pack(g4Bits(rows));
}

function pack(bits: string): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(bits.length / 8));
  for (let i = 0; i < bits.length; i++) if (bits[i] === '1') bytes[i >> 3]! |= 0x80 >> (i & 7);
  return bytes;
}

/** Pixel rows (in the image, top first) where the wedge is widest: black from x = columns − 3·grow to the edge. */
export const SCAN_INK_ROWS = { from: SCAN.top + SCAN.grow, to: SCAN.top + SCAN.grow + SCAN.hold } as const;

export async function makeScannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const image = doc.context.register(doc.context.stream(g4Strip(), {
    Type: 'XObject', Subtype: 'Image', Width: SCAN.columns, Height: SCAN.rows, ColorSpace: 'DeviceGray', BitsPerComponent: 1,
    Filter: 'CCITTFaxDecode', DecodeParms: { K: -1, Columns: SCAN.columns, Rows: SCAN.rows },
  }));
  const page = doc.addPage([612, 792]);
  page.node.setXObject(PDFName.of('Scan'), image);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(612, 0, 0, 792, 0, 0), drawObject('Scan'), popGraphicsState());
  return Buffer.from(await doc.save());
}
