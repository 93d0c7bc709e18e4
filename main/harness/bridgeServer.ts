import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { contract, EVENT_NAMES } from '../../common/ipc/contract';
import { parseWire, stringifyWire } from '../../common/ipc/wireJson';
import type { Core } from '../core/app';
import { handleUpload, serveDocument } from './documentRoutes';
import { declaredLength, lengthRequired, readBody, refuse, tooLarge, type Refusal } from './requestBody';

export interface BridgeServerOptions {
  core: Pick<Core, 'dispatch' | 'windowEvents' | 'log' | 'documentContent'>;
  /** Where uploads are streamed to before the core adds them (inside the data folder). */
  uploadDir: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The built browser half of the bridge (out/harness/webBridge.js). */
  bridgeScript: string;
  port?: number;
  host?: string;
}

export interface RunningBridge {
  url: string;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.bcmap': 'application/octet-stream', '.pfb': 'application/octet-stream',
};
/**
 * Invokes carry JSON: the largest the page sends is a contacts file (20 MB, base64 in JSON);
 * documents go by the streamed upload, never through an invoke.
 */
export const MAX_INVOKE_BYTES = 32 * 1024 * 1024;
/** Each open tab holds one event stream; more than this is a runaway page, not a person. */
export const MAX_EVENT_STREAMS = 16;

const methodNotAllowed = (allow: string): Refusal => ({
  status: 405, code: 'invalid_input', message: `Use ${allow} here.`, headers: { Allow: allow }, close: true,
});
const badToken: Refusal = { status: 403, code: 'forbidden_sender', message: 'Bad bridge token', close: true };

