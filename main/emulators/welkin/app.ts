import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorApp, InboundRequest } from '../shared/emulatorServer';
import type { ArchivedFax, InboundArchivable } from '../shared/inboundArchive';
import { readJsonBody } from '../shared/httpKit';
import type { LifecycleClock } from '../shared/lifecycleClock';
import { TokenService, type Principal } from './auth';
import { WELKIN_DEMO_CREDENTIALS } from './constants';
import { welkinControl } from './control';
import { DocumentStore, documentRoutes } from './documents';
import { WELKIN_HEADERS, WelkinHttpError, errorBodyFor, sendError, sendWelkin } from './errors';
import { faxRoutes } from './faxRoutes';
import { generateFaxPdf, storedPdf } from './files';
import { defaultLifecycleSettings, faxToWire, type WelkinFaxWire } from './lifecycle';
import { PatientDirectory, patientRoutes } from './patients';
import { readJson, type Route, type WelkinState } from './routing';
import { FaxStore, type FaxRecord, type StoredFile } from './store';

/** Fax wire form plus what tests check on the control API (`GET /__emulator/faxes`). */
export type WelkinFaxDump = Omit<WelkinFaxWire, 'files'> & {
  tenantName: string;
  instanceName: string;
  /** Number of send attempts (send + retries); 0 for drafts and incoming faxes. */
  attempts: number;
  files: Array<WelkinFaxWire['files'][number] & { sha256: string }>;
};

const TOKEN_PATH = /^\/([^/]+)\/admin\/api_clients\/([^/]+)$/;
const SCOPED_PATH = /^\/([^/]+)\/([^/]+)(\/.*)$/;

/** The Welkin Health fax API (reference welkin-fax.md) as an EmulatorApp for the shared scaffold. */
export class WelkinEmulatorApp implements EmulatorApp, InboundArchivable {
  readonly name = 'welkin' as const;
  readonly state: WelkinState;
  private readonly routes: Route[];
  private readonly initialTtl: number;

