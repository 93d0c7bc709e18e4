import { z } from 'zod';
import { fromZodIssues, documentTypeNotFound, patientNotFound, sendWelkin } from './errors';
import { compareValues, parsePageRequest, springPage } from './pages';
import type { Route, RouteContext } from './routing';
import { ID, param } from './routing';
import { seedDocumentTypes, seedPatients, type WelkinDocumentType, type WelkinPatient } from './seed';

/** Patients and document types of the instance: read-only fixtures a fax is filed against. */
export class PatientDirectory {
  patients: WelkinPatient[] = seedPatients();
  documentTypes: WelkinDocumentType[] = seedDocumentTypes();

  reset(): void {
    this.patients = seedPatients();
    this.documentTypes = seedDocumentTypes();
  }

  patient(id: string): WelkinPatient | undefined {
    const key = id.toLowerCase();
    return this.patients.find((patient) => patient.id === key);
  }

  requirePatient(id: string): WelkinPatient {
    const patient = this.patient(id);
    if (!patient) throw patientNotFound(id);
    return patient;
  }

  /** `documentTypeId` is the formation id (U11); the name is accepted too. */
  documentType(idOrName: string): WelkinDocumentType | undefined {
    const key = idOrName.toLowerCase();
    return this.documentTypes.find((type) => type.id === key || type.name === idOrName);
  }

  requireDocumentType(idOrName: string): WelkinDocumentType {
    const type = this.documentType(idOrName);
    if (!type) throw documentTypeNotFound(idOrName);
    return type;
  }

  /** Case-insensitive substring over first/last name, email and phone ([SLATE] `_patients.md`), and the MRN and birth date (PROPOSAL: front desks search by them). */
  search(query: string | undefined): WelkinPatient[] {
    const needle = query?.trim().toLowerCase();
    if (!needle) return [...this.patients];
    return this.patients.filter((patient) =>
      [patient.firstName, patient.lastName, `${patient.firstName} ${patient.lastName}`, patient.email, patient.phone, patient.mrn, patient.birthDate]
        .some((value) => value?.toLowerCase().includes(needle)));
  }
}

const PATIENT_SORT_FIELDS = new Set(['firstName', 'lastName', 'createdAt', 'updatedAt', 'birthDate', 'email', 'mrn']);

function sendPatientPage(ctx: RouteContext, patients: WelkinPatient[]): void {
  const request = parsePageRequest(ctx.url.searchParams);
  const field = request.sortField && PATIENT_SORT_FIELDS.has(request.sortField) ? request.sortField as keyof WelkinPatient : undefined;
  const sorted = field
    ? [...patients].sort((a, b) => compareValues(a[field], b[field]) * (request.descending ? -1 : 1))
    : patients;
  sendWelkin(ctx.res, 200, springPage(sorted, request, field !== undefined));
}

const ByFilterSchema = z.object({ searchText: z.string().optional(), query: z.string().optional() }).loose();

function getPatient(ctx: RouteContext): void {
  const key = param(ctx, 0);
  const type = ctx.url.searchParams.get('type')?.toUpperCase();
  // Alternate identifiers ([LM] Patient.get): EID = externalId, EGUID = externalGuid, MRN.
  const found = type === 'EID' ? ctx.state.patients.patients.find((p) => p.externalId === key)
    : type === 'EGUID' ? ctx.state.patients.patients.find((p) => p.externalGuid === key)
      : type === 'MRN' ? ctx.state.patients.patients.find((p) => p.mrn === key)
        : ctx.state.patients.patient(key);
  if (!found) throw patientNotFound(key);
  sendWelkin(ctx.res, 200, found);
}

async function byFilter(ctx: RouteContext, body: unknown): Promise<void> {
  const parsed = ByFilterSchema.safeParse(body ?? {});
  if (!parsed.success) throw fromZodIssues(parsed.error.issues, 'PATIENT');
  sendPatientPage(ctx, ctx.state.patients.search(parsed.data.searchText ?? parsed.data.query));
}

export function patientRoutes(readJson: (ctx: RouteContext) => Promise<unknown>): Route[] {
  return [
    { method: 'GET', pattern: /^\/patients$/, handler: (ctx) => sendPatientPage(ctx, ctx.state.patients.search(ctx.url.searchParams.get('query') ?? undefined)) },
    { method: 'GET', pattern: new RegExp(`^/patients/${ID}$`), handler: getPatient },
    { method: 'POST', pattern: /^\/by-filter\/patients$/, handler: async (ctx) => byFilter(ctx, await readJson(ctx)) },
    // Formations answer a plain array, with no paging even when `page` is sent ([LM-CAS]).
    { method: 'GET', pattern: /^\/formations\/current\/document-types$/, handler: (ctx) => sendWelkin(ctx.res, 200, ctx.state.patients.documentTypes) },
    {
      method: 'GET',
      pattern: new RegExp(`^/formations/current/document-types/${ID}$`),
      handler: (ctx) => sendWelkin(ctx.res, 200, ctx.state.patients.requireDocumentType(param(ctx, 0))),
    },
  ];
}
