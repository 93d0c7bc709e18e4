import { z } from 'zod';
import type { WelkinSettings } from '../../../../common/domain/account';
import type { DownloadedFile, OutgoingDocument } from '../faxProvider';
import { DEFAULT_RETRY_POLICY, httpCall, readJson, type ProviderClientBase } from '../httpCall';
import { multipartHeaders, multipartInit, type StreamingMultipart } from '../streamingMultipart';
import { WelkinTokenSource, welkinApiBase } from './welkinAuth';
import { TOKEN_PROBLEM_CODES, parseWelkinErrorBody, welkinErrorFrom } from './welkinErrors';
import {
  WelkinDocumentTypeSchema, WelkinFaxSchema, WelkinPatientSchema, WelkinUploadResponseSchema, parseWelkinPage,
  type WelkinDocumentType, type WelkinFax, type WelkinFaxFile, type WelkinPage, type WelkinPatient,
} from './welkinSchemas';
import { checkUploads, uploadBody } from './welkinUpload';

export interface WelkinClientOptions extends ProviderClientBase<WelkinSettings> {
  /** Per-attempt timeout for uploads (up to 100 MB). */
  uploadTimeoutMs?: number;
  /** Multipart part name; Welkin's multi-file convention is `files` (reference §4.6). */
  uploadFieldName?: 'files' | 'file';
}

export interface WelkinListQuery {
  page?: number; // 0-based, as Welkin counts
  size?: number;
  sort?: string;
  direction?: 'ASC' | 'DESC';
}

export interface WelkinDraftFields {
  receiverFaxNumber?: string;
  subject?: string;
  patientId?: string;
}

export interface WelkinFaxPatch extends WelkinDraftFields {
  /** Incoming faxes only. */
  reviewed?: boolean;
}

export interface WelkinAssignment {
  patientId: string;
  /** Required for incoming faxes (where the file is filed), ignored for outgoing ones. */
  documentTypeId?: string;
}

export interface WelkinUploadResult {
  /** Present when Welkin answers with the fax (the emulator does); absent for a bare file list. */
  fax?: WelkinFax;
  files: WelkinFaxFile[];
}

interface WelkinRequest<T> {
  what: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below `/{tenant}/{instance}`, already encoded. */
  path: string;
  query?: Record<string, string | number | undefined>;
  json?: unknown;
  /** Builds a fresh streamed body per attempt (streams cannot be replayed). */
  multipart?: () => Promise<StreamingMultipart>;
  idempotent: boolean;
  /** One attempt only, even on a 429: a send or retry is never repeated without a person deciding. */
  singleAttempt?: boolean;
  parse: (response: Response) => Promise<T>;
  /** Accept header; JSON unless the call downloads a file. */
  accept?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_UPLOAD_TIMEOUT_MS = 300_000;
const id = encodeURIComponent;
const parseFax = async (response: Response): Promise<WelkinFax> => WelkinFaxSchema.parse(await readJson(response));
/** DELETE answers 200 with an empty body (or the fax); anything else that is not JSON is a broken reply. */
const parseEmptyOrJson = async (response: Response): Promise<void> => { await readJson(response); };

/** HTTP access to Welkin's fax API and the records a fax client needs around it. No domain logic. */
export class WelkinClient {
  readonly tokens: WelkinTokenSource;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: WelkinClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.tokens = new WelkinTokenSource({
      settings: options.settings, secret: options.secret, fetch: this.fetch, timeoutMs: this.timeoutMs,
      policy: options.policy, sleep: options.sleep, now: options.now,
    });
  }

  listFaxes(query: WelkinListQuery = {}, signal?: AbortSignal): Promise<WelkinPage<WelkinFax>> {
    const requested = { page: query.page ?? 0, size: query.size ?? 20 };
    return this.request({
      what: 'list faxes', method: 'GET', path: '/faxes', idempotent: true, signal,
      query: { ...requested, sort: query.sort ?? 'createdAt', direction: query.direction ?? 'DESC' },
      parse: async (response) => parseWelkinPage(await readJson(response), WelkinFaxSchema, requested),
    });
  }

