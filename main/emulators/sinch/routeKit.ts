import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../shared/faults';
import { readJsonBody } from '../shared/httpKit';
import type { LifecycleClock } from '../shared/lifecycleClock';
import { SinchHttpError, invalid } from './errors';
import type { RawQuery } from './listQuery';
import type { SinchStore } from './store';
import { issuesToViolations } from './validation';
import type { z } from 'zod';

export interface SinchOptions {
  priorWeekDefaultWindow: boolean;
  /** Deliver webhooks only to loopback hosts unless switched on (no PHI leaves the machine). */
  allowExternalWebhooks: boolean;
}

/** What route handlers share: the project's data, virtual time and the runtime options. */
export interface RouteContext {
  store: SinchStore;
  clock: LifecycleClock;
  options: SinchOptions;
}

export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
  query: RawQuery;
  ctx: RouteContext;
}

export type RouteHandler = (request: RouteRequest) => Promise<void> | void;

export interface Route {
  method: string;
  /** Path below `/v3/projects/{projectId}`; `([^/]+)` groups become params (kept raw: `+`, `@`). */
  pattern: RegExp;
  handler: RouteHandler;
}

export function route(method: string, path: string, handler: RouteHandler): Route {
  const source = path.replace(/:[a-zA-Z]+/g, '([^/]+)').replace(/\./g, '\\.');
  return { method, pattern: new RegExp(`^${source}/?$`), handler };
}

export function ok(res: ServerResponse, body: unknown, status = 200): void {
  sendJson(res, status, body);
}

/** Deletes answer 204 with no body; the SDK resolves `{}` (reference §16.8). */
export function noContent(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}

/** Reads a JSON body and validates it; `{}` stands in for an empty body, as the SDK sends. */
export async function readValidJson<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const body = (await readJsonBody(req, 32 * 1024 * 1024)) ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SinchHttpError(400, 'The request body must be a JSON object');
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalid(issuesToViolations(parsed.error.issues, body));
  return parsed.data;
}

/** Path parameters arrive raw from the SDK but may be percent-encoded by stricter clients. */
export function decodeParam(value: string | undefined): string {
  if (value === undefined) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
