import { z } from 'zod';
import { ProviderError, parseRetryAfter } from '../providerError';
import { WelkinErrorItemSchema, type WelkinErrorItem } from './welkinSchemas';

/** The 401 codes that mean "get a new token and try again" (reference §2.1, as the Python client does). */
export const TOKEN_PROBLEM_CODES: ReadonlySet<string> = new Set(['TOKEN_EXPIRED', 'NOT_VALID_JSON_WEB_TOKEN']);

/** Plain-language reasons for the Welkin codes a fax client meets (reference §11 U14 and §3.3). */
const PLAIN_REASONS: Record<string, string> = {
  FAX_NOT_FOUND: 'Welkin has no fax with this id.',
  FAX_FILE_NOT_FOUND: 'Welkin has no such file on this fax.',
  FAX_INVALID_STATUS: 'The fax is not in a state that allows this (for example, it was already sent).',
  FAX_FILE_TYPE_NOT_SUPPORTED: 'Welkin accepts only PDF, JPG, PNG and DOCX files.',
  FAX_FILES_LIMIT_EXCEEDED: 'Welkin accepts at most 10 files per fax.',
  FAX_FILES_SIZE_LIMIT_EXCEEDED: 'Welkin accepts at most 100 MB of files per fax.',
  PATIENT_NOT_FOUND: 'Welkin has no patient with this id.',
  DOCUMENT_TYPE_NOT_FOUND: 'Welkin has no document type with this id.',
  TOKEN_EXPIRED: 'The Welkin session expired.',
  NOT_VALID_JSON_WEB_TOKEN: 'Welkin did not accept the session token.',
  INVALID_API_CLIENT_CREDENTIALS: 'Welkin refused the API client name or secret. Check them in the account settings.',
  ACCESS_FOR_API_CLIENT_RESTRICTED: 'This Welkin API client is not allowed to do this. Ask a Welkin admin to grant fax permissions.',
  TOO_MANY_REQUESTS: 'Welkin is limiting requests. Try again in a few minutes.',
};

function reasonForStatus(status: number): string {
  if (status === 401) return 'Welkin refused the credentials.';
  if (status === 403) return 'This Welkin API client is not allowed to do this.';
  if (status === 404) return 'Welkin could not find it.';
  if (status === 413) return 'The files are too large for Welkin (at most 100 MB per fax).';
  if (status === 429) return 'Welkin is limiting requests. Try again shortly.';
  if (status >= 500) return `Welkin is having problems (HTTP ${status}). Try again later.`;
  return `Welkin rejected the request (HTTP ${status}).`;
}

const ErrorObjectSchema = z.looseObject({ errors: z.array(WelkinErrorItemSchema) });

/** Welkin sends a JSON array of errors; tolerate a single object, `{errors: […]}`, text or nothing. */
export function parseWelkinErrorBody(text: string): WelkinErrorItem[] {
  if (text.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const asArray = z.array(WelkinErrorItemSchema).safeParse(json);
  if (asArray.success) return asArray.data;
  const wrapped = ErrorObjectSchema.safeParse(json);
  if (wrapped.success) return wrapped.data.errors;
  const single = WelkinErrorItemSchema.safeParse(json);
  return single.success && (single.data.errorCode || single.data.message) ? [single.data] : [];
}

export interface WelkinErrorContext {
  /** Short name of the operation, e.g. "get fax". */
  what: string;
  /** The call may have been acted on when the server failed (non-idempotent POSTs on 5xx). */
  mayHaveActed: boolean;
  /** Overrides the plain reason per status (token calls explain credentials differently). */
  reasonFor?: (status: number, code: string | undefined) => string | undefined;
}

/** Turns a non-2xx Welkin reply (status + body text) into the one error type providers throw. */
export function welkinError(status: number, bodyText: string, headers: Headers, context: WelkinErrorContext): ProviderError {
  const first = parseWelkinErrorBody(bodyText)[0];
  const providerCode = first?.errorCode ?? undefined;
  const reason = context.reasonFor?.(status, providerCode)
    ?? (providerCode ? PLAIN_REASONS[providerCode] : undefined)
    // Server-side failure texts ("Internal Server Error") tell a person nothing; 4xx texts usually do.
    ?? (first?.message && status < 500 && status !== 429 ? sentence(first.message) : reasonForStatus(status));
  return ProviderError.fromStatus(status, `Could not ${context.what}: ${reason}`, {
    providerCode,
    retryAfterMs: parseRetryAfter(headers.get('retry-after')),
    maybeAccepted: status >= 500 && context.mayHaveActed,
  });
}

export async function welkinErrorFromResponse(response: Response, context: WelkinErrorContext): Promise<ProviderError> {
  const text = await response.text().catch(() => '');
  return welkinError(response.status, text, response.headers, context);
}

function sentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Errors raised by local checks before any request (limits, file types, numbers). */
export function invalidInput(message: string, providerCode?: string): ProviderError {
  return new ProviderError({ code: 'invalid_input', message, providerCode, retryable: false });
}
