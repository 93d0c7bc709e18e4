import { ProviderError, parseRetryAfter } from '../providerError';
import { SinchErrorEnvelopeSchema, type SinchErrorEnvelope } from './sinchSchemas';

async function readEnvelope(response: Response): Promise<SinchErrorEnvelope | undefined> {
  try {
    const text = await response.text();
    if (!text.trim()) return undefined;
    const parsed = SinchErrorEnvelopeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function describeViolations(envelope: SinchErrorEnvelope | undefined): string | undefined {
  const violations = envelope?.details?.fieldViolations ?? [];
  const parts = violations
    .map((violation) => [violation.field, violation.description].filter(Boolean).join(': '))
    .filter((text) => text.length > 0);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function messageFor(status: number, what: string, envelope: SinchErrorEnvelope | undefined): string {
  const detail = describeViolations(envelope) ?? envelope?.message ?? envelope?.error ?? undefined;
  switch (true) {
    case status === 401:
      return 'Sinch did not accept the project ID, key ID or key secret. Check them in the account settings.';
    case status === 403:
      return `Sinch refused access (${what}). Check that the access key belongs to this project.`;
    case status === 402:
      return 'Your Sinch account balance is empty. Add funds in the Sinch dashboard, then try again.';
    case status === 404:
      return `Sinch could not find it (${what}).`;
    case status === 429:
      return `Sinch is limiting requests (${what}). Wait a moment, then try again.`;
    case status >= 500:
      return `Sinch is having a problem (${what}, HTTP ${status}). Try again shortly.`;
    default:
      return `Sinch rejected the request (${what})${detail ? `: ${detail}` : '.'}`;
  }
}

/** True when a 401 says the bearer token expired, the one case every Sinch SDK refreshes on (§2.2). */
export function isExpiredTokenResponse(response: Response): boolean {
  return response.status === 401 && /expired/i.test(response.headers.get('www-authenticate') ?? '');
}

/**
 * Maps a non-2xx Sinch reply (§11.1 envelope) to a ProviderError. A 5xx to a non-idempotent call
 * may have been acted on, so it is marked `maybeAccepted` for the outbox to reconcile.
 */
export async function toSinchError(response: Response, what: string, idempotent: boolean): Promise<ProviderError> {
  const envelope = await readEnvelope(response);
  const providerCode = envelope?.code != null ? String(envelope.code) : undefined;
  return ProviderError.fromStatus(response.status, messageFor(response.status, what, envelope), {
    providerCode,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    maybeAccepted: !idempotent && response.status >= 500,
  });
}

/** Thrown before any request when the input is wrong. */
export function invalidInput(message: string): ProviderError {
  return new ProviderError({ code: 'invalid_input', message, retryable: false });
}
