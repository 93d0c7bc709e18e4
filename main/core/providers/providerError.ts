import type { ProviderKind } from '../../../common/domain/account';
import type { ErrorCode } from '../../../common/errors';

export type ProviderErrorCode = Extract<ErrorCode,
  | 'unauthorized' | 'permission_denied' | 'rate_limited' | 'provider_unavailable' | 'not_found' | 'invalid_input'
  | 'network' | 'conflict' | 'insufficient_funds' | 'unsupported_file' | 'too_many_files' | 'files_too_large'>;

export interface ProviderErrorInit {
  code: ProviderErrorCode;
  /** For logs: what happened, with the provider's own code and text. Never shown to a person. */
  message: string;
  provider?: ProviderKind;
  status?: number;
  retryable?: boolean;
  retryAfterMs?: number;
  /** Provider's own error code (Sinch `code`, Welkin `errorCode`), for logs. */
  providerCode?: string;
  /**
   * True when the request may have reached the provider and been acted on (timeout, reset after
   * the body left). A send that fails this way must be reconciled, never blindly re-sent.
   */
  maybeAccepted?: boolean;
  /** Faxdesk's own words for a person, set by local checks only (a file name, a limit). */
  detail?: string;
}

/** What a provider-specific parser reads from an error body. */
export interface ProviderErrorBody {
  providerCode?: string;
  /** The provider's text, for logs only. */
  text?: string;
  /** A code the body makes more precise than the status (e.g. Welkin FAX_FILES_LIMIT_EXCEEDED). */
  code?: ProviderErrorCode;
}

export interface ResponseContext {
  provider: ProviderKind;
  /** Short name of the operation, e.g. "send fax". */
  what: string;
  /** Safe to repeat. A 5xx to a call that is not may have been acted on. */
  idempotent: boolean;
  readBody: (text: string) => ProviderErrorBody;
  /** Status → code where one call means something else by it (a refused token request is `unauthorized`). */
  statusCodes?: Partial<Record<number, ProviderErrorCode>>;
}

const RETRYABLE: ReadonlySet<ProviderErrorCode> = new Set(['rate_limited', 'provider_unavailable', 'network']);

function codeForStatus(status: number): ProviderErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 402) return 'insufficient_funds';
  if (status === 403) return 'permission_denied';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'files_too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'provider_unavailable';
  return 'invalid_input';
}

/**
 * The one error type providers throw, with a code from the vocabulary (common/errors.ts). Its
 * message is for logs; what a person reads comes from describeError.
 */
export class ProviderError extends Error {
  readonly code: ProviderErrorCode;
  readonly provider?: ProviderKind;
  readonly status?: number;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly providerCode?: string;
  readonly maybeAccepted: boolean;
  readonly detail?: string;

  constructor(private readonly init: ProviderErrorInit) {
    super(init.message);
    this.name = 'ProviderError';
    this.code = init.code;
    this.provider = init.provider;
    this.status = init.status;
    this.retryable = init.retryable ?? RETRYABLE.has(init.code);
    this.retryAfterMs = init.retryAfterMs;
    this.providerCode = init.providerCode;
    this.maybeAccepted = init.maybeAccepted ?? false;
    this.detail = init.detail;
  }

  /**
   * The one place an HTTP answer becomes a code: status, Retry-After, the provider's error body
   * (read by its own parser), and whether a non-idempotent call may have been acted on.
   */
  static async fromResponse(response: Response, context: ResponseContext): Promise<ProviderError> {
    const text = await response.text().catch(() => '');
    const body = context.readBody(text);
    const { status } = response;
    const code = context.statusCodes?.[status] ?? body.code ?? codeForStatus(status);
    const said = [body.providerCode, body.text].filter(Boolean).join(' ');
    return new ProviderError({
      code,
      message: `${context.provider} answered HTTP ${status} to “${context.what}”${said ? `: ${said}` : ''}`,
      provider: context.provider,
      status,
      providerCode: body.providerCode,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      maybeAccepted: status >= 500 && !context.idempotent,
    });
  }

  /** Network-level failure (DNS, reset, timeout, abort). */
  static network(message: string, maybeAccepted: boolean, provider?: ProviderKind): ProviderError {
    return new ProviderError({ code: 'network', message, retryable: true, maybeAccepted, provider });
  }

  /** Refused by a local check before any request; `detail` is what the person reads. */
  static refusedLocally(provider: ProviderKind, code: ProviderErrorCode, detail: string, providerCode?: string): ProviderError {
    return new ProviderError({ code, message: detail, detail, provider, providerCode, retryable: false });
  }

  /** The same failure with some facts changed (a more precise code, a wider maybeAccepted). */
  with(changes: Partial<ProviderErrorInit>): ProviderError {
    return new ProviderError({ ...this.init, ...changes });
  }

  /** The provider answered and certainly did not act: re-reading it cannot turn up a fax. */
  get definitelyRefused(): boolean {
    if (this.maybeAccepted) return false;
    if (this.status === undefined) return this.detail !== undefined;
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
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
