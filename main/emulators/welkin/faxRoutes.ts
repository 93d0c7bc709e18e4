import { z } from 'zod';
import { E164 } from './constants';
import { faxFileNotFound, faxNotFound, fromZodIssues, invalidStatus, sendEmpty, sendWelkin, validationError } from './errors';
import { receiveUpload, sendFileBytes } from './files';
import { faxToWire, startAttempt, statusOf, type WelkinFaxWire } from './lifecycle';
import { compareValues, parsePageRequest, springPage } from './pages';
import { ID, param, readJson, type Route, type RouteContext } from './routing';
import type { FaxRecord } from './store';

const E164Schema = z.string().regex(E164, 'must be an E.164 number such as +15551234567');
const SubjectSchema = z.string().max(255);

const CreateFaxSchema = z.object({
  receiverFaxNumber: E164Schema.nullish(),
  subject: SubjectSchema.nullish(),
  patientId: z.string().min(1).nullish(),
});
const PatchFaxSchema = CreateFaxSchema.extend({ reviewed: z.boolean().optional() });
const AssignSchema = z.object({ patientId: z.string().min(1), documentTypeId: z.string().min(1).nullish() });

async function parseBody<T>(ctx: RouteContext, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse((await readJson(ctx)) ?? {});
  if (!parsed.success) throw fromZodIssues(parsed.error.issues);
  return parsed.data;
}

export function requireFax(ctx: RouteContext): FaxRecord {
  const id = param(ctx, 0);
  const fax = ctx.state.faxes.get(id);
  if (!fax) throw faxNotFound(id);
  return fax;
}

function reply(ctx: RouteContext, fax: FaxRecord, status = 200): void {
  sendWelkin(ctx.res, status, faxToWire(fax, ctx.now));
}

function requireOutgoingDraft(ctx: RouteContext, fax: FaxRecord, action: string): void {
  const status = statusOf(fax, ctx.now);
  if (fax.direction !== 'OUTGOING' || status !== 'DRAFT') {
    throw invalidStatus(fax.id, status, `Fax ${action} is allowed only for outgoing faxes in status DRAFT (current: ${fax.direction} ${status})`);
  }
}

const SORT_FIELDS = new Set<keyof WelkinFaxWire>(['id', 'direction', 'status', 'receiverFaxNumber', 'senderFaxNumber', 'subject', 'reviewed',
  'patientId', 'pages', 'sentAt', 'receivedAt', 'createdAt', 'updatedAt']);

/** GET /faxes: Spring Page, default `createdAt DESC`; unknown sort fields are ignored (U3, U4). */
function listFaxes(ctx: RouteContext): void {
  const params = ctx.url.searchParams;
  const request = parsePageRequest(params, !params.get('sort'));
  const field = request.sortField && SORT_FIELDS.has(request.sortField as keyof WelkinFaxWire) ? request.sortField as keyof WelkinFaxWire : 'createdAt';
  const sign = request.descending ? -1 : 1;
  const rows = ctx.state.faxes.all().map((fax) => ({ seq: fax.seq, wire: faxToWire(fax, ctx.now) }));
  rows.sort((a, b) => (compareValues(a.wire[field], b.wire[field]) || a.seq - b.seq) * sign);
  sendWelkin(ctx.res, 200, springPage(rows.map((row) => row.wire), request, true));
}

async function createFax(ctx: RouteContext): Promise<void> {
  const body = await parseBody(ctx, CreateFaxSchema);
  if (body.patientId) ctx.state.patients.requirePatient(body.patientId);
  const fax = ctx.state.faxes.create({
    direction: 'OUTGOING', baseStatus: 'DRAFT', attempt: null,
    receiverFaxNumber: body.receiverFaxNumber ?? null, senderFaxNumber: ctx.state.faxNumber, subject: body.subject ?? null,
    reviewed: false, patientId: body.patientId?.toLowerCase() ?? null, documentTypeId: null, documentSummaryId: null,
    files: [], pages: null, receivedAt: null, createdAt: ctx.now, updatedAt: ctx.now, createdBy: ctx.actor, updatedBy: ctx.actor,
  });
  reply(ctx, fax, 201);
}