  constructor(clock: LifecycleClock, tokenTtlSeconds?: number) {
    const tokens = new TokenService(tokenTtlSeconds);
    this.initialTtl = tokens.ttlSeconds;
    this.state = {
      clock, tokens, faxes: new FaxStore(), patients: new PatientDirectory(), documents: new DocumentStore(),
      settings: defaultLifecycleSettings(),
      tenantName: WELKIN_DEMO_CREDENTIALS.tenantName,
      instanceName: WELKIN_DEMO_CREDENTIALS.instanceName,
      faxNumber: WELKIN_DEMO_CREDENTIALS.faxNumber,
    };
    this.routes = [...faxRoutes(), ...patientRoutes(readJson), ...documentRoutes()];
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      await this.dispatch(req, res, url);
    } catch (error) {
      if (!(error instanceof WelkinHttpError)) throw error;
      req.resume();
      sendError(res, error);
    }
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (req.method === 'OPTIONS') {
      res.writeHead(200, { ...WELKIN_HEADERS, 'Content-Length': '0' });
      res.end();
      return;
    }
    if (req.method === 'POST' && path === '/auth/token') {
      sendWelkin(res, 200, this.state.tokens.issueGitBook(await readJsonBody(req, 64 * 1024)));
      return;
    }
    const tokenMatch = TOKEN_PATH.exec(path);
    if (tokenMatch?.[1] && tokenMatch[2]) {
      if (req.method !== 'POST') throw methodNotAllowed(req.method);
      const body = await readJsonBody(req, 64 * 1024);
      sendWelkin(res, 200, this.state.tokens.issueForPath(decodeURIComponent(tokenMatch[1]), decodeURIComponent(tokenMatch[2]), body));
      return;
    }
    // Authentication comes before routing, as behind Welkin's gateway: an unknown path without a token is 401.
    const principal = this.state.tokens.verify(req.headers.authorization);
    const scoped = SCOPED_PATH.exec(path);
    if (!scoped?.[1] || !scoped[2] || !scoped[3]) throw notFound(path);
    const [, tenant, instance, rest] = scoped as unknown as [string, string, string, string];
    if (tenant !== principal.client.tenantName || !principal.client.instances.includes(instance)) throw restricted(principal, path);
    const candidates = this.routes.filter((route) => route.pattern.test(rest));
    if (candidates.length === 0) throw notFound(path);
    const route = candidates.find((candidate) => candidate.method === req.method);
    if (!route) throw methodNotAllowed(req.method);
    if (route.fax && !principal.client.faxAccess) throw restricted(principal, path);
    const params = (route.pattern.exec(rest) ?? []).slice(1);
    await route.handler({
      state: this.state, req, res, url, params, principal,
      actor: { id: principal.client.id, name: principal.actorName },
      now: this.state.clock.now(),
    });
  }

  errorBody(status: number, message: string): unknown {
    return errorBodyFor(status, message);
  }

  async inbound(request: InboundRequest): Promise<unknown> {
    const raw = request.documentBase64 ?? request.pdfBase64;
    const pdf = raw !== undefined ? { bytes: Buffer.from(raw, 'base64'), name: 'fax.pdf' } : undefined;
    return this.createInbound({ from: request.from, to: request.to, pages: request.pages, pdf, withoutDocument: request.withoutDocument });
  }

  /** A received fax as the carrier files it: RECEIVED, unreviewed, unassigned, one PDF (§5). */
  async createInbound(input: { from?: string; to: string; pages?: number; pdf?: { bytes: Buffer; name: string }; withoutDocument?: boolean }): Promise<WelkinFaxWire> {
    const now = this.state.clock.now();
    const stamp = new Date(now);
    const name = input.pdf?.name ?? `fax-${stamp.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.pdf`;
    const bytes = input.pdf?.bytes ?? await generateFaxPdf(input.from ?? 'a withheld number', input.to, input.pages ?? 1, stamp);
    const file = await storedPdf(bytes, name);
    const files = input.withoutDocument ? [] : [file];
    const fax = this.state.faxes.create({
      direction: 'INCOMING', baseStatus: 'RECEIVED', attempt: null,
      receiverFaxNumber: input.to, senderFaxNumber: input.from ?? null, subject: null, reviewed: false,
      patientId: null, documentTypeId: null, documentSummaryId: null, files, pages: input.pages ?? (file.pages || null),
      receivedAt: now, createdAt: now, updatedAt: now, createdBy: null, updatedBy: null,
    });
    return faxToWire(fax, now);
  }

  /** Received faxes with their files (Demo accounts keep them across restarts). */
  exportInbound(): ArchivedFax[] {
    return this.state.faxes.all().filter((fax) => fax.direction === 'INCOMING').sort((a, b) => a.seq - b.seq).map((fax) => ({
      id: fax.id,
      record: { ...fax, files: fax.files.map(({ bytes: _bytes, ...file }) => file) },
      documents: fax.files.map((file) => file.bytes),
    }));
  }

  importInbound(faxes: readonly ArchivedFax[]): void {
    for (const fax of faxes) {
      const record = fax.record as Omit<FaxRecord, 'files'> & { files: Array<Omit<StoredFile, 'bytes'>> };
      this.state.faxes.restore({ ...record, files: record.files.map((file, n) => ({ ...file, bytes: fax.documents[n] ?? Buffer.alloc(0) })) });
    }
  }

  wire(faxId: string): WelkinFaxWire | undefined {
    const fax = this.state.faxes.get(faxId);
    return fax && faxToWire(fax, this.state.clock.now());
  }

  listAllFaxes(): WelkinFaxDump[] {
    const now = this.state.clock.now();
    return this.state.faxes.all().sort((a, b) => a.seq - b.seq).map((fax) => {
      const wire = faxToWire(fax, now);
      return {
        ...wire,
        tenantName: this.state.tenantName,
        instanceName: this.state.instanceName,
        attempts: fax.attempt?.number ?? 0,
        files: wire.files.map((file, index) => ({ ...file, sha256: fax.files[index]?.sha256 ?? '' })),
      };
    });
  }

  reset(): void {
    this.state.faxes.clear();
    this.state.documents.clear();
    this.state.patients.reset();
    this.state.tokens.reset();
    this.state.tokens.ttlSeconds = this.initialTtl;
    Object.assign(this.state.settings, defaultLifecycleSettings());
  }

  control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    return welkinControl(this, req, res, url);
  }
}

function notFound(path: string): WelkinHttpError {
  return new WelkinHttpError(404, 'NOT_FOUND', 'GENERAL', `No endpoint ${path}`, { requestURI: path });
}

function methodNotAllowed(method: string | undefined): WelkinHttpError {
  return new WelkinHttpError(405, 'METHOD_NOT_ALLOWED', 'GENERAL', `Request method '${method ?? ''}' is not supported`, {});
}

/** The recorded 403 shape, including its missing `date` ([LM-CAS], reference §3.3). */
function restricted(principal: Principal, requestURI: string): WelkinHttpError {
  const { client } = principal;
  return new WelkinHttpError(403, 'ACCESS_FOR_API_CLIENT_RESTRICTED', 'AUTH', 'Access to this API is restricted for the APIClient',
    { clientId: client.id, clientName: client.name, clientType: 'API_CLIENT', organizationName: client.tenantName, requestURI }, {}, false);
}
