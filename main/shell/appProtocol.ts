import { join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { Net, Protocol } from 'electron';
import { parseByteRange } from '../core/crypto/byteRange';
import type { DocumentContent } from '../core/crypto/sealedFiles';

/** The renderer is served from app://faxdesk/…, an origin the IPC sender check can pin exactly. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://faxdesk';
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Must run before `app.whenReady()`. */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Maps app://faxdesk/<path> to a file under `rendererDir`; anything outside it is refused. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | undefined {
  const url = new URL(requestUrl);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'faxdesk') return undefined;
  const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  const root = normalize(rendererDir + sep);
  const file = normalize(join(root, relative));
  return file.startsWith(root) ? file : undefined;
}

/** Sent as a header because a <meta> CSP cannot carry frame-ancestors; the rest is in index.html. */
export const FRAME_ANCESTORS_CSP = "frame-ancestors 'none'";

/** What the core says about a document: its decrypted content with size and ranges, for `app://faxdesk/documents/<id>`. */
export type DocumentContentLookup = (id: string) => Promise<DocumentContent | undefined>;

/** What a request asks for: a document by id (served by the core), or a renderer file. */
export function resolveAppRequest(rendererDir: string, requestUrl: string): { document: string } | { file: string } | undefined {
  const url = new URL(requestUrl);
  const document = /^\/documents\/([^/]+)$/.exec(url.pathname);
  if (url.protocol === `${APP_SCHEME}:` && url.host === 'faxdesk' && document) return { document: decodeURIComponent(document[1]!) };
  const file = resolveAppFile(rendererDir, requestUrl);
  return file ? { file } : undefined;
}

const DOCUMENT_HEADERS = { 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store', 'Content-Security-Policy': FRAME_ANCESTORS_CSP, 'X-Content-Type-Options': 'nosniff' };

/**
 * A document's response: the whole, or the one byte range pdf.js asks for (it reads the first
 * pages of a long document first), decrypted as it streams; a chunk that fails to verify ends the
 * body with an error before its bytes.
 */
export function documentResponse(content: DocumentContent | undefined, rangeHeader: string | null, method = 'GET'): Response {
  if (!content) return new Response('Not found', { status: 404 });
  const asked = parseByteRange(rangeHeader, content.sizeBytes);
  if (asked.kind === 'unsatisfiable') return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${content.sizeBytes}` } });
  const range = asked.kind === 'range' ? asked.range : undefined;
  const headers = new Headers({ ...DOCUMENT_HEADERS, 'Content-Type': content.contentType });
  headers.set('Content-Length', String(range ? range.end - range.start + 1 : content.sizeBytes));
  if (range) headers.set('Content-Range', `bytes ${range.start}-${range.end}/${content.sizeBytes}`);
  const body = method === 'HEAD' || content.sizeBytes === 0 ? null : (Readable.toWeb(content.open(range)) as ReadableStream<Uint8Array>);
  return new Response(body, { status: range ? 206 : 200, headers });
}

export function handleAppProtocol(protocol: Protocol, net: Net, rendererDir: string, documents: DocumentContentLookup): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(rendererDir, request.url);
    if (!target) return new Response('Not found', { status: 404 });
    if ('document' in target) return documentResponse(await documents(target.document), request.headers.get('Range'), request.method);
    const response = await net.fetch(pathToFileURL(target.file).toString(), { headers: request.headers });
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', FRAME_ANCESTORS_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