/** PATCH: partial update; which fields are allowed depends on direction and status (reference §4.4, §6). */
async function patchFax(ctx: RouteContext): Promise<void> {
  const fax = requireFax(ctx);
  const body = await parseBody(ctx, PatchFaxSchema);
  const touchesDraft = body.receiverFaxNumber !== undefined || body.subject !== undefined;
  if (touchesDraft) requireOutgoingDraft(ctx, fax, 'receiver/subject update');
  if (body.reviewed !== undefined && fax.direction !== 'INCOMING') {
    throw validationError('reviewed applies only to incoming faxes', { faxId: fax.id, field: 'reviewed' });
  }
  if (body.patientId !== undefined && fax.direction === 'INCOMING') {
    throw validationError('Use POST /faxes/{faxId}/assign to link an incoming fax to a patient', { faxId: fax.id, field: 'patientId' });
  }
  if (body.patientId) ctx.state.patients.requirePatient(body.patientId);
  if (body.receiverFaxNumber !== undefined) fax.receiverFaxNumber = body.receiverFaxNumber;
  if (body.subject !== undefined) fax.subject = body.subject;
  if (body.reviewed !== undefined) fax.reviewed = body.reviewed;
  if (body.patientId !== undefined) fax.patientId = body.patientId?.toLowerCase() ?? null;
  ctx.state.faxes.touch(fax, ctx.now, ctx.actor);
  reply(ctx, fax);
}

async function uploadFiles(ctx: RouteContext): Promise<void> {
  const fax = requireFax(ctx);
  try {
    requireOutgoingDraft(ctx, fax, 'file upload');
  } catch (error) {
    ctx.req.resume();
    throw error;
  }
  const existing = { count: fax.files.length, bytes: fax.files.reduce((sum, file) => sum + file.size, 0) };
  const added = await receiveUpload(ctx.req, fax.id, existing);
  // Re-check: the draft may have been sent or deleted while the body was streaming.
  if (ctx.state.faxes.get(fax.id) !== fax) throw faxNotFound(fax.id);
  requireOutgoingDraft(ctx, fax, 'file upload');
  fax.files.push(...added);
  ctx.state.faxes.touch(fax, ctx.now, ctx.actor);
  reply(ctx, fax);
}

function findFile(fax: FaxRecord, fileId: string): number {
  const index = fax.files.findIndex((file) => file.id === fileId.toLowerCase());
  if (index === -1) throw faxFileNotFound(fax.id, fileId);
  return index;
}

function deleteFile(ctx: RouteContext): void {
  const fax = requireFax(ctx);
  requireOutgoingDraft(ctx, fax, 'file deletion');
  const index = findFile(fax, param(ctx, 1));
  fax.files.splice(index, 1);
  ctx.state.faxes.touch(fax, ctx.now, ctx.actor);
  sendEmpty(ctx.res);
}

function downloadFile(ctx: RouteContext): void {
  const fax = requireFax(ctx);
  const file = fax.files[findFile(fax, param(ctx, 1))];
  if (file) sendFileBytes(ctx.res, file);
}

function sendFax(ctx: RouteContext): void {
  ctx.req.resume();
  const fax = requireFax(ctx);
  requireOutgoingDraft(ctx, fax, 'send');
  if (!fax.receiverFaxNumber) throw validationError('receiverFaxNumber is required to send a fax', { faxId: fax.id, field: 'receiverFaxNumber' });
  if (fax.files.length === 0) throw validationError('At least one file is required to send a fax', { faxId: fax.id, field: 'files' });
  startAttempt(fax, ctx.now, ctx.state.settings);
  ctx.state.faxes.touch(fax, ctx.now, ctx.actor);
  reply(ctx, fax);
}

