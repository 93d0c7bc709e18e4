import { z } from 'zod';
import { invalid } from './errors';
import { paginate } from './listQuery';
import { decodeParam, noContent, ok, readValidJson, route, type Route, type RouteRequest } from './routeKit';
import { E164, boolish, intish } from './validation';
import { toWireService } from './wire';

const ServiceRequestSchema = z.object({
  name: z.string().max(60, { message: 'must be 60 characters or fewer' }).optional(),
  incomingWebhookUrl: z.union([z.url({ protocol: /^https?$/, message: 'is not a valid URL' }), z.literal('')]).optional(),
  webhookContentType: z.enum(['multipart/form-data', 'application/json']).optional(),
  defaultForProject: boolish.optional(),
  defaultFrom: z.string().regex(E164, { message: 'is not a valid phone number' }).optional(),
  numberOfRetries: intish(0, 5).optional(),
  retryDelaySeconds: intish(0, 86_400).optional(),
  imageConversionMethod: z.enum(['HALFTONE', 'MONOCHROME']).optional(),
  coverPageId: z.string().optional(),
  saveOutboundFaxDocuments: boolish.optional(),
  saveInboundFaxDocuments: boolish.optional(),
  scanIncomingBarcodes: boolish.optional(),
  resolution: z.enum(['FINE', 'SUPERFINE']).optional(),
});
type ServiceRequest = z.infer<typeof ServiceRequestSchema>;

/** Drops absent keys so a partial PATCH leaves the other settings alone. */
function present(body: ServiceRequest): Partial<ServiceRequest> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Partial<ServiceRequest>;
}

async function createService({ req, res, ctx }: RouteRequest): Promise<void> {
  const body = present(await readValidJson(req, ServiceRequestSchema));
  const { defaultForProject, incomingWebhookUrl, ...rest } = body;
  const service = ctx.store.newService({ ...rest, name: body.name ?? 'Fax service', incomingWebhookUrl: incomingWebhookUrl || undefined });
  if (defaultForProject) ctx.store.makeDefault(service);
  ok(res, toWireService(service));
}

function listServices({ res, query, ctx }: RouteRequest): void {
  ok(res, paginate([...ctx.store.services.values()].map(toWireService), query, 'services'));
}

function getService({ res, params, ctx }: RouteRequest): void {
  ok(res, toWireService(ctx.store.service(decodeParam(params[0]))));
}

async function updateService({ req, res, params, ctx }: RouteRequest): Promise<void> {
  const service = ctx.store.service(decodeParam(params[0]));
  const body = present(await readValidJson(req, ServiceRequestSchema));
  const { defaultForProject, incomingWebhookUrl, coverPageId, ...rest } = body;
  if (coverPageId && !service.coverPages.has(coverPageId)) {
    throw invalid([{ field: 'coverPageId', description: `The (${coverPageId}) cover page does not exist in this service` }]);
  }
  if (defaultForProject === false && service.defaultForProject) {
    throw invalid([{ field: 'defaultForProject', description: 'A project needs a default service; make another service the default instead' }]);
  }
  Object.assign(service, rest);
  if (coverPageId !== undefined) service.coverPageId = coverPageId || undefined;
  if (incomingWebhookUrl !== undefined) service.incomingWebhookUrl = incomingWebhookUrl || undefined;
  if (defaultForProject) ctx.store.makeDefault(service);
  ok(res, toWireService(service));
}

function deleteService({ res, params, ctx }: RouteRequest): void {
  const service = ctx.store.service(decodeParam(params[0]));
  if (service.defaultForProject) {
    throw invalid([{ field: 'serviceId', description: 'The default service cannot be deleted; make another service the default first' }]);
  }
  ctx.store.services.delete(service.id);
  noContent(res);
}

function listNumbers({ res, query, params, ctx }: RouteRequest): void {
  const service = ctx.store.service(decodeParam(params[0]));
  const numbers = service.numbers.map((phoneNumber) => ({ phoneNumber, projectId: service.projectId, serviceId: service.id }));
  ok(res, paginate(numbers, query, 'numbers'));
}

/** `GET /services/{sid}/numbers/{phone}/emails`: plain address strings (reference §8.2). */
function listEmailsForNumber({ res, query, params, ctx }: RouteRequest): void {
  const service = ctx.store.service(decodeParam(params[0]));
  const number = decodeParam(params[1]).replace(/^ /, '+');
  const emails = [...service.emails.values()].filter((email) => email.phoneNumbers.some((entry) => entry.number === number)).map((email) => email.email);
  ok(res, paginate(emails, query, 'emails'));
}

export const serviceRoutes: Route[] = [
  route('POST', '/services', createService),
  route('GET', '/services', listServices),
  route('GET', '/services/:id', getService),
  route('PATCH', '/services/:id', updateService),
  route('DELETE', '/services/:id', deleteService),
  route('GET', '/services/:id/numbers', listNumbers),
  route('GET', '/services/:id/numbers/:phone/emails', listEmailsForNumber),
];
