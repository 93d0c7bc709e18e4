import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { FaultConfigSchema, FaultInjector, sendJson } from './faults';
import { BodyError, isLoopback, readJsonBody } from './httpKit';
import { LifecycleClock } from './lifecycleClock';

export const InboundRequestSchema = z.object({
  /** Absent: the caller id was withheld (the fax has no sender number). */
  from: z.string().min(1).optional(),
  to: z.string().min(1),
  pages: z.number().int().positive().max(1000).optional(),
  pdfBase64: z.string().optional(),
  /** Stored exactly as given, unchecked: a damaged document as a carrier may store it (tests of bad input). */
  documentBase64: z.string().optional(),
  /** The fax has no stored document (the service did not keep it, or it was deleted). */
  withoutDocument: z.boolean().optional(),
});
export type InboundRequest = z.infer<typeof InboundRequestSchema>;

/** `POST /__emulator/clock`: a new lifecycle speed, and/or virtual time moved forward at once. */
export const ClockRequestSchema = z.object({ speed: z.number().min(0).max(100_000).optional(), advanceMs: z.number().min(0).optional() });
export type ClockRequest = z.infer<typeof ClockRequestSchema>;
/** The clock's answer: its speed and virtual now (ISO). */
export interface ClockState {
  speed: number;
  now: string;
}

/** What each emulator supplies; the scaffold adds the shared control API, faults and clock. */
export interface EmulatorApp {
  readonly name: 'sinch' | 'welkin';
  /** Handles an API request. `url` has the path and the raw query. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  /** Provider-specific error body used for injected faults and scaffold errors. */
  errorBody(status: number, message: string): unknown;
  /** Creates a received fax from the control API; returns it in wire form. */
  inbound(request: InboundRequest): Promise<unknown>;
  /** Every fax the emulator holds, in wire form (for counting duplicates). */
  listAllFaxes(): unknown[];
  reset(): void;
  /** Extra control routes (`/__emulator/...`); return false when not handled. */
  control?(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
}

export interface EmulatorContext {
  clock: LifecycleClock;
  faults: FaultInjector;
  /** API requests answered (faults included), by `METHOD /path`: tests count what a client costs. */
  requests?: RequestCounter;
}

/** Counts API requests (never control ones) by method and path. */
export class RequestCounter {
  total = 0;
  byRoute: Record<string, number> = {};

  count(method: string, path: string): void {
    this.total++;
    const key = `${method} ${path}`;
    this.byRoute[key] = (this.byRoute[key] ?? 0) + 1;
  }

  reset(): void {
    this.total = 0;
    this.byRoute = {};
  }
}

/** `GET /__emulator/requests`. */
export interface RequestCounts {
  total: number;
  byRoute: Record<string, number>;
}

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

const CONTROL_PREFIX = '/__emulator';

/** Starts an emulator on 127.0.0.1. Port 0 picks a free port. */
export async function listenEmulator(app: EmulatorApp, context: EmulatorContext, port = 0, host = '127.0.0.1'): Promise<RunningEmulator> {
  const server = createServer((req, res) => {
    void route(app, context, req, res).catch((error: unknown) => {
      const status = error instanceof BodyError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendJson(res, status, app.errorBody(status, message));
      else res.destroy();
    });
  });
  // Clients (undici) reuse an idle socket until just before the server's advertised keep-alive ends;
  // on a busy machine a socket the server closed a moment earlier can still be picked for a POST,
  // which then fails with ECONNRESET. Idle sockets stay open long enough for that never to happen.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    port: address.port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function route(app: EmulatorApp, context: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  if (url.pathname.startsWith(CONTROL_PREFIX)) {
    if (!isLoopback(req.socket.remoteAddress)) {
      sendJson(res, 403, { error: 'The control API answers loopback callers only' });
      return;
    }
    await control(app, context, req, res, url);
    return;
  }
  (context.requests ??= new RequestCounter()).count(req.method ?? 'GET', url.pathname);
  if (context.faults.maybeInject(req, res, url.pathname)) return;
  await app.handle(req, res, url);
}

async function control(app: EmulatorApp, context: EmulatorContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname.slice(CONTROL_PREFIX.length);
  const parse = async <T>(schema: z.ZodType<T>): Promise<T | undefined> => {
    const parsed = schema.safeParse(await readJsonBody(req, 64 * 1024 * 1024));
    if (parsed.success) return parsed.data;
    sendJson(res, 400, { error: 'Invalid control request', issues: parsed.error.issues });
    return undefined;
  };
  if (req.method === 'GET' && path === '/faxes') {
    sendJson(res, 200, { faxes: app.listAllFaxes() });
  } else if (req.method === 'POST' && path === '/inbound') {
    const body = await parse(InboundRequestSchema);
    if (body) sendJson(res, 201, await app.inbound(body));
  } else if (req.method === 'POST' && path === '/faults') {
    const body = await parse(FaultConfigSchema);
    if (body) {
      context.faults.configure(body);
      sendJson(res, 200, { faults: body });
    }
  } else if (req.method === 'POST' && path === '/clock') {
    const body = await parse(ClockRequestSchema);
    if (body) {
      if (body.speed !== undefined) context.clock.setSpeed(body.speed);
      if (body.advanceMs) context.clock.advance(body.advanceMs);
      const state: ClockState = { speed: context.clock.getSpeed(), now: new Date(context.clock.now()).toISOString() };
      sendJson(res, 200, state);
    }
  } else if (req.method === 'GET' && path === '/requests') {
    const counter = (context.requests ??= new RequestCounter());
    sendJson(res, 200, { total: counter.total, byRoute: counter.byRoute } satisfies RequestCounts);
  } else if (req.method === 'POST' && path === '/requests/reset') {
    req.resume();
    context.requests?.reset();
    sendJson(res, 200, { total: 0, byRoute: {} } satisfies RequestCounts);
  } else if (req.method === 'POST' && path === '/reset') {
    req.resume();
    context.requests?.reset();
    app.reset();
    context.faults.configure(undefined);
    sendJson(res, 200, { reset: true });
  } else if (!(app.control && (await app.control(req, res, url)))) {
    sendJson(res, 404, { error: `No control route ${req.method} ${url.pathname}` });
  }
}
