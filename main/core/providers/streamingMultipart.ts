import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

export interface MultipartFilePart {
  field: string;
  path: string;
  filename: string;
  contentType: string;
  /** A stored (sealed) document: its decrypted content and plain size, instead of reading `path` as it is. */
  open?: () => AsyncIterable<Uint8Array>;
  sizeBytes?: number;
}

export interface StreamingMultipart {
  contentType: string;
  /** Exact byte length, so the request carries Content-Length instead of chunked encoding. */
  contentLength: number;
  /** A fresh body each call: a retried request needs its own stream. */
  open(): ReadableStream<Uint8Array>;
}

const CRLF = '\r\n';
const READ_CHUNK_BYTES = 1024 * 1024;

/** Header values must stay on one line and inside quotes; non-ASCII names fall back to `_`. */
function quoteParam(value: string): string {
  return value.replace(/[\r\n"]/g, '_').replace(/[^\x20-\x7e]/g, '_');
}

function fieldHeader(boundary: string, name: string): string {
  return `--${boundary}${CRLF}Content-Disposition: form-data; name="${quoteParam(name)}"${CRLF}${CRLF}`;
}

function fileHeader(boundary: string, part: MultipartFilePart): string {
  return `--${boundary}${CRLF}Content-Disposition: form-data; name="${quoteParam(part.field)}"; ` +
    `filename="${quoteParam(part.filename)}"${CRLF}Content-Type: ${part.contentType}${CRLF}${CRLF}`;
}

/**
 * Builds a multipart/form-data body (Sinch's send, Welkin's upload) whose file parts are read from disk as the request goes out.
 * Text parts are small and encoded up front; files are stat'ed for the length and streamed in
 * 1 MiB chunks (fewer trips through fetch's stream machinery), so memory stays flat whatever the file sizes.
 */
export async function buildStreamingMultipart(
  fields: ReadonlyArray<readonly [string, string]>,
  files: readonly MultipartFilePart[],
): Promise<StreamingMultipart> {
  const boundary = `----FaxdeskFormBoundary${randomBytes(12).toString('hex')}`;
  const fieldBytes = fields.map(([name, value]) => Buffer.from(`${fieldHeader(boundary, name)}${value}${CRLF}`, 'utf8'));
  const fileHeaders = files.map((part) => Buffer.from(fileHeader(boundary, part), 'utf8'));
  const fileSizes = await Promise.all(files.map(async (part) => (part.open ? part.sizeBytes ?? 0 : (await stat(part.path)).size)));
  const crlf = Buffer.from(CRLF);
  const closing = Buffer.from(`--${boundary}--${CRLF}`);

  const contentLength = fieldBytes.reduce((sum, bytes) => sum + bytes.length, 0)
    + fileHeaders.reduce((sum, bytes, index) => sum + bytes.length + (fileSizes[index] ?? 0) + crlf.length, 0)
    + closing.length;

  async function* generate(): AsyncGenerator<Uint8Array> {
    for (const bytes of fieldBytes) yield bytes;
    for (const [index, part] of files.entries()) {
      yield fileHeaders[index] as Buffer;
      for await (const chunk of part.open ? part.open() : createReadStream(part.path, { highWaterMark: READ_CHUNK_BYTES })) {
        yield chunk as Buffer;
      }
      yield crlf;
    }
    yield closing;
  }

  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength,
    open: () => ReadableStream.from(generate()),
  };
}

/** The headers a streamed multipart body needs: its type with the boundary, and its exact length. */
export function multipartHeaders(multipart: StreamingMultipart): Record<string, string> {
  return { 'Content-Type': multipart.contentType, 'Content-Length': String(multipart.contentLength) };
}

/**
 * Fetch options that send a fresh body stream. `duplex: 'half'` is required by fetch for stream
 * bodies. `redirect: 'error'`: neither provider redirects, and any other mode makes undici clone the
 * request, teeing the body stream and queueing the whole upload in memory (measured: peak = body size).
 */
export function multipartInit(multipart: StreamingMultipart): RequestInit {
  return { body: multipart.open(), duplex: 'half', redirect: 'error' } as RequestInit;
}
