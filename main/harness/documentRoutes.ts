import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../../common/domain/document';
import { stringifyWire } from '../../common/ipc/wireJson';
import type { Core } from '../core/app';
import { parseByteRange } from '../core/crypto/byteRange';
import { bodyToFile, declaredLength, lengthRequired, refuse, tooLarge, type Refusal } from './requestBody';

type DocumentCore = Pick<Core, 'dispatch' | 'documentContent'>;

/** The pipeline's own limit: anything larger could never be faxed, so it is not even read. */
export const MAX_UPLOAD_BYTES = MAX_DOCUMENT_BYTES;

/**
 * `POST /__bridge/upload?name=…`: the body is the file, streamed to disk (never held whole, never
 * base64 in JSON), then added by path as Electron adds a dropped file. Answers like an invoke; a
 * body over the limit is refused with 413 and not read.
 */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL, core: DocumentCore, uploadDir: string): Promise<void> {
  const name = url.searchParams.get('name') ?? '';
  if (!/^application\/octet-stream\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    return refuse(req, res, { status: 415, code: 'invalid_input', message: 'An upload is sent as application/octet-stream.', close: true });
  }
  if (!name) return refuse(req, res, { status: 400, code: 'invalid_input', message: 'The file has no name.', close: true });
  // A known length lets a file that is too large be refused before any of it is read (browsers
  // always send one for a file); the stream is still counted in case the client lies.
  const length = declaredLength(req);
  if (Number.isNaN(length)) return refuse(req, res, lengthRequired('An upload'));
  const tooBig = tooLarge(MAX_UPLOAD_BYTES, name, 'files_too_large');
  if (length > MAX_UPLOAD_BYTES) return refuse(req, res, tooBig);
  await mkdir(uploadDir, { recursive: true });
  const path = join(uploadDir, `upload-${randomUUID()}`);
  let result: unknown;
  let refusal: Refusal | undefined;
  try {
    const stored = await bodyToFile(req, path, MAX_UPLOAD_BYTES);
    if (stored.ok) result = await core.dispatch('documents.addFile', { path, name });
    else refusal = stored.reason === 'too_large' ? tooBig : { status: 400, code: 'network', message: `${name} did not arrive whole. Add it again.`, close: true };
  } finally {
    // Gone before the answer: the core has copied what it keeps.
    await rm(path, { force: true });
  }
  if (refusal) return refuse(req, res, refusal);
  const body = stringifyWire(result);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(body);
}

/**
 * `GET /__bridge/documents/<id>`: a document's content (what is sent, or a received fax), decrypted
 * as it streams, with single byte ranges so pdf.js can show the first page of a long file before
 * the rest arrives. A stored file that fails to verify ends the response before any damaged byte
 * (the core marks it damaged).
 */
export async function serveDocument(req: IncomingMessage, res: ServerResponse, id: string, core: DocumentCore): Promise<void> {
  const content = await core.documentContent(id);
  if (!content) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('No such document');
    return;
  }
  const headers = { 'Content-Type': content.contentType, 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  const asked = parseByteRange(req.headers.range, content.sizeBytes);
  if (asked.kind === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${content.sizeBytes}` });
    res.end();
    return;
  }
  const range = asked.kind === 'range' ? asked.range : undefined;
  if (range) res.writeHead(206, { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${content.sizeBytes}`, 'Content-Length': range.end - range.start + 1 });
  else res.writeHead(200, { ...headers, 'Content-Length': content.sizeBytes });
  if (req.method === 'HEAD' || content.sizeBytes === 0) {
    res.end();
    return;
  }
  content.open(range).on('error', () => res.destroy()).pipe(res);
}
