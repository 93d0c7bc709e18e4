import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SinchSettings } from '../../../../common/domain/account';
import { E164_PATTERN } from '../../../../common/domain/phone';
import type { OutgoingDocument, SendFaxInput } from '../faxProvider';
import type { SinchSendRequest } from './sinchClient';
import { invalidInput } from './sinchErrors';

/** Sinch's per-file limit (CLI docs, §5.1.4); checked here so nothing is uploaded in vain. */
export const SINCH_MAX_FILE_BYTES = 20 * 1024 * 1024;
export const SINCH_MAX_HEADER_TEXT = 50;
export const SINCH_MAX_RETRIES = 5;

/** File types Sinch converts (§5.1.4), by extension, with the MIME type we send. */
const SUPPORTED_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.txt': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
};
const SUPPORTED_MIME = new Set(Object.values(SUPPORTED_TYPES));
const SUPPORTED_LIST = 'PDF, TIFF, JPEG, PNG, Word (DOC/DOCX), text or HTML';

/** Sinch-specific send options on top of the shared SendFaxInput. */
export interface SinchSendFaxInput extends SendFaxInput {
  /** Overrides the account's service for this fax. */
  serviceId?: string;
}

function contentTypeFor(document: OutgoingDocument): string {
  const byExtension = SUPPORTED_TYPES[extname(document.name || document.path).toLowerCase()];
  const declared = document.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const type = SUPPORTED_MIME.has(declared) ? declared : byExtension;
  if (!type) {
    throw invalidInput(`“${document.name}” is a file type Sinch cannot fax. Use ${SUPPORTED_LIST}.`, 'unsupported_file');
  }
  return type;
}

async function checkSize(document: OutgoingDocument): Promise<void> {
  let size: number;
  try {
    const info = await stat(document.path);
    if (!info.isFile()) throw new Error('not a file');
    // A sealed stored document: what is uploaded is its plain content, of the size the store recorded.
    size = document.open ? document.sizeBytes : info.size;
  } catch {
    throw invalidInput(`“${document.name}” could not be read. Add it again.`, 'unsupported_file');
  }
  if (size === 0) throw invalidInput(`“${document.name}” is empty.`, 'unsupported_file');
  if (size > SINCH_MAX_FILE_BYTES) {
    const megabytes = (size / (1024 * 1024)).toFixed(1);
    throw invalidInput(`“${document.name}” is ${megabytes} MB; Sinch accepts files up to 20 MB. Split it or reduce its size.`, 'files_too_large');
  }
}

function checkMap(name: string, map: Record<string, string> | undefined, lowerCaseKeys: boolean): void {
  for (const key of Object.keys(map ?? {})) {
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(key)) throw invalidInput(`${name} key “${key}” may only use letters, digits, _ . and -.`);
    if (lowerCaseKeys && key !== key.toLowerCase()) throw invalidInput(`${name} keys must be lower case (“${key}”).`);
  }
}

/**
 * Checks a send completely before any request (bad input changes nothing, DESIGN §5) and turns it
 * into the wire request. The account's `fromNumber` and `serviceId` fill in what the input leaves out.
 */
export async function toSinchSendRequest(input: SinchSendFaxInput, settings: SinchSettings): Promise<SinchSendRequest> {
  if (input.to.length === 0) throw invalidInput('Add at least one recipient.');
  for (const number of input.to) {
    if (!E164_PATTERN.test(number)) throw invalidInput(`“${number}” is not a valid fax number. Use the international form, e.g. +12015550123.`);
  }
  const from = input.from ?? (settings.fromNumber || undefined);
  if (from !== undefined && !E164_PATTERN.test(from)) throw invalidInput(`The sender number “${from}” is not in the international form, e.g. +12015550123.`);
  if (input.documents.length === 0) throw invalidInput('Add at least one document.');
  if (input.headerText !== undefined && input.headerText.length > SINCH_MAX_HEADER_TEXT) {
    throw invalidInput(`The header text is ${input.headerText.length} characters; Sinch allows ${SINCH_MAX_HEADER_TEXT}.`);
  }
  if (input.maxRetries !== undefined && !(Number.isInteger(input.maxRetries) && input.maxRetries >= 0 && input.maxRetries <= SINCH_MAX_RETRIES)) {
    throw invalidInput(`Retries must be a whole number from 0 to ${SINCH_MAX_RETRIES}.`);
  }
  if (input.retryDelaySeconds !== undefined && !(Number.isInteger(input.retryDelaySeconds) && input.retryDelaySeconds >= 0)) {
    throw invalidInput('The delay between retries must be a whole number of seconds.');
  }
  if (input.coverPageData && !input.coverPageId) throw invalidInput('Cover page fields were given without a cover page.');
  checkMap('Cover page field', input.coverPageData, true);
  const labels = { ...input.labels, ...(input.clientReference ? { faxdeskRef: input.clientReference } : {}) };
  checkMap('Label', labels, false);

  const files = input.documents.map((document) => ({
    path: document.path, filename: document.name, contentType: contentTypeFor(document),
    ...(document.open ? { open: document.open, sizeBytes: document.sizeBytes } : {}),
  }));
  for (const document of input.documents) await checkSize(document);

  return {
    to: [...input.to],
    files,
    from,
    headerText: input.headerText,
    resolution: input.resolution,
    maxRetries: input.maxRetries,
    retryDelaySeconds: input.retryDelaySeconds,
    coverPageId: input.coverPageId,
    coverPageData: input.coverPageData,
    labels: Object.keys(labels).length > 0 ? labels : undefined,
    serviceId: input.serviceId ?? (settings.serviceId || undefined),
  };
}
