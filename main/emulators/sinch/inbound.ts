import type { InboundRequest } from '../shared/emulatorServer';
import { BodyError } from '../shared/httpKit';
import { ulid } from './ids';
import type { FaxRecord } from './model';
import { countPdfPages, generatePdf } from './pdf';
import type { SinchStore } from './store';

/** A received fax, complete on arrival, routed to the service that owns the `to` number. */
export async function createInboundFax(store: SinchStore, now: number, request: InboundRequest): Promise<FaxRecord> {
  const service = store.serviceForNumber(request.to);
  if (!service) throw new BodyError(400, 'The project has no service to receive on');
  let pdf: Buffer;
  let pages: number;
  if (request.documentBase64 !== undefined) {
    pdf = Buffer.from(request.documentBase64, 'base64');
    pages = request.pages ?? 1;
  } else if (request.pdfBase64) {
    pdf = Buffer.from(request.pdfBase64, 'base64');
    const counted = await countPdfPages(pdf);
    if (counted === undefined) throw new BodyError(400, 'pdfBase64 is not a readable PDF');
    pages = counted;
  } else {
    pages = request.pages ?? 1;
    pdf = await generatePdf(pages, ['Received fax (Faxdesk Sinch emulator)', `From ${request.from ?? 'a withheld number'} to ${request.to}`, new Date(now).toISOString()]);
  }
  const fax: FaxRecord = {
    id: ulid(),
    direction: 'INBOUND',
    from: request.from,
    to: request.to,
    projectId: store.projectId,
    serviceId: service.id,
    createTime: now,
    pages,
    scenario: { kind: 'complete', free: false },
    headerPageNumbers: true,
    headerTimeZone: 'America/New_York',
    retryDelaySeconds: service.retryDelaySeconds,
    maxRetries: service.numberOfRetries,
    callbackUrlContentType: service.webhookContentType,
    imageConversionMethod: service.imageConversionMethod,
    resolution: service.resolution,
    document: service.saveInboundFaxDocuments && !request.withoutDocument ? pdf : undefined,
    uploads: [],
    webhookDone: true,
  };
  store.faxes.set(fax.id, fax);
  return fax;
}
