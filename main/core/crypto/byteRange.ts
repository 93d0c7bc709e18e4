import type { ByteRange } from './sealedFiles';

/**
 * A single `Range: bytes=…` header against a document of `size` bytes: the whole document
 * (no usable header), a range, or unsatisfiable. Both document routes (app:// and the dev bridge) use it.
 */
export function parseByteRange(header: string | null | undefined, size: number): { kind: 'all' } | { kind: 'range'; range: ByteRange } | { kind: 'unsatisfiable' } {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!match || (!match[1] && !match[2])) return { kind: 'all' };
  const start = match[1] ? Number(match[1]) : Math.max(0, size - Number(match[2]));
  const end = match[1] && match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  if (start > end || start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'range', range: { start, end } };
}
