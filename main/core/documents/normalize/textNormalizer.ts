import { PDFDocument, StandardFonts, type PDFFont } from '@cantoo/pdf-lib';
import { isUtf8 } from './detectKind';
import type { Converted, Paper } from './normalizeTypes';
import { PAPER_SIZE } from './pageLayout';
import { Refusal } from './refusal';

const FONT_SIZE = 10;
const LINE_HEIGHT = 12;
/** Three quarters of an inch, like a typed letter. */
const TEXT_MARGIN = 54;
const TAB_STOP = 8;
/** Courier is 600/1000 em wide for every character. */
const CHAR_WIDTH = FONT_SIZE * 0.6;

/**
 * A plain text file as pages of `paper` in Courier 10 pt: lines wrapped at the margin (at a
 * space when there is one), tabs expanded, a form feed starting a new page. Decoded as UTF-16
 * (with its byte-order mark), UTF-8 when valid, else Windows-1252 (Latin-1 plus quotes and dashes).
 * Characters the fax font cannot draw become "?", with a warning.
 */
export async function normalizeText(source: Uint8Array, paper: Paper): Promise<Converted> {
  const text = decodeText(source);
  if (!text.trim()) throw new Refusal('empty', { message: '{name} has no text to fax.' });

  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Courier);
  const drawable = new Set(font.getCharacterSet());
  const [pageWidth, pageHeight] = PAPER_SIZE[paper];
  const columns = Math.floor((pageWidth - 2 * TEXT_MARGIN) / CHAR_WIDTH);
  const linesPerPage = Math.floor((pageHeight - 2 * TEXT_MARGIN) / LINE_HEIGHT);

  let replaced = false;
  const printable = (line: string) => [...line].map((char) => {
    if (drawable.has(char.codePointAt(0)!)) return char;
    replaced = true;
    return '?';
  }).join('');

  const sheets = text.split('\f').map((sheet) => sheet.split('\n').flatMap((line) => wrap(expandTabs(line), columns)));
  if (sheets.length > 1 && sheets.at(-1)!.every((line) => !line.trim())) sheets.pop(); // a final form feed ends the last page
  let pages = 0;
  for (const lines of sheets) {
    for (let first = 0; first === 0 || first < lines.length; first += linesPerPage) {
      const page = doc.addPage([pageWidth, pageHeight]);
      pages++;
      lines.slice(first, first + linesPerPage).forEach((line, row) => {
        if (line.trim()) draw(page, printable(line), pageHeight - TEXT_MARGIN - FONT_SIZE - row * LINE_HEIGHT, font);
      });
    }
  }
  const warnings = replaced ? ['Some characters cannot be printed in the fax font and were replaced with "?".'] : [];
  return { pdf: await doc.save({ objectsPerTick: Infinity }), pages, warnings };
}

function draw(page: ReturnType<PDFDocument['addPage']>, line: string, y: number, font: PDFFont): void {
  page.drawText(line, { x: TEXT_MARGIN, y, size: FONT_SIZE, font });
}

export function decodeText(source: Uint8Array): string {
  let text: string;
  if (source[0] === 0xff && source[1] === 0xfe) text = new TextDecoder('utf-16le').decode(source.subarray(2));
  else if (source[0] === 0xfe && source[1] === 0xff) text = new TextDecoder('utf-16be').decode(source.subarray(2));
  else {
    if (source.includes(0)) throw new Refusal('unknown_type'); // binary data after a text-like start
    text = new TextDecoder(isUtf8(source) ? 'utf-8' : 'windows-1252').decode(source); // drops a UTF-8 BOM
  }
  // One kind of line end; control characters other than tab, line feed and form feed dropped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/\v/g, '\n').replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '');
}

export function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const char of line) out += char === '\t' ? ' '.repeat(TAB_STOP - (out.length % TAB_STOP)) : char;
  return out;
}

/** Splits a line into rows of at most `columns` characters, at the last space that fits when there is one. */
export function wrap(line: string, columns: number): string[] {
  const chars = [...line.trimEnd()];
  const rows: string[] = [];
  while (chars.length > columns) {
    const space = chars.lastIndexOf(' ', columns);
    const cut = space > columns / 2 ? space : columns;
    rows.push(chars.splice(0, cut).join('').trimEnd());
    while (chars[0] === ' ' && cut === space) chars.shift();
  }
  rows.push(chars.join(''));
  return rows;
}
