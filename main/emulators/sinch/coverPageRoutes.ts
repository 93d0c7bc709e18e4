import { z } from 'zod';
import { notFound } from './errors';
import { ulid } from './ids';
import { paginate } from './listQuery';
import { decodeParam, noContent, ok, readValidJson, route, type Route, type RouteRequest } from './routeKit';
import { toWireCoverPage } from './wire';

/** CoverPageRequest (reference §9): JSON only, PDF only. The response echoes the MIME type. */
const CoverPageRequestSchema = z.object({
  name: z.string().min(1, { message: 'name is required' }).max(100),
  file: z.object({
    fileContent: z.string().min(1).regex(/^[A-Za-z0-9+/=_\-\s]*$/, { message: 'is not valid base64' }),
    fileType: z.enum(['PDF', 'application/pdf']),
  }),
});

async function addCoverPage({ req, res, params, ctx }: RouteRequest): Promise<void> {
  const service = ctx.store.service(decodeParam(params[0]));
  const body = await readValidJson(req, CoverPageRequestSchema);
  const now = ctx.clock.now();
  const page = { id: ulid(), name: body.name, fileContent: body.file.fileContent.replace(/\s/g, ''), createdTime: now, updatedTime: now };
  service.coverPages.set(page.id, page);
  ok(res, toWireCoverPage(service, page));
}

function listCoverPages({ res, query, params, ctx }: RouteRequest): void {
  const service = ctx.store.service(decodeParam(params[0]));
  ok(res, paginate([...service.coverPages.values()].map((page) => toWireCoverPage(service, page)), query, 'coverPages'));
}

function coverPage({ params, ctx }: RouteRequest) {
  const service = ctx.store.service(decodeParam(params[0]));
  const page = service.coverPages.get(decodeParam(params[1]));
  if (!page) throw notFound(`Cover page ${decodeParam(params[1])}`);
  return { service, page };
}

function getCoverPage(request: RouteRequest): void {
  const { service, page } = coverPage(request);
  ok(request.res, toWireCoverPage(service, page));
}

function deleteCoverPage(request: RouteRequest): void {
  const { service, page } = coverPage(request);
  service.coverPages.delete(page.id);
  if (service.coverPageId === page.id) service.coverPageId = undefined;
  noContent(request.res);
}

export const coverPageRoutes: Route[] = [
  route('POST', '/services/:id/coverPages', addCoverPage),
  route('GET', '/services/:id/coverPages', listCoverPages),
  route('GET', '/services/:id/coverPages/:coverPageId', getCoverPage),
  route('DELETE', '/services/:id/coverPages/:coverPageId', deleteCoverPage),
];
