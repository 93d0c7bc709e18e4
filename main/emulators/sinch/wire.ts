import { createHash } from 'node:crypto';
import { deriveState, money } from './lifecycle';
import type { CoverPageRecord, EmailRecord, FaxRecord, ServiceRecord } from './model';

/** Sinch dates: UTC ISO-8601 without milliseconds, e.g. `2024-06-06T14:42:42Z`. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Basic-auth credentials in callback URLs are masked when read back (reference §5.1.1). */
export function maskUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  return url.replace(/^(https?:\/\/)[^/@\s]+@/i, '$1*****:*****@');
}

/** A fax as the API answers it: open like Sinch's JSON, with the two fields every reader needs. */
export type SinchWireFax = Record<string, unknown> & { id: string; status: string };
/** One entry of `GET /__emulator/faxes`. */
export type SinchControlFax = SinchWireFax & { documentBytes: number; documentSha256?: string; uploads: FaxRecord['uploads'] };

/** The Fax object of reference §6 at virtual time `now`. Absent values are left out, as Sinch does. */
export function toWireFax(fax: FaxRecord, now: number): SinchWireFax {
  const state = deriveState(fax, now);
  const wire: Record<string, unknown> = {
    id: fax.id,
    direction: fax.direction,
    from: fax.from,
    to: fax.to,
    numberOfPages: state.numberOfPages,
    status: state.status,
    createTime: iso(fax.createTime),
    completedTime: state.completedTime === undefined ? undefined : iso(state.completedTime),
    headerText: fax.headerText,
    headerPageNumbers: fax.headerPageNumbers,
    headerTimeZone: fax.headerTimeZone,
    retryDelaySeconds: fax.retryDelaySeconds,
    contentUrl: fax.contentUrl,
    imageConversionMethod: fax.imageConversionMethod,
    callbackUrl: maskUrl(fax.callbackUrl),
    callbackUrlContentType: fax.callbackUrlContentType,
    maxRetries: fax.maxRetries,
    retryCount: state.retryCount,
    labels: fax.labels,
    serviceId: fax.serviceId,
    projectId: fax.projectId,
    resolution: fax.resolution,
    coverPageId: fax.coverPageId,
    coverPageData: fax.coverPageData,
    pagesSentSuccessfully: state.pagesSentSuccessfully,
    hasFile: fax.document !== undefined,
  };
  if (state.price !== undefined) {
    wire.price = { currencyCode: 'USD', amount: state.price };
    wire.pricePerPage = fax.scenario.kind === 'complete' && fax.scenario.free ? money(0) : money(1);
  }
  if (state.error) Object.assign(wire, state.error);
  return dropUndefined(wire) as SinchWireFax; // id and status are always set
}

/** Control-API view: the wire fax plus what tests need to check the upload arrived intact. */
export function toControlFax(fax: FaxRecord, now: number): SinchControlFax {
  return {
    ...toWireFax(fax, now),
    documentBytes: fax.document?.length ?? 0,
    documentSha256: fax.document ? createHash('sha256').update(fax.document).digest('hex') : undefined,
    uploads: fax.uploads,
  };
}

export function toWireService(service: ServiceRecord): Record<string, unknown> {
  return dropUndefined({
    id: service.id,
    projectId: service.projectId,
    name: service.name,
    incomingWebhookUrl: maskUrl(service.incomingWebhookUrl),
    webhookContentType: service.webhookContentType,
    defaultForProject: service.defaultForProject,
    defaultFrom: service.defaultFrom,
    numberOfRetries: service.numberOfRetries,
    retryDelaySeconds: service.retryDelaySeconds,
    imageConversionMethod: service.imageConversionMethod,
    coverPageId: service.coverPageId,
    saveOutboundFaxDocuments: service.saveOutboundFaxDocuments,
    saveInboundFaxDocuments: service.saveInboundFaxDocuments,
    scanIncomingBarcodes: service.scanIncomingBarcodes,
    resolution: service.resolution,
  });
}

/** The response `fileType` is the MIME type, not the request's `PDF` (reference §9). */
export function toWireCoverPage(service: ServiceRecord, page: CoverPageRecord): Record<string, unknown> {
  return {
    id: page.id,
    name: page.name,
    projectId: service.projectId,
    serviceId: service.id,
    createdTime: iso(page.createdTime),
    updatedTime: iso(page.updatedTime),
    file: { fileContent: page.fileContent, fileType: 'application/pdf' },
  };
}

export function toWireEmail(service: ServiceRecord, email: EmailRecord): Record<string, unknown> {
  return {
    email: email.email,
    phoneNumbers: email.phoneNumbers.map((entry) => ({ ...entry })),
    projectId: service.projectId,
    createdAt: iso(email.createdAt),
    updatedAt: iso(email.updatedAt),
  };
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
