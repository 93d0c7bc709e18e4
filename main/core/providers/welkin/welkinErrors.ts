import { z } from 'zod';
import { ProviderError, type ProviderErrorBody, type ProviderErrorCode, type ResponseContext } from '../providerError';
import { WelkinErrorItemSchema, type WelkinErrorItem } from './welkinSchemas';

/** The 401 codes that mean "get a new token and try again" (reference §2.1, as the Python client does). */
export const TOKEN_PROBLEM_CODES: ReadonlySet<string> = new Set(['TOKEN_EXPIRED', 'NOT_VALID_JSON_WEB_TOKEN']);

/** Welkin error codes (reference §3.3, §11 U14) that say more than their HTTP status. */
const CODES: Readonly<Record<string, ProviderErrorCode>> = {
  FAX_FILE_TYPE_NOT_SUPPORTED: 'unsupported_file',
  FAX_FILES_LIMIT_EXCEEDED: 'too_many_files',
  FAX_FILES_SIZE_LIMIT_EXCEEDED: 'files_too_large',
  PAYLOAD_TOO_LARGE: 'files_too_large',
  FAX_INVALID_STATUS: 'conflict',
  ACCESS_FOR_API_CLIENT_RESTRICTED: 'permission_denied',
  INVALID_API_CLIENT_CREDENTIALS: 'unauthorized',
  TOKEN_EXPIRED: 'unauthorized',
  NOT_VALID_JSON_WEB_TOKEN: 'unauthorized',
  TOO_MANY_REQUESTS: 'rate_limited',
  VALIDATION_ERROR: 'invalid_input',
};

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

/** The first error of a Welkin body: its code (mapped where it is more precise) and text for logs. */
export function readWelkinErrorBody(text: string): ProviderErrorBody {
  const first = parseWelkinErrorBody(text)[0];
  const providerCode = first?.errorCode ?? undefined;
  return { providerCode, text: first?.message ?? undefined, code: providerCode ? CODES[providerCode] : undefined };
}

/** ProviderError.fromResponse for a Welkin call. */
export function welkinErrorFrom(response: Response, what: string, idempotent: boolean, statusCodes?: ResponseContext['statusCodes']): Promise<ProviderError> {
  return ProviderError.fromResponse(response, { provider: 'welkin', what, idempotent, readBody: readWelkinErrorBody, statusCodes });
}

/** Refused by a local check before any request (limits, file types, numbers); `message` is what the person reads. */
export function invalidInput(message: string, code: ProviderErrorCode = 'invalid_input', providerCode?: string): ProviderError {
  return ProviderError.refusedLocally('welkin', code, message, providerCode);
}
