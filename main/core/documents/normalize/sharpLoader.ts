import type { Sharp, SharpOptions } from 'sharp';

type SharpFactory = (input: Uint8Array, options?: SharpOptions) => Sharp;

/** Pictures larger than this are refused before decoding (a 100-megapixel RGBA image is 400 MB). */
export const MAX_PIXELS = 100_000_000;

let loading: Promise<SharpFactory> | undefined;

/**
 * sharp (libvips), loaded on first use so workers that never see a picture do not load
 * it. One libvips thread per operation: the pool's workers are the parallelism, and the
 * main thread keeps its core. No operation cache: each file is seen once.
 */
export function loadSharp(): Promise<SharpFactory> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    sharp.concurrency(1);
    sharp.cache(false);
    return sharp;
  });
  return loading;
}

/**
 * Options for untrusted input: invalid pixel data and truncation stop the decode ('error'), while
 * warnings, which many cameras' JPEGs raise, do not.
 */
export const UNTRUSTED: SharpOptions = { failOn: 'error', limitInputPixels: MAX_PIXELS };
