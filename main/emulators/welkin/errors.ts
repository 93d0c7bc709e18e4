import type { ServerResponse } from 'node:http';
import { sendJson } from '../shared/faults';

/** One entry of Welkin's error array (reference §3.3). */
export interface WelkinErrorItem {
  errorCode: string;
  componentType: string;
  message: string;
  details: Record<string, unknown>;
  date?: string;
}

/**
 * Thrown by route handlers to answer with a Welkin error array. Keeps handlers linear: validate,
 * throw on the first problem, the router turns it into the response.
 */
export class WelkinHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly componentType: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
    /** The recorded 403 body has no `date` key; keep that quirk. */
    readonly withDate = true,
  ) {
    super(message);
  }

  body(): WelkinErrorItem[] {
    const item: WelkinErrorItem = { errorCode: this.errorCode, componentType: this.componentType, message: this.message, details: this.details };
    if (this.withDate) item.date = isoNow();
    return [item];
  }
}

export function isoNow(): string {
  return new Date().toISOString();
}

/** Headers every real Welkin response carried in recorded traffic (reference §9). */
export const WELKIN_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate',
  Pragma: 'no-cache',
  Expires: '0',
  'X-Content-Type-Options': 'nosniff',
  'X-XSS-Protection': '1; mode=block',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, PATCH, OPTIONS',
  'Access-Control-Allow-Headers': 'authorization, content-type, xsrf-token, security-role',
};

export function sendWelkin(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJson(res, status, body, { ...WELKIN_HEADERS, ...headers });
}

/** Welkin DELETE answers 200 with an empty body (`Content-Length: 0`). */
export function sendEmpty(res: ServerResponse): void {
  sendWelkin(res, 200, undefined);
}

export function sendError(res: ServerResponse, error: WelkinHttpError): void {
  sendWelkin(res, error.status, error.body(), error.headers);
}

/** Generic error body by status, for injected faults and scaffold errors (body too large, bad JSON). */
export function errorBodyFor(status: number, message: string): WelkinErrorItem[] {
  const [errorCode, componentType] = GENERIC_CODES[status] ?? ['INTERNAL_SERVER_ERROR', 'GENERAL'];
  return [{ errorCode, componentType, message, details: {}, date: isoNow() }];
}

const GENERIC_CODES: Record<number, [string, string]> = {
  400: ['VALIDATION_ERROR', 'GENERAL'],
  401: ['NOT_VALID_JSON_WEB_TOKEN', 'AUTH'],
  403: ['ACCESS_FOR_API_CLIENT_RESTRICTED', 'AUTH'],
  404: ['NOT_FOUND', 'GENERAL'],
  405: ['METHOD_NOT_ALLOWED', 'GENERAL'],
  413: ['PAYLOAD_TOO_LARGE', 'GENERAL'],
  429: ['TOO_MANY_REQUESTS', 'AUTH'],
  500: ['INTERNAL_SERVER_ERROR', 'GENERAL'],
};

// Small constructors for the fax-domain codes of reference §11 U14.
export const faxNotFound = (faxId: string): WelkinHttpError =>
  new WelkinHttpError(404, 'FAX_NOT_FOUND', 'FAX', 'Fax not found', { faxId });
export const faxFileNotFound = (faxId: string, fileId: string): WelkinHttpError =>
  new WelkinHttpError(404, 'FAX_FILE_NOT_FOUND', 'FAX', 'Fax file not found', { faxId, fileId });
export const invalidStatus = (faxId: string, status: string, message: string): WelkinHttpError =>
  new WelkinHttpError(400, 'FAX_INVALID_STATUS', 'FAX', message, { faxId, status });
export const validationError = (message: string, details: Record<string, unknown> = {}, componentType = 'FAX'): WelkinHttpError =>
  new WelkinHttpError(400, 'VALIDATION_ERROR', componentType, message, details);
export const patientNotFound = (patientId: string): WelkinHttpError =>
  new WelkinHttpError(404, 'PATIENT_NOT_FOUND', 'PATIENT', 'Patient not found', { patientId });
export const documentTypeNotFound = (documentTypeId: string): WelkinHttpError =>
  new WelkinHttpError(404, 'DOCUMENT_TYPE_NOT_FOUND', 'DOCUMENT_TYPE', 'Document type not found', { documentTypeId });

/** Turns zod issues into one VALIDATION_ERROR with the offending fields in `details`. */
export function fromZodIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>, componentType = 'FAX'): WelkinHttpError {
  const fields = issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
  const first = fields[0];
  return validationError(first ? `${first.field || 'body'}: ${first.message}` : 'Invalid request', { fields }, componentType);
}
