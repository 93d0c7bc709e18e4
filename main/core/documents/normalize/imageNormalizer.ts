import { PDFDocument } from '@cantoo/pdf-lib';
import { decodeBmp } from './bmpDecoder';
import type { SourceFormat } from './detectKind';
import type { Converted, Paper } from './normalizeTypes';
import { MARGIN, fitOnPage, pixelsFor } from './pageLayout';
import { asCompact, asJpeg } from './rasterEncoding';
import { addRasterPage, type Raster } from './rasterXObject';
import { Refusal } from './refusal';
import { loadSharp, MAX_PIXELS, UNTRUSTED } from './sharpLoader';

/** Fax machines print 204×196 dpi: 200 dpi keeps everything they can show, and no more. */
export const IMAGE_DPI = 200;
/** Small pictures are enlarged no further than 100 dpi (a 300-pixel logo becomes 3 inches wide, not 7.5). */
const MIN_DPI = 100;
/** A picture under 16 pixels on a side cannot carry anything legible on a fax. */
export const MIN_SIDE = 16;

const DAMAGED = { readAs: 'picture' } as const;

/**
 * A picture (PNG, JPEG, GIF, WebP; BMP through our own reader) on one page of `paper`: turned
 * upright by its EXIF orientation, converted to sRGB or grey (CMYK JPEGs included), transparency
 * on white, fitted inside the margins with its aspect kept, resampled to at most 200 dpi as
 * placed. Photos (JPEG, WebP) are stored as JPEG; other pictures as asCompact decides.
 */
export async function normalizeImage(source: Uint8Array, format: SourceFormat, paper: Paper): Promise<Converted> {
  const sharp = await loadSharp();
  const bmp = format === 'bmp' ? decodeBmp(source) : undefined;
  const open = () => (bmp ? sharp(bmp.rgb, { raw: { width: bmp.width, height: bmp.height, channels: 3 } }) : sharp(source, UNTRUSTED));
  let meta;
  try {
    meta = await open().metadata();
  } catch {
    throw new Refusal('damaged', DAMAGED);
  }
  const { width, height } = meta.autoOrient ?? meta;
  if (!width || !height) throw new Refusal('damaged', DAMAGED);
  if (Math.min(width, height) < MIN_SIDE) throw new Refusal('too_small', { size: { width, height } });
  if (width * height > MAX_PIXELS) throw tooLarge(width, height);

  const box = fitOnPage(paper, width, height, { margin: MARGIN, maxEnlarge: 72 / MIN_DPI });
  const grey = meta.channels <= 2 || meta.space === 'b-w' || meta.space === 'grey16';
  const pipeline = open()
    .autoOrient()
    .resize(pixelsFor(box.width, IMAGE_DPI, width), pixelsFor(box.height, IMAGE_DPI, height), { fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .toColourspace(grey ? 'b-w' : 'srgb');

  let raster: Raster;
  try {
    raster = format === 'jpeg' || format === 'webp' ? await asJpeg(pipeline) : await asCompact(pipeline);
  } catch {
    throw new Refusal('damaged', DAMAGED);
  }
  const doc = await PDFDocument.create({ updateMetadata: false });
  addRasterPage(doc, paper, raster, box);
  const warnings = (meta.pages ?? 1) > 1 ? ['Only the first frame of this animated picture is sent.'] : [];
  return { pdf: await doc.save(), pages: 1, warnings };
}

function tooLarge(width: number, height: number): Refusal {
  return new Refusal('damaged', {
    message: `{name} is too large a picture to fax (${Math.round((width * height) / 1e6)} megapixels).`,
    nextStep: 'Save a smaller copy of it (for example 3000 pixels on the long side) and add that.',
  });
}
