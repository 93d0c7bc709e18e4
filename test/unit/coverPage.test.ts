import { describe, expect, it } from 'vitest';
import { CoverFieldsSchema, type CoverFieldsInput, type CoverLayout } from '../../common/domain/cover';
import { HEALTHCARE_NOTICE } from '../../main/core/cover/builtInTemplates';
import { MESSAGE_SIZES, renderCover } from '../../main/core/cover/coverLayout';
import { findCoverFonts } from '../../main/core/cover/coverFonts';

/** Cover rendering, read back with pdf.js: what a fax machine at the other end would print. */
const HEALTHCARE: CoverLayout = { style: 'healthcare', logoPosition: 'left', title: 'Confidential fax', notice: HEALTHCARE_NOTICE };
const fonts = findCoverFonts();

async function readBack(pdf: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: pdf.slice(), verbosity: 0 });
  const doc = await task.promise;
  try {
    const page = await doc.getPage(1);
    const items = (await page.getTextContent()).items.flatMap((item) => ('str' in item ? [{ str: item.str, font: item.fontName }] : []));
    return { pages: doc.numPages, text: items.map((i) => i.str).join(' ').replace(/\s+/g, ' '), items };
  } finally {
    await task.destroy();
  }
}

async function render(fields: CoverFieldsInput, layout: CoverLayout = HEALTHCARE, extra: Partial<Parameters<typeof renderCover>[0]> = {}) {
  const out = await renderCover({ layout, fields: CoverFieldsSchema.parse(fields), pages: '4', paper: 'letter', ...extra });
  return { ...out, read: await readBack(out.pdf!) };
}

const sender = { name: 'Dr. Ana Souza', organisation: 'Riverside Clinic', phone: '+1 201-555-0100', fax: '+1 201-555-0101' };

describe('cover page rendering', () => {
  it('draws every field on one page, with the page count and the healthcare notice', async () => {
    const { fit, read } = await render({
      sender, recipient: { name: 'Jordan Lee', organisation: 'Northside Cardiology', fax: '+1 989-898-9898' },
      subject: 'Referral for J. Doe', message: 'Please see the attached referral.', date: 'December 1, 2026',
    });
    expect(read.pages).toBe(1);
    for (const text of ['Riverside Clinic', 'Confidential fax', 'Jordan Lee', 'Northside Cardiology', '+1 989-898-9898', 'Dr. Ana Souza',
      'Referral for J. Doe', 'Please see the attached referral.', 'December 1, 2026', 'PAGES (INCLUDING THIS COVER)', 'Confidentiality notice']) {
      expect(read.text).toContain(text);
    }
    expect(read.text).toMatch(/COVER\) 4/);
    expect(fit).toMatchObject({ fits: true, messageSize: MESSAGE_SIZES[0], missingCharacters: [] });
  });

  it('a 2,000-character message fits on the one page, in smaller type if it must', async () => {
    const message = Array.from({ length: 60 }, (_v, i) => `Sentence ${i + 1} of the note about the patient.`).join(' ').slice(0, 2_000);
    expect(message.length).toBe(2_000);
    const { fit, read } = await render({ sender, subject: 'Long note', message });
    expect(read.pages).toBe(1);
    expect(fit.fits).toBe(true);
    expect(read.text.replace(/\s+/g, '')).toContain(message.replace(/\s+/g, ''));
  });

  it('never spills onto a second page: a message too long is cut with a mark, and fit says after which words', async () => {
    const message = Array.from({ length: 400 }, (_v, i) => `word${i}`).join(' ').repeat(3);
    const { fit, read } = await render({ sender, message });
    expect(read.pages).toBe(1);
    expect(fit.fits).toBe(false);
    expect(fit.messageSize).toBe(MESSAGE_SIZES.at(-1));
    expect(fit.cutAfter).toBeTruthy();
    expect(read.text).toContain(fit.cutAfter!.split(' ').at(-1)!);
    expect(read.text).toContain('The message is cut here: it is too long for one page.');
  });

  it('draws right-to-left and CJK names with the installed fonts (or says which characters it could not draw)', async () => {
    const { fit, read } = await render({ sender, recipient: { name: 'יוסי כהן', organisation: '山田クリニック 東京', fax: '' }, subject: 'שלום 李小龍' });
    expect(read.pages).toBe(1);
    expect(read.text).toContain('יוסי כהן');
    if (fonts.cjk) {
      expect(fit.missingCharacters).toEqual([]);
      expect(read.text).toContain('山田クリニック');
      expect(fit.fontNote).toContain(fonts.cjk.family);
    } else {
      expect(fit.missingCharacters).toEqual(expect.arrayContaining(['山', '田']));
      expect(fit.fontNote).toContain('no font for Chinese, Japanese or Korean');
    }
  });

  it('without any wide font it falls back to Helvetica, says so, and lists what it could not draw', async () => {
    const { fit, read } = await render({ sender, recipient: { name: 'יוסי Müller', organisation: '', fax: '' } }, HEALTHCARE, { fontCandidates: { wide: ['/nonexistent.ttf'], cjk: [] } });
    expect(read.pages).toBe(1);
    expect(fit.fontNote).toContain('Helvetica');
    expect(fit.missingCharacters).toEqual(['י', 'ו', 'ס']);
    expect(read.text).toContain('????');
    expect(read.text).toContain('Müller');
  });

  it('a missing field leaves its place blank (no "undefined"), and the plain style has no letterhead', async () => {
    const { fit, read } = await render({ sender: { name: 'Front desk', organisation: '', phone: '', fax: '' }, subject: '' }, { style: 'plain', logoPosition: 'left', title: 'Fax', notice: '' });
    expect(fit.fits).toBe(true);
    expect(read.text).not.toMatch(/undefined|null/);
    expect(read.text).toContain('Front desk');
    expect(read.text).not.toContain('Confidentiality notice');
  });

  it('urgency marks: all three printed, the ticked ones in bold', async () => {
    const { read } = await render({ sender, urgency: ['urgent', 'please_reply'] });
    const fontOf = (word: string) => read.items.find((item) => item.str === word)!.font;
    expect(fontOf('Urgent')).toBe(fontOf('Please reply'));
    expect(fontOf('For review')).not.toBe(fontOf('Urgent'));
  });

  it('a field too long for its line ends with "…" and fit names it', async () => {
    const { fit, read } = await render({ sender, subject: 'A very long subject '.repeat(9) });
    expect(fit.cutFields).toContain('subject');
    expect(read.text).toContain('…');
  });
});
