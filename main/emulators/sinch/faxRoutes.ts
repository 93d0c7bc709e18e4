import type { ServerResponse } from 'node:http';
import { invalid, notFound, SinchHttpError, type FieldViolation } from './errors';
import { ulid } from './ids';
import { scenarioForNumber } from './lifecycle';
import { filterFaxes, paginate, queryValue } from './listQuery';
import type { FaxRecord, FaxScenario } from './model';
import { buildDocument, isPdf, type DocumentPart } from './pdf';
import { ok, noContent, route, type Route, type RouteRequest } from './routeKit';
import { readSendRequest } from './sendRequest';
import { toCsv } from './csvExport';
import { toWireFax } from './wire';

/** `POST /faxes`: one Fax for one recipient, `{faxes:[…]}` for several (reference §5.1.3). */
async function sendFax({ req, res, ctx }: RouteRequest): Promise<void> {
  const { fields, files, to } = await readSendRequest(req);
  const { store } = ctx;
  const violations: FieldViolation[] = [];
  const service = fields.serviceId ? store.services.get(fields.serviceId) : store.defaultService();
  if (!service) {
    throw invalid([{ field: 'serviceId', description: fields.serviceId ? `The (${fields.serviceId}) service does not exist` : 'The project has no default service' }]);
  }
  const coverPageId = fields.coverPageId ?? service.coverPageId;
  const coverPage = coverPageId ? service.coverPages.get(coverPageId) : undefined;
  if (coverPageId && !coverPage) violations.push({ field: 'coverPageId', description: `The (${coverPageId}) cover page does not exist in service ${service.id}` });
  if (violations.length > 0) throw invalid(violations);

  // Render order: cover page, content URLs, then files (reference §5.1.1).
  const parts: DocumentPart[] = [
    ...(coverPage ? [coverPart(coverPage.fileContent)] : []),
    ...(fields.contentUrl ?? []).map((url) => ({ kind: 'url' as const, url })),
    ...files.map((file) => ({ kind: 'file' as const, bytes: file.bytes, fileType: file.fileType })),
  ];
  const built = await buildDocument(parts);
  const now = ctx.clock.now();
  const faxes = to.map((number): FaxRecord => {
    const scenario: FaxScenario = built.ok
      ? scenarioForNumber(number)
      : { kind: 'conversionFailure', error: { errorType: 'DOCUMENT_CONVERSION_ERROR', errorCode: built.errorCode, errorMessage: built.errorMessage } };
    const fax: FaxRecord = {
      id: ulid(),
      direction: 'OUTBOUND',
      from: fields.from ?? service.defaultFrom,
      to: number,
      projectId: store.projectId,
      serviceId: service.id,
      createTime: now,
      pages: built.ok ? built.pages : 0,
      scenario,
      headerText: fields.headerText,
      headerPageNumbers: fields.headerPageNumbers ?? true,
      headerTimeZone: fields.headerTimeZone ?? 'America/New_York',
      retryDelaySeconds: fields.retryDelaySeconds ?? service.retryDelaySeconds,
      maxRetries: fields.maxRetries ?? service.numberOfRetries,
      labels: fields.labels,
      callbackUrl: fields.callbackUrl,
      callbackUrlContentType: fields.callbackUrlContentType ?? 'multipart/form-data',
      imageConversionMethod: fields.imageConversionMethod ?? service.imageConversionMethod,
      resolution: fields.resolution ?? service.resolution,
      coverPageId: coverPage?.id,
      coverPageData: fields.coverPageData,
      contentUrl: fields.contentUrl?.length ? fields.contentUrl : undefined,
      document: built.ok && service.saveOutboundFaxDocuments ? built.pdf : undefined,
      uploads: files.map(({ filename, contentType, fileType, bytes, sha256 }) => ({ filename, contentType, fileType, bytes: bytes.length, sha256 })),
      webhookDone: !fields.callbackUrl,
    };
    store.faxes.set(fax.id, fax);
    return fax;
  });
  const wire = faxes.map((fax) => toWireFax(fax, now));
  ok(res, wire.length === 1 ? wire[0] : { faxes: wire });
}

/** A cover page that is not a PDF (the mock's own example is plain text) still renders one page. */
function coverPart(base64: string): DocumentPart {
  const bytes = Buffer.from(base64, 'base64');
  return { kind: 'file', bytes, fileType: isPdf(bytes) ? 'PDF' : 'TXT' };
}

/** Newest first; ULIDs are monotonic, so id order is creation order. */
function listFaxes({ req, res, query, ctx }: RouteRequest): void {
  const now = ctx.clock.now();
  const all = [...ctx.store.faxes.values()].reverse();
  const matching = filterFaxes(all, query, now, { priorWeekDefaultWindow: ctx.options.priorWeekDefaultWindow });
  const wantsCsv = queryValue(query, 'format') === 'csv' || (req.headers.accept ?? '').includes('text/csv');
  if (wantsCsv) {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const text = toCsv(matching.map((fax) => toWireFax(fax, now)));
    res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Disposition': `attachment; filename="fax_logs_exp${stamp}.csv"`, 'Content-Length': String(Buffer.byteLength(text)) });
    res.end(text);
    return;
  }
  ok(res, paginate(matching.map((fax) => toWireFax(fax, now)), query, 'faxes'));
}

function getFax({ res, params, ctx }: RouteRequest): void {
  ok(res, toWireFax(ctx.store.fax(params[0] ?? ''), ctx.clock.now()));
}

function downloadFile({ res, params, ctx }: RouteRequest): void {
  const fax = ctx.store.fax(params[0] ?? '');
  if (params[1] !== undefined && params[1].toLowerCase() !== 'pdf') {
    throw new SinchHttpError(422, undefined, [{ field: 'fileFormat', description: `The (${params[1]}) file format is not supported; only pdf` }]);
  }
  if (!fax.document) throw notFound(`The file for fax ${fax.id} has been deleted or is not accessible; file`);
  sendPdf(res, fax.id, fax.document);
}

export function sendPdf(res: ServerResponse, id: string, bytes: Buffer): void {
  res.writeHead(200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${id}.pdf"`,
    'Content-Length': String(bytes.length),
  });
  res.end(bytes);
}

/** The record stays; only the stored document goes (reference §5.6). */
function deleteContent({ res, params, ctx }: RouteRequest): void {
  const fax = ctx.store.fax(params[0] ?? '');
  fax.document = undefined;
  noContent(res);
}

export const faxRoutes: Route[] = [
  route('POST', '/faxes', sendFax),
  route('GET', '/faxes', listFaxes),
  route('GET', '/faxes/:id', getFax),
  route('GET', '/faxes/:id/file', downloadFile),
  route('GET', '/faxes/:id/file.:format', downloadFile),
  route('DELETE', '/faxes/:id/file', deleteContent),
];
