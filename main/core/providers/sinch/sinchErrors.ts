import { ProviderError, type ProviderErrorBody, type ProviderErrorCode, type ResponseContext } from '../providerError';
import { SinchErrorEnvelopeSchema } from './sinchSchemas';

/** Reads the §11.1 envelope (`{code, error, message, details.fieldViolations}`) for logs; tolerates anything. */
export function readSinchErrorBody(text: string): ProviderErrorBody {
  let json: unknown;
  try {
    json = text.trim() ? JSON.parse(text) : undefined;
  } catch {
    return {};
  }
  const parsed = SinchErrorEnvelopeSchema.safeParse(json);
  if (!parsed.success) return {};
  const envelope = parsed.data;
  const violations = (envelope.details?.fieldViolations ?? [])
    .map((violation) => [violation.field, violation.description].filter(Boolean).join(': '))
    .filter((part) => part.length > 0);
  return {
    providerCode: envelope.code != null ? String(envelope.code) : undefined,
    text: violations.length > 0 ? violations.join('; ') : envelope.message ?? envelope.error ?? undefined,
  };
}

/** ProviderError.fromResponse for a Sinch call. */
export function sinchErrorFrom(response: Response, what: string, idempotent: boolean, statusCodes?: ResponseContext['statusCodes']): Promise<ProviderError> {
  return ProviderError.fromResponse(response, { provider: 'sinch', what, idempotent, readBody: readSinchErrorBody, statusCodes });
}

/** True when a 401 says the bearer token expired, the one case every Sinch SDK refreshes on (§2.2). */
export function isExpiredTokenResponse(response: Response): boolean {
  return response.status === 401 && /expired/i.test(response.headers.get('www-authenticate') ?? '');
}

/** Thrown before any request when the input is wrong; `message` is what the person reads. */
export function invalidInput(message: string, code: ProviderErrorCode = 'invalid_input'): ProviderError {
  return ProviderError.refusedLocally('sinch', code, message);
}
