import { PDFDocument } from '@cantoo/pdf-lib';
import { IMAGE_DPI, MIN_SIDE } from './imageNormalizer';
import type { Converted, Paper } from './normalizeTypes';
import { fitOnPage, pixelsFor, type Box } from './pageLayout';
import { checkPdfPages } from './pdfPageCheck';
import { asCompact, asJpeg, bilevelRaster } from './rasterEncoding';
import { addRasterPage, type Raster } from './rasterXObject';
import { Refusal } from './refusal';
import { loadSharp, UNTRUSTED } from './sharpLoader';
import { readTiffPages, type TiffPage } from './tiffDirectory';

const TIFF = 'TIFF image';

/** Grey and colour pages scanned finer than this are resampled to 200 dpi (bilevel pages never are). */
const RESAMPLE_ABOVE_DPI = 300;

/**
 * A TIFF (one page or many) as PDF pages of `paper`. Each page is placed at its physical size
 * (width ÷ x resolution, height ÷ y resolution: a 204×98 dpi fax page has tall pixels), shrunk to
 * fit the paper when larger, centred. Single-strip CCITT G3/G4 pages are copied into the PDF as
 * they are (exact, fast, as small as the TIFF); every other page is decoded by sharp (libtiff).
 */
export async function normalizeTiff(source: Uint8Array, paper: Paper): Promise<Converted> {
  let pages: TiffPage[] | undefined;
  try {
    pages = readTiffPages(source) ?? (await bigTiffPages(source));
  } catch {
    throw new Refusal('damaged', { readAs: TIFF });
  }
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (const [index, page] of pages.entries()) {
    if (Math.min(page.width, page.height) < MIN_SIDE) {
      if (pages.length === 1) throw new Refusal('too_small', { size: { width: page.width, height: page.height } });
      throw new Refusal('page_failed', { page: index + 1, readAs: TIFF });
    }
    const box = placePage(paper, page);
    const raster = ccittStrip(page, source) ?? (await decodePage(source, index, page, box));
    addRasterPage(doc, paper, raster, box);
  }
  const pdf = await doc.save({ objectsPerTick: Infinity });
  // pdf.js decodes the copied CCITT data here: what the preview will show, page by page.
  const count = await checkPdfPages(pdf.slice(), TIFF);
  return { pdf, pages: count, warnings: [] };
}

/** At its physical size when the file states one (never enlarged), else fitted to the paper. */
function placePage(paper: Paper, page: TiffPage): Box {
  const swapped = page.orientation >= 5; // rotated a quarter turn: width and height trade places
  const [width, height] = swapped ? [page.height, page.width] : [page.width, page.height];
  const [xDpi, yDpi] = swapped ? [page.yDpi, page.xDpi] : [page.xDpi, page.yDpi];
  const aspect = swapped ? 1 / page.pixelAspect : page.pixelAspect;
  const [x, y] = [xDpi ?? yDpi, yDpi ?? xDpi];
  if (x && y) return fitOnPage(paper, (width / x) * 72, (height / y) * 72, { maxEnlarge: 1 });
  return fitOnPage(paper, width * aspect, height, { maxEnlarge: 72 / 100 });
}

/**
 * The page's CCITT data as a PDF CCITTFaxDecode image, when it is one strip of G3 or G4 data a
 * PDF reader decodes the same way: /K from the compression and T4Options (−1 G4, 0 G3 1-D,
 * 1 G3 2-D), /EncodedByteAlign from the fill bits, /BlackIs1 when the TIFF says black is zero.
 * FillOrder 2 (least significant bit first) is reversed byte by byte.
 */
