import type { ServerResponse } from 'node:http';
import { sendJson } from '../shared/faults';

export interface FieldViolation {
  field: string;
  description: string;
}

const TITLES: Record<number, { error: string; status: string; message: string }> = {
  400: { error: 'Bad Request', status: 'INVALID_ARGUMENT', message: 'The request could not be understood by the server due to malformed syntax. It could be invalid JSON, missing required fields, or other issues.' },
  401: { error: 'Unauthorized', status: 'UNAUTHENTICATED', message: 'Empty body, or you have the wrong API key, secret, or project.' },
  402: { error: 'Payment required', status: 'FAILED_PRECONDITION', message: 'You have reached 0 balance on your account please make a payment.' },
  403: { error: 'Forbidden', status: 'PERMISSION_DENIED', message: 'You do not have access to this resource.' },
  404: { error: 'Not found', status: 'NOT_FOUND', message: 'The resource is not found, not available, or does not exist.' },
  405: { error: 'Method not allowed', status: 'INVALID_ARGUMENT', message: 'The method is not allowed on this resource.' },
  413: { error: 'Payload too large', status: 'INVALID_ARGUMENT', message: 'The request body is too large.' },
  422: { error: 'Invalid parameters', status: 'INVALID_ARGUMENT', message: 'The request could not be understood by the server due to malformed syntax. The client SHOULD NOT repeat the request without modifications.' },
  429: { error: 'Too many requests', status: 'RESOURCE_EXHAUSTED', message: 'Too many requests, slow down.' },
  500: { error: 'Internal server error', status: 'INTERNAL', message: 'An internal error occurred.' },
};

/** The Sinch error envelope (reference §11.1). `code` is a string on the wire. */
export function sinchErrorBody(status: number, message?: string, fieldViolations?: FieldViolation[]): Record<string, unknown> {
  const title = TITLES[status] ?? { error: 'Error', status: 'UNKNOWN', message: 'Request failed.' };
  return {
    code: String(status),
    error: title.error,
    message: message ?? title.message,
    status: title.status,
    details: fieldViolations && fieldViolations.length > 0 ? { fieldViolations } : {},
  };
}

export function sendError(res: ServerResponse, status: number, message?: string, fieldViolations?: FieldViolation[], headers: Record<string, string> = {}): void {
  sendJson(res, status, sinchErrorBody(status, message, fieldViolations), headers);
}

/** Thrown by route code; the router turns it into the envelope. */
export class SinchHttpError extends Error {
  constructor(readonly status: number, message?: string, readonly fieldViolations?: FieldViolation[], readonly headers: Record<string, string> = {}) {
    super(message ?? TITLES[status]?.message ?? 'Request failed');
  }
}

export function invalid(violations: FieldViolation[]): SinchHttpError {
  return new SinchHttpError(422, undefined, violations);
}

export function notFound(what: string): SinchHttpError {
  return new SinchHttpError(404, `${what} not found`);
}
