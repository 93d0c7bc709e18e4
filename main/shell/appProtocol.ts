import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Net, Protocol } from 'electron';

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

/** What the core says about a document's content (what is sent), for `app://faxdesk/documents/<id>`. */
export type DocumentContentLookup = (id: string) => { path: string; contentType: string } | undefined;

/** The file behind a request: a renderer file, or a document's content. */
export function resolveAppRequest(rendererDir: string, requestUrl: string, documents: DocumentContentLookup): { file: string; contentType?: string } | undefined {
  const url = new URL(requestUrl);
  const document = /^\/documents\/([^/]+)$/.exec(url.pathname);
  if (url.protocol === `${APP_SCHEME}:` && url.host === 'faxdesk' && document) {
    const content = documents(decodeURIComponent(document[1]!));
    return content ? { file: content.path, contentType: content.contentType } : undefined;
  }
  const file = resolveAppFile(rendererDir, requestUrl);
  return file ? { file } : undefined;
}

export function handleAppProtocol(protocol: Protocol, net: Net, rendererDir: string, documents: DocumentContentLookup): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(rendererDir, request.url, documents);
    if (!target) return new Response('Not found', { status: 404 });
    // Range headers pass through, so pdf.js can read the first pages of a long document first.
    const response = await net.fetch(pathToFileURL(target.file).toString(), { headers: request.headers });
    const headers = new Headers(response.headers);
    if (target.contentType) headers.set('Content-Type', target.contentType);
    headers.set('Content-Security-Policy', FRAME_ANCESTORS_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
