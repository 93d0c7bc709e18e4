import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { OutgoingDocument } from '../faxProvider';
import { buildStreamingMultipart, type StreamingMultipart } from '../streamingMultipart';
import { invalidInput } from './welkinErrors';
import type { WelkinFaxFile } from './welkinSchemas';

/** Welkin's documented limits for one fax (seed: "Maximum 10 files with a total size of up to 100 MB"). */
export const WELKIN_MAX_FILES = 10;
export const WELKIN_MAX_TOTAL_BYTES = 100 * 1024 * 1024;
export const WELKIN_FILE_TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A file checked against Welkin's rules, ready to stream from disk. */
export interface CheckedUpload {
  path: string;
  /** The name Welkin sees; always ends with an accepted extension (Welkin checks the name). */
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** A stored document's decrypted content (OutgoingDocument.open). */
  open?: () => AsyncIterable<Uint8Array>;
}

function acceptedExtension(name: string): string | undefined {
  const extension = extname(name).toLowerCase();
  return extension in WELKIN_FILE_TYPES ? extension : undefined;
}

async function sizeOnDisk(document: OutgoingDocument): Promise<number> {
  const { path, name } = document;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    // A sealed stored document: what is uploaded is its plain content, of the size the store recorded.
    return document.open ? document.sizeBytes : info.size;
  } catch {
    throw invalidInput(`Cannot read “${name}”. It may have been moved or deleted.`, 'unsupported_file');
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Checks documents against Welkin's limits before anything is uploaded, so a refused batch never
 * leaves half a draft behind. Sizes come from the disk, not from what the caller claims.
 * `alreadyAttached` are files the draft holds already (they count towards the limits).
 */
export async function checkUploads(documents: readonly OutgoingDocument[], alreadyAttached: readonly WelkinFaxFile[] = []): Promise<CheckedUpload[]> {
  if (documents.length === 0) throw invalidInput('Add at least one document to the fax.');
  const fileCount = documents.length + alreadyAttached.length;
  if (fileCount > WELKIN_MAX_FILES) {
    throw invalidInput(`Welkin accepts at most ${WELKIN_MAX_FILES} files per fax; this fax would have ${fileCount}. Combine some documents.`, 'too_many_files', 'FAX_FILES_LIMIT_EXCEEDED');
  }
  const checked: CheckedUpload[] = [];
  for (const document of documents) {
    const extension = acceptedExtension(document.name) ?? acceptedExtension(document.path);
    if (!extension) {
      throw invalidInput(`“${document.name}” is not a file type Welkin accepts. Use PDF, JPG, PNG or DOCX.`, 'unsupported_file', 'FAX_FILE_TYPE_NOT_SUPPORTED');
    }
    const sizeBytes = await sizeOnDisk(document);
    if (sizeBytes === 0) throw invalidInput(`“${document.name}” is empty.`, 'unsupported_file');
    const fileName = acceptedExtension(document.name) ? document.name : `${document.name}${extension}`;
    checked.push({ path: document.path, fileName, contentType: WELKIN_FILE_TYPES[extension] ?? document.contentType, sizeBytes, ...(document.open ? { open: document.open } : {}) });
  }
  const attachedBytes = alreadyAttached.reduce((sum, file) => sum + (file.size ?? 0), 0);
  const totalBytes = checked.reduce((sum, file) => sum + file.sizeBytes, attachedBytes);
  if (totalBytes > WELKIN_MAX_TOTAL_BYTES) {
    throw invalidInput(`Welkin accepts at most 100 MB of files per fax; these come to ${megabytes(totalBytes)}. Send fewer or smaller files.`, 'files_too_large', 'FAX_FILES_SIZE_LIMIT_EXCEEDED');
  }
  return checked;
}

/**
 * The multipart body of an upload, one `fieldName` part per file, read from disk as the request
 * goes out (the same builder as Sinch's send): memory stays flat whatever the sizes. Opened anew
 * for every attempt, since a stream cannot be replayed.
 */
export function uploadBody(files: readonly CheckedUpload[], fieldName: string): Promise<StreamingMultipart> {
  return buildStreamingMultipart([], files.map((file) => ({
    field: fieldName, path: file.path, filename: file.fileName, contentType: file.contentType, ...(file.open ? { open: file.open, sizeBytes: file.sizeBytes } : {}),
  })));
}
