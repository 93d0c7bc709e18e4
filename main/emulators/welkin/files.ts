import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { ALLOWED_EXTENSIONS, MAX_FILES_PER_FAX, MAX_TOTAL_BYTES } from './constants';
import { WELKIN_HEADERS, WelkinHttpError, validationError } from './errors';
import { newId, type StoredFile } from './store';

/** Part names accepted for fax uploads (reference U8: seed shows `file`, Welkin's own uses `files`). */
export const UPLOAD_FIELD_NAMES: ReadonlySet<string> = new Set(['files', 'files[]', 'file']);

interface ReceivedPart {
  filename: string;
  bytes: Buffer;
  size: number;
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot === -1 ? '' : filename.slice(dot + 1).toLowerCase();
}

/**
 * Reads a fax upload, enforcing the per-fax limits while streaming: once the running total passes
 * 100 MB the bytes are counted but no longer kept. The body is always read to the end before the
 * answer, so a client still writing its body gets the 400 instead of a broken pipe.
 */
export function receiveUpload(req: IncomingMessage, faxId: string, existing: { count: number; bytes: number }): Promise<StoredFile[]> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: Number.MAX_SAFE_INTEGER, files: 1000 } });
    } catch {
      req.resume();
      reject(validationError('Request must be multipart/form-data with file parts named files', { faxId }));
      return;
    }
    const parts: ReceivedPart[] = [];
    let total = existing.bytes;
    let badType: string | undefined;
    const ended: Promise<void>[] = [];
    parser.on('file', (field, stream, info) => {
      const filename = info.filename ?? 'file';
      if (!UPLOAD_FIELD_NAMES.has(field)) {
        stream.resume();
        return;
      }
      if (!(extensionOf(filename) in ALLOWED_EXTENSIONS)) badType ??= filename;
      const chunks: Buffer[] = [];
      const part: ReceivedPart = { filename, bytes: Buffer.alloc(0), size: 0 };
      parts.push(part);
      stream.on('data', (chunk: Buffer) => {
        part.size += chunk.length;
        total += chunk.length;
        if (total <= MAX_TOTAL_BYTES && !badType) chunks.push(chunk);
      });
      ended.push(new Promise((done) => stream.on('end', () => {
        part.bytes = Buffer.concat(chunks);
        done();
      })));
    });
    parser.on('error', (error: Error) => {
      req.unpipe(parser);
      req.resume();
      reject(validationError(`Malformed multipart request: ${error.message}`, { faxId }));
    });
    parser.on('close', () => void Promise.all(ended).then(() => {
      const problem = uploadProblem(faxId, parts, existing, total, badType);
      if (problem) {
        reject(problem);
        return;
      }
      return Promise.all(parts.map((part) => toStoredFile(part))).then(resolve);
    }).catch(reject));
    req.pipe(parser);
  });
}

function uploadProblem(faxId: string, parts: ReceivedPart[], existing: { count: number; bytes: number }, total: number, badType: string | undefined): WelkinHttpError | undefined {
  if (badType !== undefined) {
    return new WelkinHttpError(400, 'FAX_FILE_TYPE_NOT_SUPPORTED', 'FAX',
      `File type is not supported: ${badType}. Supported types: jpg, jpeg, png, pdf, docx`,
      { faxId, fileName: badType, supportedTypes: Object.keys(ALLOWED_EXTENSIONS) });
  }
  if (parts.length === 0) return validationError('No files in the request (use multipart parts named files)', { faxId });
  if (existing.count + parts.length > MAX_FILES_PER_FAX) {
    return new WelkinHttpError(400, 'FAX_FILES_LIMIT_EXCEEDED', 'FAX', `A fax can have at most ${MAX_FILES_PER_FAX} files`,
      { faxId, maxFiles: MAX_FILES_PER_FAX, existingFiles: existing.count, uploadedFiles: parts.length });
  }
  if (total > MAX_TOTAL_BYTES) {
    return new WelkinHttpError(400, 'FAX_FILES_SIZE_LIMIT_EXCEEDED', 'FAX', 'Total size of fax files cannot exceed 100 MB',
      { faxId, maxTotalBytes: MAX_TOTAL_BYTES, totalBytes: total });
  }
  const empty = parts.find((part) => part.size === 0);
  if (empty) return validationError(`File is empty: ${empty.filename}`, { faxId, fileName: empty.filename });
  return undefined;
}

async function toStoredFile(part: ReceivedPart): Promise<StoredFile> {
  const extension = extensionOf(part.filename);
  return {
    id: newId(),
    originalName: part.filename,
    // Stored type follows the extension, which is what the server validated.
    contentType: ALLOWED_EXTENSIONS[extension] ?? 'application/octet-stream',
    size: part.bytes.length,
    storageKey: null,
    bytes: part.bytes,
    sha256: sha256(part.bytes),
    pages: extension === 'pdf' ? await countPdfPages(part.bytes) : 1,
  };
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Page count of a PDF; anything unreadable counts as one page (the carrier would still try). */
export async function countPdfPages(bytes: Buffer): Promise<number> {
  try {
    const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return Math.max(1, pdf.getPageCount());
  } catch {
    return 1;
  }
}

/** Builds a stored PDF file from bytes (inbound faxes). */
export async function storedPdf(bytes: Buffer, originalName: string): Promise<StoredFile> {
  return { id: newId(), originalName, contentType: 'application/pdf', size: bytes.length, storageKey: null, bytes, sha256: sha256(bytes), pages: await countPdfPages(bytes) };
}

/** A small PDF standing in for a received fax: one text line per page, so a viewer shows something. */
export async function generateFaxPdf(from: string, to: string, pages: number, receivedAt: Date): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Fax from ${from}`);
  pdf.setProducer('Faxdesk Welkin emulator');
  pdf.setCreationDate(receivedAt);
  pdf.setModificationDate(receivedAt);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let index = 1; index <= pages; index++) {
    const page = pdf.addPage([612, 792]);
    page.drawText(`Received fax from ${from} to ${to}`, { x: 72, y: 700, size: 18, font, color: rgb(0, 0, 0) });
    page.drawText(`${receivedAt.toISOString()}  -  page ${index} of ${pages}`, { x: 72, y: 672, size: 12, font, color: rgb(0.2, 0.2, 0.2) });
  }
  return Buffer.from(await pdf.save());
}

/** File download as Welkin serves document files: raw bytes, no Content-Disposition ([LM-CAS]). */
export function sendFileBytes(res: ServerResponse, file: StoredFile): void {
  res.writeHead(200, {
    ...WELKIN_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': String(file.bytes.length),
    'Accept-Ranges': 'true',
  });
  res.end(file.bytes);
}
