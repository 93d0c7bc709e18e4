import { z } from 'zod';
import { invalid, notFound } from './errors';
import { paginate } from './listQuery';
import type { EmailRecord, ServiceRecord } from './model';
import { decodeParam, noContent, ok, readValidJson, route, type Route, type RouteRequest } from './routeKit';
import { E164 } from './validation';
import { toWireEmail } from './wire';

/** Accepts `{number,permissions}` objects (Node SDK ≥1.3) and plain strings (docs, .NET) (reference §10). */
const PhoneNumbersSchema = z.array(z.union([
  z.string().regex(E164, { message: 'is not a valid phone number' }).transform((number) => ({ number, permissions: 'both' as const })),
  z.object({
    number: z.string().regex(E164, { message: 'is not a valid phone number' }),
    permissions: z.enum(['both', 'send', 'receive']).default('both'),
  }),
])).min(1, { message: 'phoneNumbers needs at least one number' });

const EmailRequestSchema = z.object({
  email: z.email({ message: 'is not a valid email address' }),
  phoneNumbers: PhoneNumbersSchema,
});
const UpdateEmailRequestSchema = z.object({ phoneNumbers: PhoneNumbersSchema });

function findEmail(service: ServiceRecord, raw: string | undefined): EmailRecord {
  const address = decodeParam(raw);
  const record = service.emails.get(address.toLowerCase());
  if (!record) throw notFound(`Email ${address}`);
  return record;
}

async function addEmail({ req, res, params, ctx }: RouteRequest): Promise<void> {
  const service = ctx.store.service(decodeParam(params[0]));
  const body = await readValidJson(req, EmailRequestSchema);
  const key = body.email.toLowerCase();
  if (service.emails.has(key)) throw invalid([{ field: 'email', description: `The (${body.email}) email is already registered; use PUT to change its numbers` }]);
  const now = ctx.clock.now();
  const record: EmailRecord = { email: body.email, phoneNumbers: body.phoneNumbers, createdAt: now, updatedAt: now };
  service.emails.set(key, record);
  ok(res, toWireEmail(service, record));
}

function listEmails({ res, query, params, ctx }: RouteRequest): void {
  const service = ctx.store.service(decodeParam(params[0]));
  ok(res, paginate([...service.emails.values()].map((email) => toWireEmail(service, email)), query, 'emails'));
}

/** ServicePhoneNumber objects with the email's permission on each (reference §8.2). */
function listNumbersForEmail({ res, query, params, ctx }: RouteRequest): void {
  const service = ctx.store.service(decodeParam(params[0]));
  const record = findEmail(service, params[1]);
  const numbers = record.phoneNumbers.map((entry) => ({ phoneNumber: entry.number, projectId: service.projectId, serviceId: service.id, permissions: entry.permissions }));
  ok(res, paginate(numbers, query, 'phoneNumbers'));
}

async function updateEmail({ req, res, params, ctx }: RouteRequest): Promise<void> {
  const service = ctx.store.service(decodeParam(params[0]));
  const record = findEmail(service, params[1]);
  const body = await readValidJson(req, UpdateEmailRequestSchema);
  record.phoneNumbers = body.phoneNumbers;
  record.updatedAt = ctx.clock.now();
  ok(res, toWireEmail(service, record));
}

/** The SDK sends the address again as a JSON string body (a quirk); the path is what counts. */
function deleteEmail({ req, res, params, ctx }: RouteRequest): void {
  req.resume();
  const service = ctx.store.service(decodeParam(params[0]));
  const record = findEmail(service, params[1]);
  service.emails.delete(record.email.toLowerCase());
  noContent(res);
}

export const emailRoutes: Route[] = [
  route('POST', '/services/:id/emails', addEmail),
  route('GET', '/services/:id/emails', listEmails),
  route('GET', '/services/:id/emails/:email/numbers', listNumbersForEmail),
  route('PUT', '/services/:id/emails/:email', updateEmail),
  route('DELETE', '/services/:id/emails/:email', deleteEmail),
];
