import { z } from 'zod';
import { buildStreamingMultipart, type MultipartFilePart } from '../streamingMultipart';
import {
  SinchHttp, discardBody, parseJsonWith, sinchPath,
  type QueryValue, type SinchClientOptions,
} from './sinchHttp';
import {
  SinchCoverPageSchema, SinchEmailSchema, SinchFaxSchema, SinchSendResponseSchema, SinchServiceNumberSchema,
  SinchServiceSchema, sinchPageSchema,
  type SinchCoverPage, type SinchEmail, type SinchFax, type SinchPage, type SinchPermission, type SinchService,
  type SinchServiceNumber, type SinchServiceRequest,
} from './sinchSchemas';

export type { SinchClientOptions } from './sinchHttp';

/** Everything POST /faxes takes (§5.1.1), with files as paths on disk. */
export interface SinchSendRequest {
  to: string[];
  files?: Array<Omit<MultipartFilePart, 'field'>>;
  contentUrl?: string[];
  from?: string;
  headerText?: string;
  headerPageNumbers?: boolean;
  headerTimeZone?: string;
  resolution?: 'FINE' | 'SUPERFINE';
  maxRetries?: number;
  retryDelaySeconds?: number;
  coverPageId?: string;
  coverPageData?: Record<string, string>;
  labels?: Record<string, string>;
  serviceId?: string;
  callbackUrl?: string;
  callbackUrlContentType?: 'multipart/form-data' | 'application/json';
  imageConversionMethod?: 'HALFTONE' | 'MONOCHROME';
}

/** GET /faxes filters (§5.2). `createTimeFrom`/`createTimeTo` are the inclusive `createTime>`/`createTime<`. */
export interface SinchFaxQuery {
  direction?: 'OUTBOUND' | 'INBOUND';
  status?: 'QUEUED' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILURE';
  toPrefix?: string;
  fromPrefix?: string;
  serviceId?: string;
  createTime?: string;
  createTimeFrom?: string;
  createTimeTo?: string;
  page?: number;
  pageSize?: number;
}

export interface SinchPageQuery {
  page?: number;
  pageSize?: number;
}

export interface SinchEmailNumber {
  number: string;
  permissions?: SinchPermission;
}

export interface SinchDownload {
  contentType: string;
  sizeBytes?: number;
  body: ReadableStream<Uint8Array>;
}

const FaxPage = sinchPageSchema('faxes', SinchFaxSchema);
/** The same envelope with each fax left unread, so the caller can read them one by one. */
const LooseFaxPage = sinchPageSchema('faxes', z.unknown());
const ServicePage = sinchPageSchema('services', SinchServiceSchema);
const NumberPage = sinchPageSchema('numbers', SinchServiceNumberSchema);
const PhoneNumberPage = sinchPageSchema('phoneNumbers', SinchServiceNumberSchema);
const EmailPage = sinchPageSchema('emails', SinchEmailSchema);
const EmailAddressPage = sinchPageSchema('emails', z.string());
const CoverPagePage = sinchPageSchema('coverPages', SinchCoverPageSchema);

function pageParams(query: SinchPageQuery = {}): Array<[string, QueryValue]> {
  return [['page', query.page], ['pageSize', query.pageSize]];
}

/** Multipart text parts for a send; maps become `labels[key]` parts (§15.2, the .NET SDK's form). */
function sendFields(request: SinchSendRequest): Array<[string, string]> {
  const fields: Array<[string, string]> = request.to.map((number) => ['to', number]);
  const scalars: Array<[string, string | number | boolean | undefined]> = [
    ['from', request.from], ['contentUrl', request.contentUrl?.join(',')], ['headerText', request.headerText],
    ['headerPageNumbers', request.headerPageNumbers], ['headerTimeZone', request.headerTimeZone],
    ['resolution', request.resolution], ['maxRetries', request.maxRetries], ['retryDelaySeconds', request.retryDelaySeconds],
    ['coverPageId', request.coverPageId], ['serviceId', request.serviceId], ['callbackUrl', request.callbackUrl],
    ['callbackUrlContentType', request.callbackUrlContentType], ['imageConversionMethod', request.imageConversionMethod],
  ];
  for (const [name, value] of scalars) if (value !== undefined && value !== '') fields.push([name, String(value)]);
  for (const [key, value] of Object.entries(request.labels ?? {})) fields.push([`labels[${key}]`, value]);
  for (const [key, value] of Object.entries(request.coverPageData ?? {})) fields.push([`coverPageData[${key}]`, value]);
  return fields;
}

/** JSON body for a send without files (contentUrl only); the service takes arrays here. */
function sendJson(request: SinchSendRequest): Record<string, unknown> {
  const { files: _files, to, ...rest } = request;
  return { ...rest, to: to.length === 1 ? to[0] : to };
}

