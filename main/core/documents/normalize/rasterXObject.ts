import {
  concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, type PDFDocument,
} from '@cantoo/pdf-lib';
import { PAPER_SIZE, type Box } from './pageLayout';
import type { Paper } from './normalizeTypes';

/** An image ready to become a PDF image XObject, in the form it is stored. */
export type Raster =
  /** Flate-compressed samples, row by row (1 bit: rows padded to whole bytes, 1 = white). */
  | { format: 'flate'; data: Uint8Array; width: number; height: number; channels: 1 | 3; bitsPerComponent: 1 | 8 }
  /** A baseline JPEG, stored as it is (DCTDecode). */
  | { format: 'jpeg'; data: Uint8Array; width: number; height: number; channels: 1 | 3 }
  /** CCITT fax data as a TIFF strip holds it, stored as it is (CCITTFaxDecode). */
  | { format: 'ccitt'; data: Uint8Array; width: number; height: number; k: number; encodedByteAlign: boolean; blackIs1: boolean };

/** Adds a `paper`-sized page showing `raster` in `box` (stretched to it: pixels need not be square). */
export function addRasterPage(doc: PDFDocument, paper: Paper, raster: Raster, box: Box): void {
  const page = doc.addPage([...PAPER_SIZE[paper]]);
  const ref = doc.context.register(imageStream(doc, raster));
  const name = page.node.newXObject('Im', ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(box.width, 0, 0, box.height, box.x, box.y),
    drawObject(name),
    popGraphicsState(),
  );
}

function imageStream(doc: PDFDocument, raster: Raster) {
  const common = { Type: 'XObject', Subtype: 'Image', Width: raster.width, Height: raster.height };
  switch (raster.format) {
    case 'flate':
      return doc.context.stream(raster.data, {
        ...common, ColorSpace: raster.channels === 1 ? 'DeviceGray' : 'DeviceRGB',
        BitsPerComponent: raster.bitsPerComponent, Filter: 'FlateDecode',
      });
    case 'jpeg':
      return doc.context.stream(raster.data, {
        ...common, ColorSpace: raster.channels === 1 ? 'DeviceGray' : 'DeviceRGB', BitsPerComponent: 8, Filter: 'DCTDecode',
      });
    case 'ccitt': {
      const parms = doc.context.obj({
        K: raster.k, Columns: raster.width, Rows: raster.height,
        BlackIs1: raster.blackIs1, EncodedByteAlign: raster.encodedByteAlign,
      });
      return doc.context.stream(raster.data, {
        ...common, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Filter: 'CCITTFaxDecode', DecodeParms: parms,
      });
    }
  }
}
