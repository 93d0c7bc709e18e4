import type { FaxStats } from './faxBinarize';

/**
 * What may print badly at the other end, from the fax rendering of one page. The thresholds are
 * the ones that matched Ghostscript's output on real documents (shared reference §4): starting
 * points, not laws.
 */
export const DARK_PAGE_SHARE = 0.25;
export const HALFTONE_SHARE = 0.15;
export const FAINT_SHARE = 0.10;
export const SMALLEST_READABLE_PT = 7;

export interface FaxWarning {
  kind: 'dark' | 'halftone' | 'faint' | 'small-text';
  text: string;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** `smallestTextPt`: the smallest text height on the page (null: no text, e.g. a scan). */
export function faxWarnings(stats: FaxStats, smallestTextPt: number | null): FaxWarning[] {
  const warnings: FaxWarning[] = [];
  const black = stats.blackPixels / Math.max(1, stats.pixels);
  if (black > DARK_PAGE_SHARE) {
    warnings.push({ kind: 'dark', text: `Large dark areas: ${percent(black)} of the page prints black, slowly, and may smudge.` });
  }
  if (stats.ditheredBlocks / Math.max(1, stats.blocks) > HALFTONE_SHARE) {
    warnings.push({ kind: 'halftone', text: 'Photos or shading: they print as coarse dots.' });
  }
  if (stats.faintBlocks / Math.max(1, stats.markedBlocks) > FAINT_SHARE) {
    warnings.push({ kind: 'faint', text: 'Light or coloured text: it may print faint or broken up.' });
  }
  if (smallestTextPt !== null && smallestTextPt < SMALLEST_READABLE_PT) {
    warnings.push({ kind: 'small-text', text: `Small text (${smallestTextPt.toFixed(1)} pt): under ${SMALLEST_READABLE_PT} pt it may be unreadable.` });
  }
  return warnings;
}

/** A text item as pdf.js's getTextContent() gives it: the string and its transform (user space, pt). */
interface TextItemLike { str?: string; transform?: number[] }

/** The height of the smallest visible text on the page, in points; null when the page has no text. */
export function smallestTextPt(items: readonly TextItemLike[]): number | null {
  let smallest: number | null = null;
  for (const item of items) {
    if (!item.str?.trim() || !item.transform) continue;
    const [, , c = 0, d = 0] = item.transform;
    const size = Math.hypot(c, d);
    // Zero-size text is invisible (some PDFs hide an OCR layer that way): it prints nothing.
    if (size > 0.5 && (smallest === null || size < smallest)) smallest = size;
  }
  return smallest;
}
