import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { EmulatorApp, InboundRequest } from '../shared/emulatorServer';
import type { ArchivedFax, InboundArchivable } from '../shared/inboundArchive';
import type { FaxRecord } from './model';
import { sendJson } from '../shared/faults';
import { BodyError, parseRawQuery, readJsonBody } from '../shared/httpKit';
import type { LifecycleClock } from '../shared/lifecycleClock';
import { SinchAuth } from './auth';
import { SINCH_TEST_NUMBERS, type SinchCredentials } from './constants';
import { coverPageRoutes } from './coverPageRoutes';
import { emailRoutes } from './emailRoutes';
import { SinchHttpError, sendError, sinchErrorBody } from './errors';
import { faxRoutes } from './faxRoutes';
import { createInboundFax } from './inbound';
import type { Route, RouteContext, SinchOptions } from './routeKit';
import { serviceRoutes } from './serviceRoutes';
import { SinchStore } from './store';
import { WebhookDispatcher } from './webhooks';
import { toControlFax, toWireFax } from './wire';
import { E164 } from './validation';

const ROUTES: Route[] = [...faxRoutes, ...serviceRoutes, ...coverPageRoutes, ...emailRoutes];
const PROJECT_PATH = /^\/v3\/projects\/([^/]+)(\/.*)?$/;

const OptionsSchema = z.object({
  priorWeekDefaultWindow: z.boolean().optional(),
  allowExternalWebhooks: z.boolean().optional(),
  tokenTtlSeconds: z.number().int().min(1).max(86_400).optional(),
});
const NumberSchema = z.object({ phoneNumber: z.string().regex(E164), serviceId: z.string().optional() });
/** `POST /__emulator/options` body; the answer is every option with the token lifetime. */
export type SinchOptionsRequest = z.infer<typeof OptionsSchema>;
export type SinchOptionsState = SinchOptions & { tokenTtlSeconds: number };
/** `POST /__emulator/numbers` body: gives a number to a service (the default one when absent). */
export type SinchNumberRequest = z.infer<typeof NumberSchema>;

/** The Sinch Fax API v3 as an `EmulatorApp` for the shared scaffold (which adds faults, clock, control API). */
export class SinchEmulatorApp implements EmulatorApp, InboundArchivable {
  readonly name = 'sinch' as const;
  readonly store: SinchStore;
  readonly auth: SinchAuth;
  readonly webhooks: WebhookDispatcher;
  private readonly ctx: RouteContext;
  private readonly initialOptions: SinchOptions;

