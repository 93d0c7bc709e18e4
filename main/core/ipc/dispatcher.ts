import { ZodError } from 'zod';
import { contract, type InvokeChannel, type OutputOf, type ParsedInputOf } from '../../../common/ipc/contract';
import { AppError, type IpcError, type Result } from '../../../common/ipc/result';
import type { Logger } from '../log';
import { ProviderError } from '../providers/providerError';

/** One handler per contract channel; a missing one is a compile error. */
export type Handlers = {
  [C in InvokeChannel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C>;
};

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>;

function fieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

function toIpcError(error: unknown, log: Logger, channel: string): IpcError {
  if (error instanceof AppError) return error.info;
  if (error instanceof ProviderError) return { code: error.code, message: error.message, retryable: error.retryable };
  if (error instanceof ZodError) {
    const fields = fieldErrors(error);
    return { code: 'invalid_input', message: Object.values(fields)[0] ?? 'Invalid input', fields };
  }
  log.error('handler crashed', { channel, error });
  return { code: 'internal', message: 'Something went wrong inside Faxdesk. The problem was logged.' };
}

/**
 * The transport-neutral half of the IPC choke point: parse input, call the handler, parse output,
 * answer with a result envelope. Never throws. Used by registerIpc (Electron) and the dev bridge.
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, rawInput) => {
    if (!Object.hasOwn(contract.invoke, channel)) {
      return { ok: false, error: { code: 'invalid_input', message: `Unknown channel ${channel}` } };
    }
    const name = channel as InvokeChannel;
    const spec = contract.invoke[name];
    const input = spec.input.safeParse(rawInput);
    if (!input.success) {
      const fields = fieldErrors(input.error);
      return { ok: false, error: { code: 'invalid_input', message: Object.values(fields)[0] ?? 'Invalid input', fields } };
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown> | unknown;
      const value = await handler(input.data);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        log.error('handler returned data outside the contract', { channel, issues: output.error.issues.slice(0, 3) });
        return { ok: false, error: { code: 'internal', message: 'Faxdesk produced an unexpected reply. The problem was logged.' } };
      }
      return { ok: true, value: output.data };
    } catch (error) {
      return { ok: false, error: toIpcError(error, log, channel) };
    }
  };
}