function retryFax(ctx: RouteContext): void {
  ctx.req.resume();
  const fax = requireFax(ctx);
  const status = statusOf(fax, ctx.now);
  if (fax.direction !== 'OUTGOING' || status !== 'FAILED') {
    throw invalidStatus(fax.id, status, `Only a FAILED outgoing fax can be retried (current: ${fax.direction} ${status})`);
  }
  startAttempt(fax, ctx.now, ctx.state.settings);
  ctx.state.faxes.touch(fax, ctx.now, ctx.actor);
  reply(ctx, fax);
}

/** Assign: incoming needs patient + document type and is filed as a `_document_summary` (U12). */
async function assignFax(ctx: RouteContext): Promise<void> {
  const fax = requireFax(ctx);
  const body = await parseBody(ctx, AssignSchema);
  if (fax.direction === 'INCOMING' && !body.documentTypeId) {
    throw validationError('documentTypeId is required to assign an incoming fax', { faxId: fax.id, field: 'documentTypeId' });
  }
  const patient = ctx.state.patients.requirePatient(body.patientId);
  const type = body.documentTypeId ? ctx.state.patients.requireDocumentType(body.documentTypeId) : undefined;
  if (fax.direction === 'INCOMING' && type) {
    // Re-assign moves the document: the earlier record is replaced, not duplicated.
    if (fax.documentSummaryId) ctx.state.documents.delete(fax.documentSummaryId);
    const record = ctx.state.documents.fileFax({
      patientId: patient.id, type: type.name, files: fax.files, faxId: fax.id, now: ctx.now, actor: ctx.actor,
      storagePrefix: `${ctx.state.tenantName}/${ctx.state.instanceName}`,
    });
    fax.documentSummaryId = record.id;
  }
  fax.patientId = patient.id;
  if (type) fax.documentTypeId = type.id;
  ctx.state.faxes.touch(fax, ctx.now, ctx.actor);
  reply(ctx, fax);
}

/** DELETE: DRAFT, FAILED and any incoming fax; never one in flight or delivered (U13). */
function deleteFax(ctx: RouteContext): void {
  const fax = requireFax(ctx);
  const status = statusOf(fax, ctx.now);
  if (status === 'PROCESSING' || status === 'SENT') {
    throw invalidStatus(fax.id, status, `Fax could be deleted only in statuses [DRAFT, FAILED, RECEIVED] (current: ${status})`);
  }
  ctx.state.faxes.delete(fax.id);
  sendEmpty(ctx.res);
}

export function faxRoutes(): Route[] {
  const one = `^/faxes/${ID}`;
  return [
    { method: 'GET', pattern: /^\/faxes$/, handler: listFaxes, fax: true },
    { method: 'POST', pattern: /^\/faxes$/, handler: createFax, fax: true },
    { method: 'GET', pattern: new RegExp(`${one}$`), handler: (ctx) => reply(ctx, requireFax(ctx)), fax: true },
    { method: 'PATCH', pattern: new RegExp(`${one}$`), handler: patchFax, fax: true },
    { method: 'DELETE', pattern: new RegExp(`${one}$`), handler: deleteFax, fax: true },
    { method: 'POST', pattern: new RegExp(`${one}/files$`), handler: uploadFiles, fax: true },
    { method: 'GET', pattern: new RegExp(`${one}/files/${ID}$`), handler: downloadFile, fax: true },
    { method: 'DELETE', pattern: new RegExp(`${one}/files/${ID}$`), handler: deleteFile, fax: true },
    { method: 'POST', pattern: new RegExp(`${one}/send$`), handler: sendFax, fax: true },
    { method: 'POST', pattern: new RegExp(`${one}/retry$`), handler: retryFax, fax: true },
    { method: 'POST', pattern: new RegExp(`${one}/assign$`), handler: assignFax, fax: true },
  ];
}
