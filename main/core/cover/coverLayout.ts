import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, StandardFonts, type PDFFont } from 'pdf-lib';
import { URGENCY_MARKS, URGENCY_WORDS, type CoverFields, type CoverFit, type CoverLayout, type CoverLogo } from '../../../common/domain/cover';
import { PAPER_SIZE } from '../documents/normalize/pageLayout';
import { findCoverFonts, type CoverFontSet } from './coverFonts';
import { TextPainter, type PageFont, type PageFonts } from './coverText';

export interface CoverRenderInput {
  layout: CoverLayout;
  logo?: CoverLogo;
  /** Fields as printed: the recipient already chosen, the date already filled in. */
  fields: CoverFields;
  /** "3", or "3 + a Word document" when some pages are unknown. */
  pages: string;
  paper: 'letter' | 'a4';
  /** Written here when given (task `cover.render`); the bytes are returned either way. */
  outputPath?: string;
  /** Font files to use instead of the system's (tests: a computer without fonts). */
  fontCandidates?: { wide: string[]; cjk: string[] };
}

export interface CoverRenderOutput {
  fit: CoverFit;
  sizeBytes: number;
  sha256: string;
  /** The PDF, when no `outputPath` was given. */
  pdf?: Uint8Array;
}

/** Message sizes tried, largest first: smaller text before anything is cut. */
export const MESSAGE_SIZES = [11, 10.5, 10, 9.5, 9, 8.5, 8];
const MARGIN = 54;
const INK = rgb(0, 0, 0);
const MUTED = rgb(0.3, 0.3, 0.3);
const CUT_MARK = '[The message is cut here: it is too long for one page.]';

/**
 * One cover page, drawn with pdf-lib (task `cover.render`, in the worker pool): a letterhead
 * (healthcare and letterhead styles), the title, the urgency marks, who to and from, date, pages
 * and subject, the message in a box that never spills onto a second page (the text shrinks to
 * 8 pt, then is cut with a mark, and `fit` says so), and the template's notice at the foot.
 * Fonts are embedded and subset, so the page looks the same on any computer.
 */