  /** GET /faxes with the entries as they came (the inbox reads them one by one: one bad entry never spoils a page). */
  listFaxesLoose(query: WelkinListQuery = {}, signal?: AbortSignal): Promise<WelkinPage<unknown>> {
    const requested = { page: query.page ?? 0, size: query.size ?? 20 };
    return this.request({
      what: 'list faxes', method: 'GET', path: '/faxes', idempotent: true, signal,
      query: { ...requested, sort: query.sort ?? 'createdAt', direction: query.direction ?? 'DESC' },
      parse: async (response) => parseWelkinPage(await readJson(response), z.unknown(), requested),
    });
  }

  getFax(faxId: string, signal?: AbortSignal): Promise<WelkinFax> {
    return this.request({ what: 'get fax', method: 'GET', path: `/faxes/${id(faxId)}`, idempotent: true, parse: parseFax, signal });
  }

  createDraft(fields: WelkinDraftFields = {}, signal?: AbortSignal): Promise<WelkinFax> {
    return this.request({ what: 'create a fax draft', method: 'POST', path: '/faxes', json: fields, idempotent: false, parse: parseFax, signal });
  }

  /** Partial update: absent fields stay as they are. */
  updateFax(faxId: string, patch: WelkinFaxPatch, signal?: AbortSignal): Promise<WelkinFax> {
    // Setting the same values twice has the same effect, so PATCH may be repeated.
    return this.request({ what: 'update fax', method: 'PATCH', path: `/faxes/${id(faxId)}`, json: patch, idempotent: true, parse: parseFax, signal });
  }

  /**
   * Uploads documents to a draft after checking Welkin's limits locally (types, 10 files, 100 MB,
   * counting `alreadyAttached`). Nothing is sent when a check fails. Files stream from disk.
   */
  async uploadFiles(faxId: string, documents: readonly OutgoingDocument[], alreadyAttached: readonly WelkinFaxFile[] = [], signal?: AbortSignal): Promise<WelkinUploadResult> {
    const checked = await checkUploads(documents, alreadyAttached);
    const fieldName = this.options.uploadFieldName ?? 'files';
    return this.request({
      what: 'upload files', method: 'POST', path: `/faxes/${id(faxId)}/files`, idempotent: false, signal,
      multipart: () => uploadBody(checked, fieldName),
      timeoutMs: this.options.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS,
      parse: async (response) => {
        const reply = WelkinUploadResponseSchema.parse(await readJson(response));
        return Array.isArray(reply) ? { files: reply } : { fax: reply, files: reply.files ?? [] };
      },
    });
  }

  deleteFile(faxId: string, fileId: string, signal?: AbortSignal): Promise<void> {
    return this.request({ what: 'remove the file', method: 'DELETE', path: `/faxes/${id(faxId)}/files/${id(fileId)}`, idempotent: true, parse: parseEmptyOrJson, signal });
  }

  /** Sends a draft. Never repeated automatically: a second send could fax the pages twice. */
  sendFax(faxId: string, signal?: AbortSignal): Promise<WelkinFax> {
    return this.request({ what: 'send the fax', method: 'POST', path: `/faxes/${id(faxId)}/send`, idempotent: false, singleAttempt: true, parse: parseFax, signal });
  }

  /** Re-sends a FAILED fax on Welkin's side. Never repeated automatically, like send. */
  retryFax(faxId: string, signal?: AbortSignal): Promise<WelkinFax> {
    return this.request({ what: 'retry the fax', method: 'POST', path: `/faxes/${id(faxId)}/retry`, idempotent: false, singleAttempt: true, parse: parseFax, signal });
  }

  /** Assigning an incoming fax files a patient document each time, so it is not repeated either. */
  assignFax(faxId: string, assignment: WelkinAssignment, signal?: AbortSignal): Promise<WelkinFax> {
    return this.request({ what: 'assign the fax to the patient', method: 'POST', path: `/faxes/${id(faxId)}/assign`, json: assignment, idempotent: false, parse: parseFax, signal });
  }

  deleteFax(faxId: string, signal?: AbortSignal): Promise<void> {
    return this.request({ what: 'delete the fax', method: 'DELETE', path: `/faxes/${id(faxId)}`, idempotent: true, parse: parseEmptyOrJson, signal });
  }

