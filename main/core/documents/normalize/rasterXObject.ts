import { deflateSync } from 'node:zlib';
import {
  concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, type PDFDocument,
} from '@cantoo/pdf-lib';
import { PAPER_SIZE, type Box } from './pageLayout';
import type { Paper } from './normalizeTypes';

/** An image ready to become a PDF image XObject, in the form it is stored. */
export type Raster =
  /** Uncompressed samples, row by row (1 bit: rows padded to whole bytes, 1 = white), Flate-compressed here. */
  | { format: 'pixels'; data: Uint8Array; width: number; height: number; channels: 1 | 3; bitsPerComponent: 1 | 8 }
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
    case 'pixels':
      return doc.context.stream(deflateSync(raster.data), {
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

/** Packs 8-bit grey samples into 1-bit rows (1 = white), for bilevel pages. */
export function packBilevel(grey: Uint8Array, width: number, height: number): Uint8Array {
  const rowBytes = Math.ceil(width / 8);
  const packed = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * rowBytes + (x >> 3);
      if (grey[y * width + x]! >= 128) packed[at] = packed[at]! | (0x80 >> (x & 7));
    }
  }
  return packed;
}

/** True when every sample is pure black or pure white (a scan or line art that 1 bit holds exactly). */
export function isBilevel(grey: Uint8Array): boolean {
  for (const sample of grey) if (sample !== 0 && sample !== 255) return false;
  return true;
}
