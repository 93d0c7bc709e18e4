import { ZodError } from 'zod';
import { PROVIDER_NAMES } from '../../common/domain/account';
import { ErrorCodeSchema, ErrorInfoSchema, errorInfo, withAccount, type ErrorInfo } from '../../common/errors';
import { AppError } from '../../common/ipc/result';
import type { RemoteFax } from './providers/faxProvider';
import { ProviderError } from './providers/providerError';


export interface ErrorContext {
  /** The account the failure belongs to: the action then opens its settings. */
  accountId?: string;
  /** What was being done, for words such as "did not take the fax" (default "the request"). */
  target?: 'the fax' | 'the request';
  /** The fax's page count, when the provider does not report it (Welkin, on a failure). */
  pages?: number;
}

function fieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return fields;
}

function isFailedFax(value: unknown): value is RemoteFax {
  return typeof value === 'object' && value !== null && (value as Partial<RemoteFax>).status === 'failed'
    && typeof (value as Partial<RemoteFax>).direction === 'string';
}

/**
 * The one path from anything that went wrong to what a person reads: Faxdesk's own errors, provider
 * errors, invalid input, a fax the provider could not deliver, and anything unexpected (`internal`).
 */
export function describeError(error: unknown, context: ErrorContext = {}): ErrorInfo {
  const { accountId, target } = context;
  if (error instanceof AppError) return withAccount(error.info, accountId);
  if (error instanceof ProviderError) {
    const service = error.provider ? PROVIDER_NAMES[error.provider] : undefined;
    return errorInfo(error.code, { accountId, target, service, message: error.detail, retryAfterMs: error.retryAfterMs });
  }
  if (error instanceof ZodError) {
    const fields = fieldErrors(error);
    return errorInfo('invalid_input', { accountId, message: Object.values(fields)[0], fields });
  }
  if (isFailedFax(error)) {
    const failure = error.failure;
    return errorInfo(failure?.code ?? 'fax_failed', {
      accountId, target: 'the fax', service: failure ? PROVIDER_NAMES[failure.provider] : undefined,
      pagesSent: error.pagesSent, pages: error.pages ?? context.pages,
    });
  }
  return errorInfo('internal', { accountId, target });
}

/**
 * A job error as stored. Rows written before the vocabulary held free-form codes and provider
 * texts: those get the words of their code when it is known, else of `fax_failed`.
 */
export function readStoredError(json: string): ErrorInfo {
  const value: unknown = JSON.parse(json);
  const parsed = ErrorInfoSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const code = ErrorCodeSchema.safeParse((value as { code?: unknown } | null)?.code);
  return errorInfo(code.success ? code.data : 'fax_failed', { target: 'the fax' });
}