/**
 * Sinch Fax API v3 over HTTP: one method per endpoint (§4), wire types in and out. No domain
 * mapping and no input policy here; see SinchProvider for those.
 */
export class SinchClient {
  readonly http: SinchHttp;

  constructor(options: SinchClientOptions) {
    this.http = new SinchHttp(options);
  }

  /** POST /faxes. Multipart with streamed files when there are files, JSON otherwise. Never retried once it may have landed. */
  async sendFax(request: SinchSendRequest, signal?: AbortSignal): Promise<SinchFax[]> {
    const files = request.files ?? [];
    const multipart = files.length > 0
      ? await buildStreamingMultipart(sendFields(request), files.map((file) => ({ ...file, field: 'file' })))
      : undefined;
    const reply = await this.http.request({
      method: 'POST', path: '/faxes', what: 'send fax', idempotent: false, signal,
      ...(multipart ? { multipart } : { json: sendJson(request) }),
      parse: parseJsonWith(SinchSendResponseSchema),
    });
    return reply.faxes;
  }

  listFaxes(query: SinchFaxQuery = {}, signal?: AbortSignal): Promise<SinchPage<SinchFax>> {
    return this.http.request({
      method: 'GET', path: '/faxes', what: 'list faxes', idempotent: true, signal,
      query: [
        ['direction', query.direction], ['status', query.status], ['to', query.toPrefix], ['from', query.fromPrefix],
        ['serviceId', query.serviceId], ['createTime', query.createTime],
        ['createTime>', query.createTimeFrom], ['createTime<', query.createTimeTo],
        ...pageParams(query),
      ],
      parse: parseJsonWith(FaxPage),
    });
  }

  /** GET /faxes with the entries as they came (the inbox reads them one by one: one bad entry never spoils a page). */
  listFaxesLoose(query: SinchFaxQuery = {}, signal?: AbortSignal): Promise<SinchPage<unknown>> {
    return this.http.request({
      method: 'GET', path: '/faxes', what: 'list faxes', idempotent: true, signal,
      query: [
        ['direction', query.direction], ['status', query.status], ['createTime>', query.createTimeFrom], ['createTime<', query.createTimeTo],
        ...pageParams(query),
      ],
      parse: parseJsonWith(LooseFaxPage),
    });
  }

  /** Every fax matching `query`, page after page (starting at `query.page`, default 1). */
  async *iterateFaxes(query: SinchFaxQuery = {}, signal?: AbortSignal): AsyncGenerator<SinchFax> {
    yield* this.iterate((page) => this.listFaxes({ ...query, page }, signal), query.page);
  }

  getFax(id: string, signal?: AbortSignal): Promise<SinchFax> {
    return this.http.request({
      method: 'GET', path: sinchPath`/faxes/${id}`, what: 'get fax', idempotent: true, signal,
      parse: parseJsonWith(SinchFaxSchema),
    });
  }

  /** GET /faxes/{id}/file as a stream; the body is handed over unread. */
  downloadFax(id: string, signal?: AbortSignal): Promise<SinchDownload> {
    return this.http.request({
      method: 'GET', path: sinchPath`/faxes/${id}/file`, what: 'download fax', idempotent: true, signal,
      accept: 'application/pdf',
      parse: async (response) => {
        const contentType = response.headers.get('content-type') ?? '';
        // A JSON 200 is a broken reply, not a document: throwing makes httpCall retry it.
        if (!response.body || contentType.includes('json')) throw new Error(`Expected a PDF, got ${contentType || 'nothing'}`);
        const length = Number(response.headers.get('content-length'));
        return { contentType: contentType.split(';')[0]?.trim() || 'application/pdf', body: response.body, sizeBytes: length > 0 ? length : undefined };
      },
    });
  }

  deleteFaxContent(id: string): Promise<void> {
    return this.http.request({ method: 'DELETE', path: sinchPath`/faxes/${id}/file`, what: 'delete fax content', idempotent: true, parse: discardBody });
  }

  listServices(query?: SinchPageQuery): Promise<SinchPage<SinchService>> {
    return this.http.request({ method: 'GET', path: '/services', query: pageParams(query), what: 'list services', idempotent: true, parse: parseJsonWith(ServicePage) });
  }

  getService(serviceId: string): Promise<SinchService> {
    return this.http.request({ method: 'GET', path: sinchPath`/services/${serviceId}`, what: 'get service', idempotent: true, parse: parseJsonWith(SinchServiceSchema) });
  }

  createService(service: SinchServiceRequest): Promise<SinchService> {
    return this.http.request({ method: 'POST', path: '/services', json: service, what: 'create service', idempotent: false, parse: parseJsonWith(SinchServiceSchema) });
  }

  /** PATCH sets the given fields to fixed values, so repeating it is harmless. */
  updateService(serviceId: string, changes: SinchServiceRequest): Promise<SinchService> {
    return this.http.request({ method: 'PATCH', path: sinchPath`/services/${serviceId}`, json: changes, what: 'update service', idempotent: true, parse: parseJsonWith(SinchServiceSchema) });
  }

