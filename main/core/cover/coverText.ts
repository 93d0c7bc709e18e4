import bidiFactory from 'bidi-js';
import type { PDFFont, PDFPage, RGB } from 'pdf-lib';

/** A font of the page and what it can draw. */
export interface PageFont {
  font: PDFFont;
  has(codePoint: number): boolean;
}

export interface PageFonts {
  regular: PageFont;
  bold: PageFont;
  /** Chinese, Japanese and Korean (drawn in the regular weight). */
  cjk?: PageFont;
}

interface Run { text: string; font: PDFFont; level: number }

const bidi = bidiFactory();
const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

/**
 * Draws text on a cover: each character in the first font that has it (the CJK font after the
 * wide one), in visual order (the Unicode bidirectional algorithm, so Hebrew and Arabic read
 * right to left among Latin text), and "?" where no font has it, remembered in `missing` so the
 * person is told which characters could not be drawn instead of seeing empty boxes.
 */
export class TextPainter {
  readonly missing = new Set<string>();
  private readonly widths = new Map<string, number>();

  constructor(private readonly fonts: PageFonts) {}

  /** Splits a line into runs of one font and one direction, in logical order. */
  private runs(line: string, bold: boolean): Run[] {
    const levels = bidi.getEmbeddingLevels(line).levels;
    const base = bold ? this.fonts.bold : this.fonts.regular;
    const runs: Run[] = [];
    let index = 0;
    for (const char of line) {
      const cp = char.codePointAt(0)!;
      let font = base.font;
      let text = char;
      if (cp >= 0x20 && !base.has(cp)) {
        if (this.fonts.cjk?.has(cp)) font = this.fonts.cjk.font;
        else if (this.fonts.regular.has(cp)) font = this.fonts.regular.font;
        else {
          if (!/\p{M}|\p{Cf}/u.test(char)) this.missing.add(char);
          text = /\p{M}|\p{Cf}/u.test(char) ? '' : '?';
        }
      }
      const level = levels[index] ?? 0;
      index += char.length;
      const last = runs.at(-1);
      if (last && last.font === font && last.level === level) last.text += text;
      else if (text) runs.push({ text, font, level });
    }
    return runs;
  }

  /** Width of a line at `size`. */
  width(line: string, size: number, bold = false): number {
    return this.runs(line, bold).reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0);
  }

  /** True when the line's paragraph direction is right to left (its first strong character is). */
  isRtl(line: string): boolean {
    return bidi.getEmbeddingLevels(line).paragraphs[0]?.level === 1;
  }

  /** Draws one line starting at x (or ending at x + width when `align` is right). */
  draw(page: PDFPage, line: string, options: { x: number; y: number; size: number; bold?: boolean; color?: RGB; width?: number; align?: 'left' | 'right' }): void {
    const runs = visualOrder(this.runs(line, options.bold ?? false));
    const total = runs.reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, options.size), 0);
    let x = options.align === 'right' && options.width !== undefined ? options.x + options.width - total : options.x;
    for (const run of runs) {
      // fontkit lays out a run in a right-to-left script in reverse itself; other right-to-left runs
      // (digits and neutrals between Hebrew words resolve with them) are reversed here.
      // Brackets in a right-to-left run are mirrored either way ("(" draws as ")").
      const text = run.level % 2 === 0 ? run.text : RTL_SCRIPT.test(run.text) ? mirror(run.text) : [...mirror(run.text)].reverse().join('');
      page.drawText(text, { x, y: options.y, size: options.size, font: run.font, ...(options.color ? { color: options.color } : {}) });
      x += run.font.widthOfTextAtSize(run.text, options.size);
    }
  }

  /** Width of a piece at 1 pt, remembered: wrapping measures the same words at every size it tries. */
  private unitWidth(piece: string, bold: boolean): number {
    const key = `${bold ? 'b' : 'r'}${piece}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.width(piece, 1, bold);
      this.widths.set(key, width);
    }
    return width;
  }

  /**
   * Breaks text into lines no wider than `width`: at spaces where it can, inside a word (or
   * between CJK characters) where a word alone is too wide. Line feeds start new lines. Words are
   * measured one by one (kerning across a space is ignored: a hair, never a line).
   */
  wrap(text: string, width: number, size: number, bold = false): string[] {
    const lines: string[] = [];
    const room = width / size;
    const space = this.unitWidth(' ', bold);
    for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
      let current = '';
      let used = 0;
      for (const word of paragraph.split(' ')) {
        const wordWidth = this.unitWidth(word, bold);
        const needed = current ? used + space + wordWidth : wordWidth;
        if (needed <= room) {
          current = current ? `${current} ${word}` : word;
          used = needed;
          continue;
        }
        if (current) lines.push(current);
        current = '';
        used = 0;
        if (wordWidth <= room) {
          current = word;
          used = wordWidth;
          continue;
        }
        // A word wider than the line: as many characters as fit, then the rest.
        for (const char of word) {
          const charWidth = this.unitWidth(char, bold);
          if (used + charWidth > room && current) {
            lines.push(current);
            current = '';
            used = 0;
          }
          current += char;
          used += charWidth;
        }
      }
      lines.push(current);
    }
    return lines;
  }

  /** The line cut to `width` with "…" when it is wider; `cut` tells whether it was. */
  ellipsize(line: string, width: number, size: number, bold = false): { text: string; cut: boolean } {
    if (this.width(line, size, bold) <= width) return { text: line, cut: false };
    const chars = [...line];
    while (chars.length > 0 && this.width(`${chars.join('').trimEnd()}…`, size, bold) > width) chars.pop();
    return { text: `${chars.join('').trimEnd()}…`, cut: true };
  }
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every sequence at that level or higher. */
function visualOrder(runs: Run[]): Run[] {
  const out = [...runs];
  const max = Math.max(0, ...out.map((run) => run.level));
  const minOdd = Math.min(...out.map((run) => run.level).filter((level) => level % 2 === 1), Infinity);
  for (let level = max; level >= minOdd && level > 0; level--) {
    for (let i = 0; i < out.length; i++) {
      if (out[i]!.level < level) continue;
      let end = i;
      while (end + 1 < out.length && out[end + 1]!.level >= level) end++;
      out.splice(i, end - i + 1, ...out.slice(i, end + 1).reverse());
      i = end;
    }
  }
  return out;
}

function mirror(text: string): string {
  return [...text].map((char) => bidi.getMirroredCharacter(char) ?? char).join('');
}