export async function renderCover(input: CoverRenderInput): Promise<CoverRenderOutput> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const found = findCoverFonts(input.fontCandidates);
  // The CJK font (megabytes to parse and subset) is embedded only when some text needs it.
  const text = [...Object.values(input.fields.sender), ...Object.values(input.fields.recipient), input.fields.subject, input.fields.message,
    input.fields.date, input.layout.title, input.layout.notice, input.pages].join('');
  const needsCjk = !!found.cjk && [...text].some((char) => !found.regular?.has(char.codePointAt(0)!) && found.cjk!.has(char.codePointAt(0)!));
  const fonts = await embedFonts(doc, needsCjk ? found : { ...found, cjk: undefined });
  const painter = new TextPainter(fonts);
  const [width, height] = PAPER_SIZE[input.paper];
  const page = doc.addPage([width, height]);
  const inner = width - 2 * MARGIN;
  const cutFields: string[] = [];
  const { fields, layout } = input;
  let y = height - MARGIN;

  // Letterhead: the organisation (and logo) across the top, its numbers below.
  if (layout.style !== 'plain') {
    let logoWidth = 0;
    if (input.logo) {
      const image = input.logo.type === 'png' ? await doc.embedPng(input.logo.bytes) : await doc.embedJpg(input.logo.bytes);
      const scale = Math.min(140 / image.width, 56 / image.height, 1);
      logoWidth = image.width * scale + 14;
      const x = layout.logoPosition === 'left' ? MARGIN : width - MARGIN - image.width * scale;
      page.drawImage(image, { x, y: y - image.height * scale, width: image.width * scale, height: image.height * scale });
    }
    const textX = layout.logoPosition === 'left' ? MARGIN + logoWidth : MARGIN;
    const textWidth = inner - logoWidth;
    const organisation = fields.sender.organisation || fields.sender.name;
    if (organisation) {
      const fitted = painter.ellipsize(organisation, textWidth, 16, true);
      if (fitted.cut) cutFields.push('sender organisation');
      painter.draw(page, fitted.text, { x: textX, y: y - 16, size: 16, bold: true });
    }
    const contact = [fields.sender.phone && `Phone ${fields.sender.phone}`, fields.sender.fax && `Fax ${fields.sender.fax}`].filter(Boolean).join('   ');
    if (contact) painter.draw(page, painter.ellipsize(contact, textWidth, 9).text, { x: textX, y: y - 32, size: 9, color: MUTED });
    y -= input.logo ? 64 : 42;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: width - MARGIN, y }, thickness: 1, color: INK });
    y -= 14;
  }

  // Title and urgency marks.
  painter.draw(page, layout.title, { x: MARGIN, y: y - 26, size: 26, bold: true });
  y -= 48;
  let markX = MARGIN;
  for (const mark of URGENCY_MARKS) {
    const ticked = fields.urgency.includes(mark);
    page.drawRectangle({ x: markX, y: y - 1, width: 10, height: 10, borderColor: INK, borderWidth: 1 });
    if (ticked) {
      page.drawLine({ start: { x: markX + 2, y: y + 1 }, end: { x: markX + 8, y: y + 7 }, thickness: 1.5, color: INK });
      page.drawLine({ start: { x: markX + 2, y: y + 7 }, end: { x: markX + 8, y: y + 1 }, thickness: 1.5, color: INK });
    }
    painter.draw(page, URGENCY_WORDS[mark], { x: markX + 15, y, size: 10, bold: ticked });
    markX += 15 + painter.width(URGENCY_WORDS[mark], 10, true) + 24;
  }
  y -= 24;

  // To and From, side by side; then date, pages and subject across.
  const column = (inner - 20) / 2;
  const cell = (label: string, value: string, x: number, top: number, cellWidth: number, what: string) => {
    painter.draw(page, label.toUpperCase(), { x, y: top - 8, size: 7.5, color: MUTED, bold: true });
    if (!value.trim()) return;
    const fitted = painter.ellipsize(value.replace(/\s+/g, ' ').trim(), cellWidth, 11);
    if (fitted.cut) cutFields.push(what);
    painter.draw(page, fitted.text, { x, y: top - 22, size: 11, width: cellWidth, align: painter.isRtl(value) ? 'right' : 'left' });
  };
  const rows: Array<[string, string, string, string, string]> = [
    ['To', fields.recipient.name, 'From', fields.sender.name, 'name'],
    ['Organisation', fields.recipient.organisation, 'Organisation', fields.sender.organisation, 'organisation'],
    ['Fax', fields.recipient.fax, 'Fax', fields.sender.fax, 'fax number'],
    ['', '', 'Phone', fields.sender.phone, 'phone'],
  ];
  for (const [leftLabel, left, rightLabel, right, what] of rows) {
    if (leftLabel) cell(leftLabel, left, MARGIN, y, column, `recipient ${what}`);
    cell(rightLabel, right, MARGIN + column + 20, y, column, `sender ${what}`);
    y -= 30;
  }
  y -= 4;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: width - MARGIN, y }, thickness: 0.5, color: MUTED });
  y -= 6;
  cell('Date', fields.date, MARGIN, y, column, 'date');
  cell('Pages (including this cover)', input.pages, MARGIN + column + 20, y, column, 'pages');
  y -= 30;
  cell('Subject', fields.subject, MARGIN, y, inner, 'subject');
  y -= 34;

  // The notice at the foot sets how much room the message has.
  let bottom = MARGIN;
  if (layout.notice.trim()) {
    const noticeLines = painter.wrap(layout.notice.trim(), inner - 16, 8);
    const boxHeight = 22 + noticeLines.length * 10;
    page.drawRectangle({ x: MARGIN, y: bottom, width: inner, height: boxHeight, borderColor: INK, borderWidth: 1 });
    painter.draw(page, 'Confidentiality notice', { x: MARGIN + 8, y: bottom + boxHeight - 14, size: 8.5, bold: true });
    noticeLines.forEach((text, i) => painter.draw(page, text, { x: MARGIN + 8, y: bottom + boxHeight - 26 - i * 10, size: 8 }));
    bottom += boxHeight + 12;
  }

  // The message: the largest size at which it fits; at the smallest, cut with a mark that says so.
  painter.draw(page, 'MESSAGE', { x: MARGIN, y: y - 8, size: 7.5, color: MUTED, bold: true });
  const top = y - 16;
  const room = top - bottom;
  const message = fields.message.trim();
  let messageSize = MESSAGE_SIZES[0]!;
  let lines: string[] = [];
  let fits = true;
  let cutAfter: string | undefined;
  if (message) {
    for (const size of MESSAGE_SIZES) {
      messageSize = size;
      lines = painter.wrap(message, inner, size);
      if (lines.length * size * 1.3 <= room) break;
    }
    const lineHeight = messageSize * 1.3;
    const capacity = Math.max(0, Math.floor(room / lineHeight));
    if (lines.length > capacity) {
      fits = false;
      lines = lines.slice(0, Math.max(0, capacity - 1));
      cutAfter = lastWords(lines);
      lines.push(CUT_MARK);
    }
    lines.forEach((text, i) => {
      const isMark = !fits && i === lines.length - 1;
      painter.draw(page, text, {
        x: MARGIN, y: top - messageSize - i * lineHeight, size: messageSize, bold: isMark, width: inner, align: !isMark && painter.isRtl(text) ? 'right' : 'left',
      });
    });
  }

  const bytes = await doc.save();
  if (input.outputPath) await writeFile(input.outputPath, bytes);
  return {
    fit: {
      fits, messageSize, ...(cutAfter !== undefined ? { cutAfter } : {}), missingCharacters: [...painter.missing], fontNote: fontNote(found, needsCjk),
      ...(cutFields.length > 0 ? { cutFields: [...new Set(cutFields)] } : {}),
    },
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...(input.outputPath ? {} : { pdf: bytes }),
  };
}

