import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody } from '../shared/httpKit';
import type { LifecycleClock } from '../shared/lifecycleClock';
import type { Principal, TokenService } from './auth';
import type { DocumentStore } from './documents';
import type { LifecycleSettings } from './lifecycle';
import type { PatientDirectory } from './patients';
import type { Actor, FaxStore } from './store';

/** Everything one emulator instance holds; reset() rebuilds the parts that are data. */
export interface WelkinState {
  clock: LifecycleClock;
  tokens: TokenService;
  faxes: FaxStore;
  patients: PatientDirectory;
  documents: DocumentStore;
  settings: LifecycleSettings;
  tenantName: string;
  instanceName: string;
  faxNumber: string;
}

/** One authenticated API request after the `/{tenant}/{instance}` prefix was matched. */
export interface RouteContext {
  state: WelkinState;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Capture groups of the route pattern (ids, names). */
  params: string[];
  principal: Principal;
  actor: Actor;
  /** Virtual now (lifecycle clock), for timestamps and derived statuses. */
  now: number;
}

export type RouteHandler = (ctx: RouteContext) => Promise<void> | void;

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Matched against the path after `/{tenant}/{instance}`. */
  pattern: RegExp;
  handler: RouteHandler;
  /** Fax routes need the client's fax permission (reference U19). */
  fax?: boolean;
}

export function param(ctx: RouteContext, index: number): string {
  return decodeURIComponent(ctx.params[index] ?? '');
}

/** Lowercase UUID-ish segment; routes use it so `/faxes/abc` answers 404 the way Welkin would. */
export const ID = '([^/]+)';

/** JSON body of an API request; empty → undefined. Bad JSON surfaces as the scaffold's 400. */
export async function readJson(ctx: RouteContext): Promise<unknown> {
  return readJsonBody(ctx.req, 1024 * 1024);
}
