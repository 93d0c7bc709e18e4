import { WelkinHttpError, sendWelkin } from './errors';
import { parsePageRequest, springPage } from './pages';
import type { Route, RouteContext } from './routing';
import { ID, param } from './routing';
import { newId, type Actor, type StoredFile } from './store';
import { sendFileBytes } from './files';

/** A `_document_summary` CDT record on a patient (reference §7.3): where an assigned fax is filed. */
export interface DocumentSummaryRecord {
  id: string;
  seq: number;
  patientId: string;
  cdtId: string;
  version: number;
  type: string;
  files: StoredFile[];
  sourceType: string | null;
  sourceId: string | null;
  createdAt: number;
  updatedAt: number;
  actor: Actor;
}

const CDT_ID = 'f12bff88-7c1e-4d3a-9b2f-0e4d6a8c1b39';
const iso = (ms: number): string => new Date(ms).toISOString();

export function documentSummaryToWire(record: DocumentSummaryRecord): unknown {
  const { actor } = record;
  return {
    id: record.id,
    patientId: record.patientId,
    cdtId: record.cdtId,
    version: record.version,
    cdtName: '_document_summary',
    // CDT bodies use snake_case audit fields, unlike top-level records ([LM-CAS]).
    jsonBody: {
      id: record.id,
      type: record.type,
      files: record.files.map(({ id, size, storageKey, contentType, originalName }) => ({ id, size, storageKey, contentType, originalName })),
      created_at: iso(record.createdAt),
      created_by: actor.id,
      created_by_name: actor.name,
      updated_at: iso(record.updatedAt),
      updated_by: actor.id,
      updated_by_name: actor.name,
      source_type: record.sourceType,
      source_id: record.sourceId,
      source_name: null,
      external_id: null,
      external_guid: null,
    },
  };
}

export class DocumentStore {
  private readonly records = new Map<string, DocumentSummaryRecord>();
  private seq = 0;

  clear(): void {
    this.records.clear();
    this.seq = 0;
  }

  /** Files the fax's files on the patient; same file ids, storage keys under the patient (U12). */
  fileFax(input: { patientId: string; type: string; files: StoredFile[]; faxId: string; now: number; actor: Actor; storagePrefix: string }): DocumentSummaryRecord {
    const id = newId();
    const record: DocumentSummaryRecord = {
      id,
      seq: ++this.seq,
      patientId: input.patientId,
      cdtId: CDT_ID,
      version: 1,
      type: input.type,
      files: input.files.map((file) => ({ ...file, storageKey: `${input.storagePrefix}/patients/${input.patientId}/documents/${id}/${file.id}` })),
      sourceType: 'FAX',
      sourceId: input.faxId,
      createdAt: input.now,
      updatedAt: input.now,
      actor: input.actor,
    };
    this.records.set(id, record);
    return record;
  }

  delete(id: string): void {
    this.records.delete(id);
  }

  forPatient(patientId: string): DocumentSummaryRecord[] {
    return [...this.records.values()].filter((record) => record.patientId === patientId).sort((a, b) => b.seq - a.seq);
  }

  get(patientId: string, id: string): DocumentSummaryRecord | undefined {
    const record = this.records.get(id.toLowerCase());
    return record && record.patientId === patientId ? record : undefined;
  }
}

function requireRecord(ctx: RouteContext): DocumentSummaryRecord {
  const patient = ctx.state.patients.requirePatient(param(ctx, 0));
  const id = param(ctx, 1);
  const record = ctx.state.documents.get(patient.id, id);
  if (!record) {
    throw new WelkinHttpError(404, 'DT_RECORD_NOT_FOUND', 'CDT', 'DT record not found',
      { patientId: patient.id, cdtRecordId: id, cdtName: '_document_summary' });
  }
  return record;
}

function listRecords(ctx: RouteContext): void {
  const patient = ctx.state.patients.requirePatient(param(ctx, 0));
  const sourceId = ctx.url.searchParams.get('sourceId');
  const records = ctx.state.documents.forPatient(patient.id).filter((record) => !sourceId || record.sourceId === sourceId);
  const page = springPage(records.map(documentSummaryToWire), parsePageRequest(ctx.url.searchParams), false);
  sendWelkin(ctx.res, 200, { name: '_document_summary', data: page });
}

export function documentRoutes(): Route[] {
  const base = `^/patients/${ID}/document-summary`;
  return [
    { method: 'GET', pattern: new RegExp(`${base}$`), handler: listRecords },
    { method: 'GET', pattern: new RegExp(`${base}/${ID}$`), handler: (ctx) => sendWelkin(ctx.res, 200, documentSummaryToWire(requireRecord(ctx))) },
    {
      method: 'GET',
      pattern: new RegExp(`${base}/${ID}/files/${ID}$`),
      handler: (ctx) => {
        const record = requireRecord(ctx);
        const fileId = param(ctx, 2).toLowerCase();
        const file = record.files.find((candidate) => candidate.id === fileId);
        if (!file) throw new WelkinHttpError(404, 'FILE_NOT_FOUND', 'CDT', 'File not found', { cdtRecordId: record.id, fileId });
        sendFileBytes(ctx.res, file);
      },
    },
  ];
}