  removeService(serviceId: string): Promise<void> {
    return this.http.request({ method: 'DELETE', path: sinchPath`/services/${serviceId}`, what: 'remove service', idempotent: true, parse: discardBody });
  }

  listServiceNumbers(serviceId: string, query?: SinchPageQuery): Promise<SinchPage<SinchServiceNumber>> {
    return this.http.request({ method: 'GET', path: sinchPath`/services/${serviceId}/numbers`, query: pageParams(query), what: 'list service numbers', idempotent: true, parse: parseJsonWith(NumberPage) });
  }

  /** POST …/coverPages takes the PDF as base64 JSON (§9): the API offers no streamed form. */
  addCoverPage(serviceId: string, name: string, pdfBase64: string): Promise<SinchCoverPage> {
    return this.http.request({
      method: 'POST', path: sinchPath`/services/${serviceId}/coverPages`, what: 'add cover page', idempotent: false,
      json: { name, file: { fileContent: pdfBase64, fileType: 'PDF' } }, parse: parseJsonWith(SinchCoverPageSchema),
    });
  }

  listCoverPages(serviceId: string, query?: SinchPageQuery): Promise<SinchPage<SinchCoverPage>> {
    return this.http.request({ method: 'GET', path: sinchPath`/services/${serviceId}/coverPages`, query: pageParams(query), what: 'list cover pages', idempotent: true, parse: parseJsonWith(CoverPagePage) });
  }

  getCoverPage(serviceId: string, coverPageId: string): Promise<SinchCoverPage> {
    return this.http.request({ method: 'GET', path: sinchPath`/services/${serviceId}/coverPages/${coverPageId}`, what: 'get cover page', idempotent: true, parse: parseJsonWith(SinchCoverPageSchema) });
  }

  deleteCoverPage(serviceId: string, coverPageId: string): Promise<void> {
    return this.http.request({ method: 'DELETE', path: sinchPath`/services/${serviceId}/coverPages/${coverPageId}`, what: 'delete cover page', idempotent: true, parse: discardBody });
  }

  listEmails(serviceId: string, query?: SinchPageQuery): Promise<SinchPage<SinchEmail>> {
    return this.http.request({ method: 'GET', path: sinchPath`/services/${serviceId}/emails`, query: pageParams(query), what: 'list fax-to-email addresses', idempotent: true, parse: parseJsonWith(EmailPage) });
  }

  addEmail(serviceId: string, email: string, phoneNumbers: SinchEmailNumber[]): Promise<SinchEmail> {
    return this.http.request({
      method: 'POST', path: sinchPath`/services/${serviceId}/emails`, what: 'add fax-to-email address', idempotent: false,
      json: { email, phoneNumbers }, parse: parseJsonWith(SinchEmailSchema),
    });
  }

  /** PUT replaces the address's numbers: repeating it is harmless. */
  updateEmail(serviceId: string, email: string, phoneNumbers: SinchEmailNumber[]): Promise<SinchEmail> {
    return this.http.request({
      method: 'PUT', path: sinchPath`/services/${serviceId}/emails/${email}`, what: 'update fax-to-email address', idempotent: true,
      json: { phoneNumbers }, parse: parseJsonWith(SinchEmailSchema),
    });
  }

  removeEmail(serviceId: string, email: string): Promise<void> {
    return this.http.request({ method: 'DELETE', path: sinchPath`/services/${serviceId}/emails/${email}`, what: 'remove fax-to-email address', idempotent: true, parse: discardBody });
  }

  listNumbersForEmail(serviceId: string, email: string, query?: SinchPageQuery): Promise<SinchPage<SinchServiceNumber>> {
    return this.http.request({ method: 'GET', path: sinchPath`/services/${serviceId}/emails/${email}/numbers`, query: pageParams(query), what: 'list numbers for an e-mail address', idempotent: true, parse: parseJsonWith(PhoneNumberPage) });
  }

  listEmailsForNumber(serviceId: string, phoneNumber: string, query?: SinchPageQuery): Promise<SinchPage<string>> {
    return this.http.request({ method: 'GET', path: sinchPath`/services/${serviceId}/numbers/${phoneNumber}/emails`, query: pageParams(query), what: 'list e-mail addresses for a number', idempotent: true, parse: parseJsonWith(EmailAddressPage) });
  }

  /** Walks pages until `page >= totalPages` (or an empty page, against a server that omits totals). */
  async *iterate<T>(fetchPage: (page: number) => Promise<SinchPage<T>>, firstPage = 1): AsyncGenerator<T> {
    for (let page = firstPage; ; page++) {
      const result = await fetchPage(page);
      yield* result.items;
      if (result.items.length === 0 || result.page >= result.totalPages) return;
    }
  }
}
