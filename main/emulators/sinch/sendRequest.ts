import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { parseRawQuery, readBody, readJsonBody, readMultipart } from '../shared/httpKit';
import { SinchHttpError, invalid, type FieldViolation } from './errors';
import { fileTypeOf } from './pdf';
import { E164, boolish, intish, issuesToViolations, stringMap } from './validation';

export const FILE_TYPES = ['DOCX', 'PDF', 'TIF', 'JPG', 'TXT', 'HTML', 'PNG', 'DOC', 'ODT'] as const;

/** Splits `a;b`, `a,b` and arrays of either into one trimmed list (reference §15.2). */
const list = (separator: RegExp) => z.union([z.string(), z.array(z.string())]).transform((value) =>
  (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(separator)).map((item) => item.trim()).filter(Boolean));

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, { message: 'Unknown time zone' });

export const SendFaxSchema = z.object({
  // Checked after parsing so each bad number is quoted in its own violation.
  to: list(/[;,]/).optional(),
  from: z.string().regex(E164, { message: 'is not a valid phone number' }).optional(),
  contentUrl: list(/,/).pipe(z.array(z.url({ protocol: /^https?$/, message: 'is not a valid URL' }))).optional(),
  files: z.array(z.object({
    file: z.string().regex(/^[A-Za-z0-9+/=_\-\s]*$/, { message: 'is not valid base64' }),
    fileType: z.enum(FILE_TYPES),
  })).optional(),
  headerText: z.string().max(50, { message: 'must be 50 characters or fewer' }).optional(),
  headerPageNumbers: boolish.optional(),
  headerTimeZone: timeZone.optional(),
  retryDelaySeconds: intish(0, 86_400).optional(),
  maxRetries: intish(0, 5).optional(),
  labels: stringMap.optional(),
  callbackUrl: z.url({ protocol: /^https?$/, message: 'is not a valid URL' }).optional(),
  callbackUrlContentType: z.enum(['multipart/form-data', 'application/json']).optional(),
  imageConversionMethod: z.enum(['HALFTONE', 'MONOCHROME']).optional(),
  serviceId: z.string().min(1).optional(),
  resolution: z.enum(['FINE', 'SUPERFINE']).optional(),
  coverPageId: z.string().min(1).optional(),
  coverPageData: stringMap.optional(),
});
export type SendFaxFields = z.infer<typeof SendFaxSchema>;

export interface UploadedFile {
  filename: string;
  contentType: string;
  fileType: string;
  bytes: Buffer;
  sha256: string;
}

export interface SendFaxInput {
  fields: SendFaxFields;
  to: string[];
  files: UploadedFile[];
}

/** Multipart field names Sinch knows, matched case-insensitively (.NET sends `To`, `ContentUrl`). */
const FIELD_NAMES = Object.keys(SendFaxSchema.shape);

/** Reads `POST /faxes` in JSON, multipart or url-encoded form, then validates it (422 + fieldViolations). */
export async function readSendRequest(req: IncomingMessage): Promise<SendFaxInput> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  let raw: Record<string, unknown>;
  const files: UploadedFile[] = [];
  if (type.startsWith('multipart/form-data')) {
    const body = await readMultipart(req);
    raw = fieldsToObject(body.fields);
    for (const part of body.files) {
      if (!/^files?$/i.test(part.field)) continue;
      files.push(upload(part.filename, part.contentType, fileTypeOf(part.contentType, part.filename, part.bytes), part.bytes));
    }
  } else if (type.startsWith('application/x-www-form-urlencoded')) {
    raw = fieldsToObject(parseRawQuery((await readBody(req, 64 * 1024 * 1024)).toString('utf8')));
  } else if (type.startsWith('application/json') || type === '') {
    const json = await readJsonBody(req);
    if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new SinchHttpError(400, 'The request body must be a JSON object');
    raw = json as Record<string, unknown>;
  } else {
    req.resume();
    throw new SinchHttpError(400, `Unsupported Content-Type ${type}; use application/json or multipart/form-data`);
  }
  const parsed = SendFaxSchema.safeParse(raw);
  if (!parsed.success) throw invalid(issuesToViolations(parsed.error.issues, raw));
  (parsed.data.files ?? []).forEach((file, i) => {
    files.push(upload(`file${i + 1}.${file.fileType.toLowerCase()}`, '', file.fileType, Buffer.from(file.file, 'base64')));
  });
  const violations: FieldViolation[] = [];
  const to = parsed.data.to ?? [];
  if (to.length === 0) violations.push({ field: 'to', description: 'to is required' });
  for (const number of to) {
    if (!E164.test(number)) violations.push({ field: 'to', description: `The (${number}) is not a valid phone number` });
  }
  if (files.length === 0 && !(parsed.data.contentUrl?.length)) {
    violations.push({ field: 'contentUrl', description: 'At least one file or contentUrl parameter is required.' });
  }
  files.forEach((file, i) => {
    if (file.bytes.length === 0) violations.push({ field: `files[${i}]`, description: 'The file is empty' });
  });
  if (violations.length > 0) throw invalid(violations);
  return { fields: parsed.data, to, files };
}

function upload(filename: string, contentType: string, fileType: string, bytes: Buffer): UploadedFile {
  return { filename, contentType, fileType, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Form fields to the JSON shape: repeated `to`/`contentUrl` become arrays, `labels[k]` and
 * `coverPageData[k]` become maps (a JSON string is accepted too), scalars keep their last value.
 */
function fieldsToObject(fields: Array<[string, string]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawName, value] of fields) {
    const bracket = /^([^[\]]+)\[([^\]]*)\]$/.exec(rawName);
    const name = canonical(bracket ? bracket[1] ?? '' : rawName);
    if (bracket && (name === 'labels' || name === 'coverPageData')) {
      const map = (out[name] ??= {}) as Record<string, string>;
      map[bracket[2] ?? ''] = value;
    } else if (name === 'to' || name === 'contentUrl') {
      out[name] = [...((out[name] as string[] | undefined) ?? []), value];
    } else if ((name === 'labels' || name === 'coverPageData') && value.trim().startsWith('{')) {
      out[name] = parseJsonObject(value) ?? value;
    } else {
      out[name] = value;
    }
  }
  return out;
}

function canonical(name: string): string {
  return FIELD_NAMES.find((known) => known.toLowerCase() === name.toLowerCase()) ?? name;
}

function parseJsonObject(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