export function ccittStrip(page: TiffPage, file: Uint8Array): Raster | undefined {
  const [offset, length] = [page.stripOffsets[0], page.stripByteCounts[0]];
  if (page.tiled || page.bitsPerSample !== 1 || page.samplesPerPixel !== 1 || page.orientation !== 1) return undefined;
  if (page.stripOffsets.length !== 1 || page.rowsPerStrip < page.height || page.photometric === undefined || page.photometric > 1) return undefined;
  if (offset === undefined || !length || offset + length > file.length) return undefined;
  let k: number;
  let encodedByteAlign = false;
  if (page.compression === 4 && !(page.t6Options & 2)) k = -1; // bit 1: uncompressed mode, which PDF readers lack
  else if (page.compression === 3 && !(page.t4Options & 2)) {
    k = page.t4Options & 1 ? 1 : 0;
    encodedByteAlign = (page.t4Options & 4) !== 0;
  } else return undefined;
  const strip = file.slice(offset, offset + length);
  return {
    format: 'ccitt', data: page.fillOrder === 2 ? reverseBits(strip) : strip,
    width: page.width, height: page.height, k, encodedByteAlign, blackIs1: page.photometric === 1,
  };
}

async function decodePage(source: Uint8Array, index: number, page: TiffPage, box: Box): Promise<Raster> {
  const sharp = await loadSharp();
  const bilevel = page.bitsPerSample === 1 && page.samplesPerPixel === 1;
  // Received faxes often carry a few bad lines from the phone line, which fax machines print
  // through: CCITT pages decode what they can (like the copied ones, which pdf.js decodes so).
  const fax = page.compression >= 2 && page.compression <= 4;
  const decoded = sharp(source, { ...UNTRUSTED, page: index, ...(fax ? { failOn: 'none' } : {}) }).autoOrient();
  try {
    if (bilevel) {
      const { data, info } = await decoded.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
      return bilevelRaster(data, info.width, info.height);
    }
    const { width, height } = (await sharp(source, { ...UNTRUSTED, page: index }).metadata()).autoOrient;
    const fine = Math.max(width / (box.width / 72), height / (box.height / 72)) > RESAMPLE_ABOVE_DPI;
    const sized = fine ? decoded.resize(pixelsFor(box.width, IMAGE_DPI, width), pixelsFor(box.height, IMAGE_DPI, height), { fit: 'fill' }) : decoded;
    const grey = page.photometric === undefined ? page.samplesPerPixel <= 2 : page.photometric <= 1;
    const flat = sized.flatten({ background: '#ffffff' }).toColourspace(grey ? 'b-w' : 'srgb');
    return await (page.compression === 6 || page.compression === 7 ? asJpeg(flat) : asCompact(flat)); // JPEG stays JPEG
  } catch {
    throw new Refusal('page_failed', { page: index + 1, readAs: TIFF });
  }
}

/** A BigTIFF's pages as sharp sees them (square pixels at the stated density). */
async function bigTiffPages(source: Uint8Array): Promise<TiffPage[]> {
  const sharp = await loadSharp();
  const count = (await sharp(source, UNTRUSTED).metadata()).pages ?? 1;
  const pages: TiffPage[] = [];
  for (let page = 0; page < count; page++) {
    const meta = await sharp(source, { ...UNTRUSTED, page }).metadata();
    const dpi = meta.density && meta.resolutionUnit === 'cm' ? meta.density * 2.54 : meta.density;
    pages.push({
      width: meta.width, height: meta.height, compression: 0, photometric: undefined, bitsPerSample: meta.bitsPerSample ?? 8,
      samplesPerPixel: meta.channels, fillOrder: 1, orientation: 1, t4Options: 0, t6Options: 0, rowsPerStrip: meta.height,
      stripOffsets: [], stripByteCounts: [], tiled: false, xDpi: dpi, yDpi: dpi, pixelAspect: 1,
    });
  }
  return pages;
}

const REVERSED = Uint8Array.from({ length: 256 }, (_, byte) => {
  let reversed = 0;
  for (let bit = 0; bit < 8; bit++) if (byte & (1 << bit)) reversed |= 0x80 >> bit;
  return reversed;
});

function reverseBits(data: Uint8Array): Uint8Array {
  for (let i = 0; i < data.length; i++) data[i] = REVERSED[data[i]!]!;
  return data;
}
