import { errorInfo, type ErrorCode, type ErrorInfo, type ErrorInfoOptions } from '../errors';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ErrorInfo): Result<never> => ({ ok: false, error });

/** An error that carries an ErrorInfo to the boundary; anything else becomes `internal`. */
export class AppError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'AppError';
  }

  /** `message` and `extra` override the code's standard words; what they leave out comes from the table. */
  static of(code: ErrorCode, message?: string, extra: Omit<ErrorInfoOptions, 'message'> = {}): AppError {
    return new AppError(errorInfo(code, { ...extra, message }));
  }
}