async function embedFonts(doc: PDFDocument, found: CoverFontSet): Promise<PageFonts> {
  const custom = async (file: CoverFontSet['regular']): Promise<PageFont | undefined> =>
    (file ? { font: await doc.embedFont(file.bytes, { subset: true }), has: file.has } : undefined);
  const standard = async (name: StandardFonts): Promise<PageFont> => {
    const font: PDFFont = await doc.embedFont(name);
    const drawable = new Set(font.getCharacterSet());
    return { font, has: (cp) => drawable.has(cp) };
  };
  const regular = (await custom(found.regular)) ?? (await standard(StandardFonts.Helvetica));
  const bold = (await custom(found.bold)) ?? (found.regular ? regular : await standard(StandardFonts.HelveticaBold));
  return { regular, bold, cjk: await custom(found.cjk) };
}

function fontNote(found: CoverFontSet, cjkUsed: boolean): string {
  if (!found.regular) {
    return 'No font with wide coverage was found on this computer (Faxdesk looks for DejaVu Sans or Noto Sans), so the cover uses Helvetica, which draws Western European letters only.';
  }
  const cjk = !found.cjk ? '; no font for Chinese, Japanese or Korean was found' : cjkUsed ? ` and ${found.cjk.family} for Chinese, Japanese and Korean` : '';
  return `Drawn with ${found.regular.family}${cjk}.`;
}

/** The last few words drawn, for "it is cut after …". */
function lastWords(lines: string[]): string {
  const words = lines.join(' ').trim().split(/\s+/);
  return words.slice(-6).join(' ');
}