  constructor(private readonly credentials: SinchCredentials, private readonly clock: LifecycleClock, readonly options: SinchOptions, private readonly initialTokenTtl: number) {
    this.initialOptions = { ...options };
    this.store = new SinchStore(credentials.projectId, () => clock.now());
    this.auth = new SinchAuth(credentials, initialTokenTtl);
    this.webhooks = new WebhookDispatcher(this.store, clock, options);
    this.ctx = { store: this.store, clock, options, };
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      await this.dispatch(req, res, url);
    } catch (error) {
      if (error instanceof SinchHttpError) {
        req.resume();
        sendError(res, error.status, error.message, error.fieldViolations, error.headers);
      } else if (error instanceof BodyError) {
        sendError(res, error.status, error.message);
      } else {
        throw error;
      }
    }
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    if (url.pathname === '/oauth2/token') {
      if (method !== 'POST') throw new SinchHttpError(405, 'Use POST for /oauth2/token');
      await this.auth.handleTokenRequest(req, res);
      return;
    }
    const match = PROJECT_PATH.exec(url.pathname);
    if (!match) throw new SinchHttpError(404, `No route ${method} ${url.pathname}`);
    const auth = this.auth.check(req);
    if (!auth.ok) throw auth.error;
    // Keys belong to one project; another project id is a resource this key cannot see.
    const projectId = decodeURIComponent(match[1] ?? '');
    if (projectId !== this.credentials.projectId) throw new SinchHttpError(404, `Project ${projectId} not found`);
    const path = match[2] ?? '/';
    let pathMatched = false;
    for (const candidate of ROUTES) {
      const params = candidate.pattern.exec(path);
      if (!params) continue;
      pathMatched = true;
      if (candidate.method !== method) continue;
      await candidate.handler({ req, res, params: params.slice(1), query: parseRawQuery(url.search), ctx: this.ctx });
      return;
    }
    throw new SinchHttpError(pathMatched ? 405 : 404, `No route ${method} ${path}`);
  }

  errorBody(status: number, message: string): unknown {
    return sinchErrorBody(status, message);
  }

  async inbound(request: InboundRequest): Promise<unknown> {
    const fax = await createInboundFax(this.store, this.clock.now(), request);
    this.webhooks.incoming(fax);
    return toWireFax(fax, this.clock.now());
  }

  /** Received faxes with their documents (Demo accounts keep them across restarts). */
  exportInbound(): ArchivedFax[] {
    return [...this.store.faxes.values()].filter((fax) => fax.direction === 'INBOUND').map(({ document, ...record }) => ({
      id: record.id, record, documents: document ? [document] : [],
    }));
  }

  importInbound(faxes: readonly ArchivedFax[]): void {
    for (const fax of faxes) {
      const record = fax.record as Omit<FaxRecord, 'document'>;
      this.store.faxes.set(fax.id, { ...record, document: fax.documents[0] });
    }
  }

  listAllFaxes(): unknown[] {
    const now = this.clock.now();
    return [...this.store.faxes.values()].map((fax) => toControlFax(fax, now));
  }

  /** Project data and options go back to the start; issued tokens stay valid (clients keep them cached). */
  reset(): void {
    this.store.reset();
    this.webhooks.reset();
    Object.assign(this.options, this.initialOptions);
    this.auth.tokenTtlSeconds = this.initialTokenTtl;
  }

  /** Sinch-only control routes: token expiry, options, numbers, webhook log, the test-number table. */
  async control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname.slice('/__emulator'.length);
    const key = `${req.method} ${path}`;
    if (key === 'POST /expire-tokens') {
      req.resume();
      sendJson(res, 200, { expired: this.auth.expireAll() });
    } else if (key === 'POST /options') {
      const body = OptionsSchema.safeParse((await readJsonBody(req)) ?? {});
      if (!body.success) {
        sendJson(res, 400, { error: 'Invalid options', issues: body.error.issues });
        return true;
      }
      const { tokenTtlSeconds, ...rest } = body.data;
      Object.assign(this.options, Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)));
      if (tokenTtlSeconds !== undefined) this.auth.tokenTtlSeconds = tokenTtlSeconds;
      const state: SinchOptionsState = { ...this.options, tokenTtlSeconds: this.auth.tokenTtlSeconds };
      sendJson(res, 200, state);
    } else if (key === 'POST /numbers') {
      const body = NumberSchema.safeParse(await readJsonBody(req));
      const service = body.success ? (body.data.serviceId ? this.store.services.get(body.data.serviceId) : this.store.defaultService()) : undefined;
      if (!body.success || !service) {
        sendJson(res, 400, { error: 'Expected {phoneNumber: E.164, serviceId?: an existing service}' });
        return true;
      }
      for (const other of this.store.services.values()) other.numbers = other.numbers.filter((n) => n !== body.data.phoneNumber);
      service.numbers.push(body.data.phoneNumber);
      sendJson(res, 200, { phoneNumber: body.data.phoneNumber, serviceId: service.id });
    } else if (key === 'GET /webhooks') {
      sendJson(res, 200, { deliveries: this.webhooks.log });
    } else if (key === 'GET /test-numbers') {
      sendJson(res, 200, { numbers: SINCH_TEST_NUMBERS });
    } else {
      return false;
    }
    return true;
  }
}