/**
 * The dev/test bridge (DESIGN §1): serves the built renderer and the core's handler table over
 * HTTP POST (invokes) and Server-Sent Events (events), on loopback only, guarded by a per-run
 * token and an exact Origin/Host check. Never part of the packaged app.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<RunningBridge> {
  const token = randomBytes(24).toString('hex');
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const clients = new Set<ServerResponse>();

  // The window's events: while locked, only lock.changed reaches the page.
  const unsubscribe = options.core.windowEvents.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${stringifyWire(payload)}\n\n`;
    for (const client of clients) client.write(frame);
  });

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.core.log.error('bridge request failed', { error });
      refuse(req, res, { status: 500, code: 'internal', message: 'The dev bridge failed on this request. The problem was logged.', close: true });
    });
  });

  const tokenOk = (given: string | null | undefined) => {
    if (!given || given.length !== token.length) return false;
    return timingSafeEqual(Buffer.from(given), Buffer.from(token));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS-rebinding guard: only our own host name is served.
    if (req.headers.host !== new URL(origin).host) return refuse(req, res, { status: 421, code: 'forbidden_sender', message: 'Wrong host', close: true });
    const url = URL.parse(req.url ?? '/', origin);
    if (!url) return refuse(req, res, { status: 400, code: 'invalid_input', message: 'Not a request path', close: true });
    if (url.pathname.startsWith('/__bridge/')) return bridgeRoute(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, methodNotAllowed('GET, HEAD'));
    if (url.pathname === '/__harness/webBridge.js') {
      return send(res, 200, TYPES['.js']!, await readFile(options.bridgeScript));
    }
    return serveStatic(url.pathname, req, res);
  }

  async function bridgeRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const callerOrigin = req.headers.origin;
    if (callerOrigin !== undefined && callerOrigin !== origin) return refuse(req, res, { status: 403, code: 'forbidden_sender', message: 'Foreign origin', close: true });
    if (url.pathname.startsWith('/__bridge/invoke/')) {
      if (req.method !== 'POST') return refuse(req, res, methodNotAllowed('POST'));
      if (!tokenOk(req.headers['x-faxdesk-token'] as string | undefined)) return refuse(req, res, badToken);
      return invoke(req, res, url);
    }
    if (url.pathname === '/__bridge/upload') {
      if (req.method !== 'POST') return refuse(req, res, methodNotAllowed('POST'));
      if (!tokenOk(req.headers['x-faxdesk-token'] as string | undefined)) return refuse(req, res, badToken);
      return handleUpload(req, res, url, options.core, options.uploadDir);
    }
    const document = /^\/__bridge\/documents\/([^/]+)$/.exec(url.pathname);
    if (document) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, methodNotAllowed('GET, HEAD'));
      if (!tokenOk(url.searchParams.get('token'))) return refuse(req, res, badToken);
      const id = decode(document[1]!);
      if (id === undefined) return refuse(req, res, { status: 400, code: 'invalid_input', message: 'Not a document id' });
      return serveDocument(req, res, id, options.core);
    }
    if (url.pathname === '/__bridge/events') {
      if (req.method !== 'GET') return refuse(req, res, methodNotAllowed('GET'));
      if (!tokenOk(url.searchParams.get('token'))) return refuse(req, res, badToken);
      if (clients.size >= MAX_EVENT_STREAMS) {
        return refuse(req, res, { status: 429, code: 'rate_limited', message: `The dev bridge serves at most ${MAX_EVENT_STREAMS} event streams. Close other Faxdesk tabs.`, headers: { 'Retry-After': '5' } });
      }
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(`: events ${EVENT_NAMES.join(' ')}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    return refuse(req, res, { status: 404, code: 'invalid_input', message: 'No such bridge route', close: true });
  }

  /** `POST /__bridge/invoke/<channel>`: a JSON body of known length, at most MAX_INVOKE_BYTES. */
  async function invoke(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const channel = decode(url.pathname.slice('/__bridge/invoke/'.length));
    if (channel === undefined || !Object.hasOwn(contract.invoke, channel)) {
      return refuse(req, res, { status: 404, code: 'invalid_input', message: 'No such channel', close: true });
    }
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return refuse(req, res, { status: 415, code: 'invalid_input', message: 'An invoke is sent as application/json.', close: true });
    }
    // A known length lets a body that is too large be refused before any of it is read.
    const length = declaredLength(req);
    if (Number.isNaN(length)) return refuse(req, res, lengthRequired('An invoke'));
    if (length > MAX_INVOKE_BYTES) return refuse(req, res, tooLarge(MAX_INVOKE_BYTES, 'The request'));
    const body = await readBody(req, MAX_INVOKE_BYTES);
    if (!body.ok) {
      return refuse(req, res, body.reason === 'too_large' ? tooLarge(MAX_INVOKE_BYTES, 'The request') : { status: 400, code: 'network', message: 'The request did not arrive whole.', close: true });
    }
    let input: unknown;
    try {
      input = body.value.length ? parseWire(body.value.toString('utf8')) : undefined;
    } catch {
      return refuse(req, res, { status: 400, code: 'invalid_input', message: 'Body is not JSON' });
    }
    const result = await options.core.dispatch(channel, input);
    return send(res, 200, 'application/json', stringifyWire(result));
  }

  async function serveStatic(pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const decoded = pathname === '/' ? 'index.html' : decode(pathname);
    if (decoded === undefined) return refuse(req, res, { status: 400, code: 'invalid_input', message: 'Not a file path' });
    const relative = decoded.replace(/^\/+/, '');
    const root = normalize(options.rendererDir + sep);
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return refuse(req, res, { status: 403, code: 'invalid_input', message: 'Forbidden' });
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return refuse(req, res, { status: 404, code: 'not_found', message: 'Not found' });
    }
    if (relative === 'index.html') {
      // The token goes in a meta tag: other origins cannot read this page, so they cannot learn it.
      const injected = content.toString('utf8').replace(
        '<head>',
        `<head>\n    <meta name="faxdesk-bridge-token" content="${token}">\n    <script src="/__harness/webBridge.js"></script>`,
      );
      res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
      return send(res, 200, TYPES['.html']!, injected);
    }
    send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    token,
    close: () => new Promise<void>((resolve) => {
      unsubscribe();
      for (const client of clients) client.end();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A malformed %-escape is the client's mistake (400), not a crash. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}
