import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';

export class BodyError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Reads a whole request body, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = 256 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) throw new BodyError(413, `Request body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(req: IncomingMessage, limit?: number): Promise<unknown> {
  const body = await readBody(req, limit);
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new BodyError(400, 'Request body is not valid JSON');
  }
}

export interface MultipartFile {
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface MultipartBody {
  /** Fields in arrival order; repeated names stay repeated. */
  fields: Array<[string, string]>;
  files: MultipartFile[];
}

/** Parses multipart/form-data (busboy). Files are kept in memory: the emulator is the "server". */
export function readMultipart(req: IncomingMessage, limits: { fileSize?: number; files?: number } = {}): Promise<MultipartBody> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: limits.fileSize ?? 256 * 1024 * 1024, files: limits.files ?? 1000 } });
    } catch (error) {
      reject(new BodyError(400, `Malformed multipart request: ${(error as Error).message}`));
      return;
    }
    const result: MultipartBody = { fields: [], files: [] };
    const pending: Promise<void>[] = [];
    parser.on('field', (name, value) => result.fields.push([name, value]));
    parser.on('file', (field, stream, info) => {
      pending.push(new Promise((done, fail) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('limit', () => fail(new BodyError(413, `File ${info.filename} is too large`)));
        stream.on('error', fail);
        stream.on('end', () => {
          result.files.push({ field, filename: info.filename ?? 'file', contentType: info.mimeType, bytes: Buffer.concat(chunks) });
          done();
        });
      }));
    });
    parser.on('error', (error: Error) => reject(new BodyError(400, `Malformed multipart request: ${error.message}`)));
    parser.on('close', () => { Promise.all(pending).then(() => resolve(result), reject); });
    req.pipe(parser);
  });
}

/**
 * Splits a query string without form decoding, so a literal `+` stays `+` (the Sinch SDK sends
 * `to=+1201` unencoded). Percent-escapes are decoded; `+` is not turned into a space.
 */
export function parseRawQuery(search: string): Array<[string, string]> {
  const text = search.startsWith('?') ? search.slice(1) : search;
  if (!text) return [];
  return text.split('&').filter(Boolean).map((pair) => {
    const eq = pair.indexOf('=');
    const key = eq === -1 ? pair : pair.slice(0, eq);
    const value = eq === -1 ? '' : pair.slice(eq + 1);
    return [safeDecode(key), safeDecode(value)];
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address === '::ffff:127.0.0.1' || address.startsWith('::ffff:127.'));
}
