import { z } from 'zod';

/** The few error codes that cross the boundary. Providers map their failures onto these once. */
export const ErrorCodeSchema = z.enum([
  'invalid_input',
  'unsupported_file',
  'unauthorized',
  'rate_limited',
  'provider_unavailable',
  'not_found',
  'network',
  'conflict',
  'forbidden_sender',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const IpcErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  nextStep: z.string().optional(),
  retryable: z.boolean().optional(),
  /** Field-level problems for forms: path → message. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: IpcError): Result<never> => ({ ok: false, error });

/** An error that carries an IpcError to the boundary; anything else becomes `internal`. */
export class AppError extends Error {
  constructor(readonly info: IpcError) {
    super(info.message);
    this.name = 'AppError';
  }
  static of(code: ErrorCode, message: string, extra: Partial<IpcError> = {}): AppError {
    return new AppError({ code, message, ...extra });
  }
}
