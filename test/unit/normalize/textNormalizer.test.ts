import { describe, expect, it } from 'vitest';
import { expandTabs, wrap } from '../../../main/core/documents/normalize/textNormalizer';
import { accepted, normalizeBytes } from '../../support/normalizeKit';
import { pageFacts, pageTexts } from '../../support/pdfReadback';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('plain text: pages in a monospace font', () => {
  it('fills Letter pages 57 lines at a time and A4 pages 61', async () => {
    const lines = Array.from({ length: 130 }, (_, i) => `Line ${i + 1}`).join('\n');
    const letter = accepted(await normalizeBytes('notes.txt', utf8(lines)));
    expect(letter).toMatchObject({ kind: 'text', pages: 3, sentAs: 'pdf', contentType: 'application/pdf', warnings: [] });
    const texts = await pageTexts(letter.pdf);
    expect(texts[0]).toMatch(/^Line 1 Line 2 .* Line 57$/);
    expect(texts[2]).toMatch(/^Line 115 .* Line 130$/);
    const a4 = accepted(await normalizeBytes('notes.txt', utf8(lines), { paper: 'a4' }));
    expect(a4.pages).toBe(3);
    expect((await pageTexts(a4.pdf))[0]).toMatch(/ Line 61$/);
    expect(await pageFacts(a4.pdf)).toContainEqual(expect.objectContaining({ width: 595.28, height: 841.89 }));
  });

  it('wraps long lines at a space inside the margins, and cuts a word longer than a line', () => {
    const sentence = 'The patient was seen on Monday and again on Thursday; results are attached for your review.';
    expect(wrap(sentence, 40)).toEqual(['The patient was seen on Monday and again', 'on Thursday; results are attached for', 'your review.']);
    expect(wrap('x'.repeat(100), 40)).toEqual(['x'.repeat(40), 'x'.repeat(40), 'x'.repeat(20)]);
    expect(wrap('', 40)).toEqual(['']);
  });

  it('starts a new page at each form feed, and expands tabs', async () => {
    const result = accepted(await normalizeBytes('report.txt', utf8('Page one\tcolumn\fPage two\r\nsecond line\f')));
    expect(result.pages).toBe(2);
    const [first, second] = await pageTexts(result.pdf);
    expect([first, second]).toEqual([expect.stringMatching(/^Page one\s+column$/), 'Page two second line']);
    expect(expandTabs('Page one\tcolumn')).toBe('Page one        column'); // to the next stop of 8
    expect(expandTabs('ab\tc')).toBe('ab      c');
  });

  it('reads UTF-8, Windows-1252 and UTF-16 (with its byte-order mark)', async () => {
    const cafe = 'Café – “Zoë”';
    const cp1252 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x5a, 0x6f, 0xeb, 0x94]);
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...cafe].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8])]);
    for (const bytes of [utf8(cafe), cp1252, utf16]) {
      expect(await pageTexts(accepted(await normalizeBytes('note.txt', bytes)).pdf)).toEqual([cafe]);
    }
  });

  it('replaces what the fax font cannot draw with "?", and says so', async () => {
    const result = accepted(await normalizeBytes('note.txt', utf8('Arrow → and 日本')));
    expect(await pageTexts(result.pdf)).toEqual(['Arrow ? and ??']);
    expect(result.warnings).toEqual(['Some characters cannot be printed in the fax font and were replaced with "?".']);
  });

  it('refuses a file with nothing to print, and binary data that starts like text', async () => {
    expect((await normalizeBytes('blank.txt', utf8(' \n\n\t\f \n'))).output).toMatchObject({ ok: false, reason: 'empty', message: 'blank.txt has no text to fax.' });
    const binary = new Uint8Array(10_000).fill(0x41);
    binary[8000] = 0;
    expect((await normalizeBytes('data.txt', binary)).output).toMatchObject({ ok: false, reason: 'unknown_type', message: 'data.txt is not a kind of file Faxdesk can fax.' });
  });

  it('refuses an empty file', async () => {
    const run = await normalizeBytes('empty.pdf', new Uint8Array());
    expect(run.output).toEqual({
      ok: false, code: 'unsupported_file', reason: 'empty', message: 'empty.pdf is empty.',
      nextStep: 'Check that you chose the right file, or save the document again.',
    });
    expect(run.pdf).toBeUndefined();
  });
});
