import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { errorInfo } from '../../common/errors';
import { EVENT_NAMES } from '../../common/ipc/contract';
import { parseWire, stringifyWire } from '../../common/ipc/wireJson';
import type { Core } from '../core/app';
import { handleUpload, serveDocument } from './documentRoutes';

export interface BridgeServerOptions {
  core: Pick<Core, 'dispatch' | 'events' | 'log' | 'documentContent'>;
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
const MAX_INVOKE_BYTES = 200 * 1024 * 1024;

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

  const unsubscribe = options.core.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${stringifyWire(payload)}\n\n`;
    for (const client of clients) client.write(frame);
  });

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.core.log.error('bridge request failed', { error });
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
      else res.destroy();
    });
  });

  const tokenOk = (given: string | null | undefined) => {
    if (!given || given.length !== token.length) return false;
    return timingSafeEqual(Buffer.from(given), Buffer.from(token));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS-rebinding guard: only our own host name is served.
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'Wrong host');
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/__bridge/')) {
      const callerOrigin = req.headers.origin;
      if (callerOrigin !== undefined && callerOrigin !== origin) return send(res, 403, 'application/json', JSON.stringify({ ok: false, error: errorInfo('forbidden_sender', { message: 'Foreign origin' }) }));
      if (req.method === 'POST' && url.pathname.startsWith('/__bridge/invoke/')) {
        if (!tokenOk(req.headers['x-faxdesk-token'] as string | undefined)) return badToken(res);
        const channel = decodeURIComponent(url.pathname.slice('/__bridge/invoke/'.length));
        const body = await readBody(req);
        let input: unknown;
        try {
          input = body.length ? parseWire(body.toString('utf8')) : undefined;
        } catch {
          return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'Body is not JSON' } }));
        }
        const result = await options.core.dispatch(channel, input);
        return send(res, 200, 'application/json', stringifyWire(result));
      }
      if (req.method === 'POST' && url.pathname === '/__bridge/upload') {
        if (!tokenOk(req.headers['x-faxdesk-token'] as string | undefined)) return badToken(res);
        return handleUpload(req, res, url, options.core, options.uploadDir);
      }
      const document = /^\/__bridge\/documents\/([^/]+)$/.exec(url.pathname);
      if ((req.method === 'GET' || req.method === 'HEAD') && document) {
        if (!tokenOk(url.searchParams.get('token'))) return send(res, 403, 'text/plain', 'Bad bridge token');
        return serveDocument(req, res, decodeURIComponent(document[1]!), options.core);
      }
      if (req.method === 'GET' && url.pathname === '/__bridge/events') {
        if (!tokenOk(url.searchParams.get('token'))) return send(res, 403, 'text/plain', 'Bad bridge token');
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(`: events ${EVENT_NAMES.join(' ')}\n\n`);
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      return send(res, 404, 'text/plain', 'Not found');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/__harness/webBridge.js') {
      return send(res, 200, TYPES['.js']!, await readFile(options.bridgeScript));
    }
    return serveStatic(url.pathname, res);
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const root = normalize(options.rendererDir + sep);
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return send(res, 403, 'text/plain', 'Forbidden');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return send(res, 404, 'text/plain', 'Not found');
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

function badToken(res: ServerResponse): void {
  send(res, 403, 'application/json', JSON.stringify({ ok: false, error: errorInfo('forbidden_sender', { message: 'Bad bridge token' }) }));
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_INVOKE_BYTES) throw new Error('Invoke body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
