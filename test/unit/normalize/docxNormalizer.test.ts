import { describe, expect, it } from 'vitest';
import { findLibreOffice } from '../../../main/core/documents/normalize/findLibreOffice';
import { docx, zip } from '../../support/documentFixtures';
import { hangingSoffice } from '../../support/fakeSoffice';
import { accepted, normalizeBytes } from '../../support/normalizeKit';
import { pageTexts } from '../../support/pdfReadback';

/** LibreOffice is installed by .ci/run (libreoffice-writer-nogui); without it the conversion tests say so and skip. */
const soffice = await findLibreOffice();
if (!soffice) console.warn('Skipping the LibreOffice conversions: soffice is not installed; .ci/run installs it.');

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe.runIf(soffice)('DOCX with LibreOffice', () => {
  it('converts a 3-page letter into exactly 3 pages', async () => {
    const result = accepted(await normalizeBytes('referral.docx', docx(3), { libreOffice: soffice }));
    expect(result).toMatchObject({ kind: 'docx', pages: 3, sentAs: 'pdf', contentType: 'application/pdf', warnings: [] });
    expect((await pageTexts(result.pdf))[1]).toContain('Referral letter, page 2');
  }, 60_000);

  it('converts two documents at once: each conversion has a profile of its own', async () => {
    const [a, b] = await Promise.all([
      normalizeBytes('a.docx', docx(1), { libreOffice: soffice }),
      normalizeBytes('b.docx', docx(2), { libreOffice: soffice }),
    ]);
    expect([accepted(a).pages, accepted(b).pages]).toEqual([1, 2]);
  }, 60_000);
});

describe('DOCX without LibreOffice', () => {
  it('is sent as it is: the fax service converts it, so its page count is unknown and nothing is written', async () => {
    const run = await normalizeBytes('referral.docx', docx(2));
    expect(run.output).toMatchObject({ ok: true, kind: 'docx', pages: null, sentAs: 'original', contentType: DOCX_TYPE });
    expect(run.output.ok && run.output.warnings[0]).toMatch(/LibreOffice is not installed/);
    expect(run.pdf).toBeUndefined();
    expect(run.leftovers).toEqual([]);
  });

  it('refuses a zip that is not a Word document, with or without LibreOffice', async () => {
    for (const libreOffice of [undefined, '/nonexistent/soffice']) {
      const run = await normalizeBytes('letter.docx', zip({ 'photos/1.jpg': 'x', 'notes.txt': 'hello' }), { libreOffice });
      expect(run.output).toEqual({
        ok: false, code: 'unsupported_file', reason: 'not_docx', message: 'letter.docx is a zip archive, not a Word document.',
        nextStep: 'Unzip it and add the documents inside, or save the document as .docx or PDF.',
      });
    }
  });

  it('says what other Office zips are', async () => {
    expect((await normalizeBytes('budget.docx', zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }))).output).toMatchObject({
      reason: 'not_docx', message: 'budget.docx is an Excel workbook, not a Word document.', nextStep: 'Save or print it as PDF from Excel, and add the PDF.',
    });
  });

  it('refuses a Word document cut short as damaged', async () => {
    const full = docx(2);
    expect((await normalizeBytes('letter.docx', full.subarray(0, full.length - 40))).output).toMatchObject({
      ok: false, reason: 'damaged', message: 'letter.docx is damaged and cannot be read as a Word document.',
    });
  });

  it('refuses a text or binary file renamed .docx by what it is', async () => {
    expect((await normalizeBytes('letter.docx', Uint8Array.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 1]))).output).toMatchObject({ ok: false, reason: 'unknown_type' });
    expect(accepted(await normalizeBytes('letter.docx', new TextEncoder().encode('Just words.')))).toMatchObject({ kind: 'text' });
  });
});

describe('a LibreOffice that does not finish', () => {
  it('is stopped at its time limit with the process it started, and the file refused in plain words', async () => {
    const fake = await hangingSoffice();
    try {
      const run = await normalizeBytes('slow.docx', docx(1), { libreOffice: fake.path, libreOfficeTimeoutMs: 500 });
      expect(run.output).toMatchObject({
        ok: false, reason: 'damaged', message: 'slow.docx took too long to convert with LibreOffice.',
        nextStep: 'Open it in Word, save it as PDF, and add the PDF instead.',
      });
      expect(run.pdf).toBeUndefined();
      expect(await fake.running()).toEqual([]);
    } finally {
      await fake.remove();
    }
  });
});
