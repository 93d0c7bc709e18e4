import { deflateSync } from 'node:zlib';
import type { Sharp } from 'sharp';
import type { Raster } from './rasterXObject';
import { loadSharp } from './sharpLoader';

const JPEG_QUALITY = 88;

/** A picture's samples as a baseline JPEG (photos stay photos; fax machines halftone them anyway). */
export async function asJpeg(pipeline: Sharp): Promise<Raster> {
  const { data, info } = await pipeline.jpeg({ quality: JPEG_QUALITY }).toBuffer({ resolveWithObject: true });
  return { format: 'jpeg', data, width: info.width, height: info.height, channels: info.channels === 1 ? 1 : 3 };
}

/**
 * A picture's samples stored as small as they stay readable: black and white in 1 bit (8 times
 * smaller than grey, and exact); other pictures losslessly (Flate), unless a JPEG of them is less
 * than half that size, which only photographs and noisy colour scans give (lossless, a 20-page
 * colour scan would be over the fax services' upload limits).
 */
export async function asCompact(pipeline: Sharp): Promise<Raster> {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  if (info.channels === 1 && isBilevel(data)) return bilevelRaster(data, width, height);
  const channels = info.channels === 1 ? 1 : 3;
  const flate = deflateSync(data);
  const sharp = await loadSharp();
  const jpeg = await sharp(data, { raw: { width, height, channels } }).jpeg({ quality: JPEG_QUALITY }).toBuffer();
  if (jpeg.length * 2 < flate.length) return { format: 'jpeg', data: jpeg, width, height, channels };
  return { format: 'flate', data: flate, width, height, channels, bitsPerComponent: 8 };
}

/** 8-bit grey samples that are only black and white, as a 1-bit image (1 = white). */
export function bilevelRaster(grey: Uint8Array, width: number, height: number): Raster {
  const rowBytes = Math.ceil(width / 8);
  const packed = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * rowBytes + (x >> 3);
      if (grey[y * width + x]! >= 128) packed[at] = packed[at]! | (0x80 >> (x & 7));
    }
  }
  return { format: 'flate', data: deflateSync(packed), width, height, channels: 1, bitsPerComponent: 1 };
}

/** True when every sample is pure black or pure white (a scan or line art that 1 bit holds exactly). */
function isBilevel(grey: Uint8Array): boolean {
  for (const sample of grey) if (sample !== 0 && sample !== 255) return false;
  return true;
}
