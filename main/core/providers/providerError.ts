import { AppError, type ErrorCode } from '../../../common/ipc/result';

export type ProviderErrorCode = Extract<
  ErrorCode,
  'unauthorized' | 'rate_limited' | 'provider_unavailable' | 'not_found' | 'invalid_input' | 'network'
>;

export interface ProviderErrorInit {
  code: ProviderErrorCode;
  message: string;
  status?: number;
  retryable?: boolean;
  retryAfterMs?: number;
  /** Provider's own error code (Sinch `code`/`errorCode`, Welkin `errorCode`), for logs and mapping. */
  providerCode?: string;
  /**
   * True when the request may have reached the provider and been acted on (timeout, reset after
   * the body left). A send that fails this way must be reconciled, never blindly re-sent.
   */
  maybeAccepted?: boolean;
}

/** The one error type providers throw. Maps transport failures to a few codes once (Signal's HTTPError). */
export class ProviderError extends Error {
  readonly code: ProviderErrorCode;
  readonly status?: number;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly providerCode?: string;
  readonly maybeAccepted: boolean;

  constructor(init: ProviderErrorInit) {
    super(init.message);
    this.name = 'ProviderError';
    this.code = init.code;
    this.status = init.status;
    this.retryable = init.retryable ?? (init.code === 'rate_limited' || init.code === 'provider_unavailable' || init.code === 'network');
    this.retryAfterMs = init.retryAfterMs;
    this.providerCode = init.providerCode;
    this.maybeAccepted = init.maybeAccepted ?? false;
  }

  /** Maps an HTTP status (plus optional provider detail) to a code. */
  static fromStatus(status: number, message: string, extra: Partial<ProviderErrorInit> = {}): ProviderError {
    const code: ProviderErrorCode =
      status === 401 || status === 403 ? 'unauthorized'
      : status === 404 ? 'not_found'
      : status === 429 ? 'rate_limited'
      : status >= 500 ? 'provider_unavailable'
      : 'invalid_input';
    return new ProviderError({ code, message, status, ...extra });
  }

  /** Network-level failure (DNS, reset, timeout, abort). */
  static network(message: string, maybeAccepted: boolean): ProviderError {
    return new ProviderError({ code: 'network', message, retryable: true, maybeAccepted });
  }

  toAppError(): AppError {
    return AppError.of(this.code, this.message, { retryable: this.retryable });
  }
}

/** Parses a Retry-After header (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
