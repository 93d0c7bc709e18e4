import { PDFDocument, StandardFonts } from 'pdf-lib';

/** One input to a fax document, in render order (content URLs first, then files). */
export type DocumentPart =
  | { kind: 'url'; url: string }
  | { kind: 'file'; bytes: Buffer; fileType: string };

export type BuiltDocument = { ok: true; pdf: Buffer; pages: number } | { ok: false; errorCode: number; errorMessage: string };

const LETTER: [number, number] = [612, 792];

/** A small PDF with `pages` pages of text, for inbound faxes and content URLs the emulator never fetches. */
export async function generatePdf(pages: number, lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage(LETTER);
    [...lines, `Page ${n} of ${pages}`].forEach((line, i) => {
      page.drawText(toWinAnsi(line), { x: 72, y: 720 - i * 18, size: 12, font });
    });
  }
  doc.setProducer('Faxdesk Sinch emulator');
  // Fixed dates keep generated documents byte-stable, which helps hash-based tests.
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  return Buffer.from(await doc.save());
}

/** Counts pages; undefined when the bytes are not a readable (unencrypted) PDF. */
export async function countPdfPages(bytes: Buffer): Promise<number | undefined> {
  if (!isPdf(bytes)) return undefined;
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    return doc.getPageCount();
  } catch {
    return undefined;
  }
}

export function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 1024).includes('%PDF-');
}

/**
 * Turns the request's inputs into the single PDF Sinch stores, the way its conversion step does.
 * A lone PDF upload is kept byte for byte so a test can compare hashes; anything else is merged.
 * Unreadable inputs give the DOCUMENT_CONVERSION_ERROR codes of reference §11.3.
 */
export async function buildDocument(parts: DocumentPart[]): Promise<BuiltDocument> {
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only?.kind === 'file' && isPdf(only.bytes)) {
    const pages = await countPdfPages(only.bytes);
    return pages ? { ok: true, pdf: only.bytes, pages } : { ok: false, errorCode: 133, errorMessage: 'Failed to normalize PDF document' };
  }
  const merged = await PDFDocument.create();
  const font = await merged.embedFont(StandardFonts.Helvetica);
  for (const part of parts) {
    if (part.kind === 'url') {
      const page = merged.addPage(LETTER);
      page.drawText(toWinAnsi(`Content fetched from ${part.url}`), { x: 72, y: 720, size: 11, font });
      continue;
    }
    const type = part.fileType.toUpperCase();
    if (type === 'PDF' || isPdf(part.bytes)) {
      try {
        const source = await PDFDocument.load(part.bytes, { updateMetadata: false });
        const pages = await merged.copyPages(source, source.getPageIndices());
        pages.forEach((page) => merged.addPage(page));
      } catch {
        return { ok: false, errorCode: 133, errorMessage: 'Failed to normalize PDF document' };
      }
    } else if (type === 'PNG' || type === 'JPG' || type === 'JPEG') {
      try {
        const image = type === 'PNG' ? await merged.embedPng(part.bytes) : await merged.embedJpg(part.bytes);
        const page = merged.addPage(LETTER);
        const scale = Math.min(1, (LETTER[0] - 72) / image.width, (LETTER[1] - 72) / image.height);
        page.drawImage(image, { x: 36, y: LETTER[1] - 36 - image.height * scale, width: image.width * scale, height: image.height * scale });
      } catch {
        return { ok: false, errorCode: 128, errorMessage: 'Could not determine mimetype for file.' };
      }
    } else if (['TXT', 'HTML', 'DOCX', 'DOC', 'ODT', 'TIF', 'TIFF'].includes(type)) {
      // Not rendered for real: one page stands in for the converted document.
      const page = merged.addPage(LETTER);
      page.drawText(toWinAnsi(`Converted ${type} document (${part.bytes.length} bytes)`), { x: 72, y: 720, size: 11, font });
    } else {
      return { ok: false, errorCode: 129, errorMessage: 'Mimetype not supported.' };
    }
  }
  if (merged.getPageCount() === 0) return { ok: false, errorCode: 4, errorMessage: 'There was a problem in converting and merging files to the output file format. Contact support.' };
  merged.setCreationDate(new Date(0));
  merged.setModificationDate(new Date(0));
  return { ok: true, pdf: Buffer.from(await merged.save()), pages: merged.getPageCount() };
}

/** Maps an upload's MIME type or file name to Sinch's FaxBase64FileType. */
export function fileTypeOf(contentType: string, filename: string, bytes: Buffer): string {
  if (isPdf(bytes)) return 'PDF';
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const byMime: Record<string, string> = {
    'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPG', 'image/tiff': 'TIF', 'text/plain': 'TXT', 'text/html': 'HTML',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX', 'application/msword': 'DOC',
  };
  const byExt: Record<string, string> = { pdf: 'PDF', png: 'PNG', jpg: 'JPG', jpeg: 'JPG', tif: 'TIF', tiff: 'TIF', txt: 'TXT', html: 'HTML', htm: 'HTML', docx: 'DOCX', doc: 'DOC', odt: 'ODT' };
  return byMime[contentType.toLowerCase()] ?? byExt[ext] ?? (contentType || 'UNKNOWN');
}

/** pdf-lib's standard fonts only encode WinAnsi; replace anything else. */
function toWinAnsi(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}
