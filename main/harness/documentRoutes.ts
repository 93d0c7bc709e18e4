import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MAX_DOCUMENT_BYTES } from '../../common/domain/document';
import { errorInfo } from '../../common/errors';
import { stringifyWire } from '../../common/ipc/wireJson';
import type { Core } from '../core/app';

type DocumentCore = Pick<Core, 'dispatch' | 'documentContent'>;

/**
 * `POST /__bridge/upload?name=…`: the body is the file, streamed to disk (never held whole, never
 * base64 in JSON), then added by path as Electron adds a dropped file. Answers like an invoke.
 */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL, core: DocumentCore, uploadDir: string): Promise<void> {
  const name = url.searchParams.get('name') ?? '';
  const answer = (value: unknown) => {
    const body = stringifyWire(value);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
    res.end(body);
  };
  if (!name) return answer({ ok: false, error: errorInfo('invalid_input', { message: 'The file has no name.' }) });
  await mkdir(uploadDir, { recursive: true });
  const path = join(uploadDir, `upload-${randomUUID()}`);
  let result: unknown;
  try {
    let received = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        // One byte over the limit is enough for the core to refuse the file by its size.
        if (received > MAX_DOCUMENT_BYTES + 1) done(new Error('too large'));
        else done(null, chunk);
      },
    });
    const stored = await pipeline(req, limit, createWriteStream(path, { flags: 'wx' })).then(() => true, () => false);
    if (stored) {
      result = await core.dispatch('documents.addFile', { path, name });
    } else {
      req.resume();
      result = received > MAX_DOCUMENT_BYTES
        ? { ok: false, error: errorInfo('files_too_large', { message: `${name} is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.` }) }
        : { ok: false, error: errorInfo('network', { message: `${name} did not arrive whole. Add it again.` }) };
    }
  } finally {
    await rm(path, { force: true });
  }
  answer(result);
}

/**
 * `GET /__bridge/documents/<id>`: a document's content (what is sent) for the preview, with
 * single byte ranges so pdf.js can show the first page of a long file before the rest arrives.
 */
export function serveDocument(req: IncomingMessage, res: ServerResponse, id: string, core: DocumentCore): void {
  const content = core.documentContent(id);
  if (!content) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('No such document');
    return;
  }
  const headers = { 'Content-Type': content.contentType, 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  let start = 0;
  let end = content.sizeBytes - 1;
  if (range && (range[1] || range[2])) {
    start = range[1] ? Number(range[1]) : Math.max(0, content.sizeBytes - Number(range[2]));
    end = range[1] && range[2] ? Math.min(Number(range[2]), end) : end;
    if (start > end || start >= content.sizeBytes) {
      res.writeHead(416, { 'Content-Range': `bytes */${content.sizeBytes}` });
      res.end();
      return;
    }
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${content.sizeBytes}`, 'Content-Length': end - start + 1 });
  } else {
    res.writeHead(200, { ...headers, 'Content-Length': content.sizeBytes });
  }
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(content.path, { start, end }).on('error', () => res.destroy()).pipe(res);
}