  /** Streams one file of a fax (reference §4.12: `GET /faxes/{id}/files/{fileId}`). */
  downloadFile(faxId: string, fileId: string, signal?: AbortSignal): Promise<DownloadedFile> {
    return this.request({
      what: 'download the fax', method: 'GET', path: `/faxes/${id(faxId)}/files/${id(fileId)}`, idempotent: true, signal, accept: '*/*',
      parse: async (response) => {
        const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
        // Fax files are PDFs or images; a JSON body here is a broken reply, not a document.
        if (!response.body || contentType.startsWith('application/json')) throw new Error('Download reply is not a file');
        const length = Number(response.headers.get('content-length'));
        return { contentType, body: response.body, sizeBytes: Number.isFinite(length) && length > 0 ? length : undefined };
      },
    });
  }

  /** Reference §7.1: `GET /patients?query=` searches names, email and phone. */
  searchPatients(text: string, page = 0, size = 20, signal?: AbortSignal): Promise<WelkinPage<WelkinPatient>> {
    return this.request({
      what: 'search patients', method: 'GET', path: '/patients', idempotent: true, signal,
      query: { query: text, page, size },
      parse: async (response) => parseWelkinPage(await readJson(response), WelkinPatientSchema, { page, size }),
    });
  }

  /** Reference §7.1: `GET /patients/{id}`. */
  getPatient(patientId: string, signal?: AbortSignal): Promise<WelkinPatient> {
    return this.request({
      what: 'read the patient', method: 'GET', path: `/patients/${id(patientId)}`, idempotent: true, signal,
      parse: async (response) => WelkinPatientSchema.parse(await readJson(response)),
    });
  }

  /** Reference §7.2: a plain array, no paging. */
  async listDocumentTypes(signal?: AbortSignal): Promise<WelkinDocumentType[]> {
    const page = await this.request({
      what: 'list document types', method: 'GET', path: '/formations/current/document-types', idempotent: true, signal,
      parse: async (response) => parseWelkinPage(await readJson(response), WelkinDocumentTypeSchema, { page: 0, size: 1000 }),
    });
    return page.items;
  }

  private instanceUrl(path: string, query: WelkinRequest<unknown>['query']): string {
    const { settings } = this.options;
    const url = `${welkinApiBase(settings)}/${id(settings.tenant)}/${id(settings.instance)}${path}`;
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, String(value));
    const search = params.toString();
    return search ? `${url}?${search}` : url;
  }

  private request<T>(request: WelkinRequest<T>): Promise<T> {
    const url = this.instanceUrl(request.path, request.query);
    return httpCall({
      provider: 'welkin',
      what: request.what,
      idempotent: request.idempotent,
      send: (signal) => this.fetchWithToken(url, request, signal),
      parse: request.parse,
      toError: (response) => welkinErrorFrom(response, request.what, request.idempotent),
      timeoutMs: request.timeoutMs ?? this.timeoutMs,
      policy: request.singleAttempt ? { ...(this.options.policy ?? DEFAULT_RETRY_POLICY), retries: 0 } : this.options.policy,
      signal: request.signal,
      sleep: this.options.sleep,
    });
  }

  /**
   * One attempt with the cached token. A 401 saying the token is expired or invalid means Welkin
   * rejected the request before acting on it, so one replay with a fresh token is safe for every verb.
   */
  private async fetchWithToken(url: string, request: WelkinRequest<unknown>, signal: AbortSignal): Promise<Response> {
    const token = await this.tokens.getToken();
    const response = await this.fetchOnce(url, request, token, signal);
    if (response.status !== 401) return response;
    const text = await response.text();
    const codes = parseWelkinErrorBody(text).map((item) => item.errorCode ?? '');
    const tokenProblem = codes.length === 0 || codes.some((code) => TOKEN_PROBLEM_CODES.has(code));
    if (!tokenProblem) return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
    this.tokens.invalidate(token);
    return this.fetchOnce(url, request, await this.tokens.getToken(), signal);
  }

  private async fetchOnce(url: string, request: WelkinRequest<unknown>, token: string, signal: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: request.accept ?? 'application/json' };
    if (request.multipart) {
      const multipart = await request.multipart();
      return this.fetch(url, { method: request.method, headers: { ...headers, ...multipartHeaders(multipart) }, ...multipartInit(multipart), signal });
    }
    let body: string | undefined;
    if (request.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.json);
    }
    return this.fetch(url, { method: request.method, headers, body, signal });
  }
}
