import { errorInfo, type ErrorInfo } from '../../../common/errors';
import { contract, type InvokeChannel, type OutputOf, type ParsedInputOf } from '../../../common/ipc/contract';
import { AppError, type Result } from '../../../common/ipc/result';
import { describeError } from '../describeError';
import type { Logger } from '../log';

/** One handler per contract channel; a missing one is a compile error. */
export type Handlers = {
  [C in InvokeChannel]: (input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C>;
};

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>;

/** Anything a handler threw, in words; only what nobody anticipated is logged as a crash. */
function toErrorInfo(error: unknown, log: Logger, channel: string): ErrorInfo {
  const info = describeError(error);
  if (info.code === 'internal' && !(error instanceof AppError)) log.error('handler crashed', { channel, error });
  return info;
}

/**
 * The transport-neutral half of the IPC choke point: parse input, call the handler, parse output,
 * answer with a result envelope. Never throws. Used by registerIpc (Electron) and the dev bridge.
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, rawInput) => {
    if (!Object.hasOwn(contract.invoke, channel)) {
      return { ok: false, error: errorInfo('invalid_input', { message: `Unknown channel ${channel}` }) };
    }
    const name = channel as InvokeChannel;
    const spec = contract.invoke[name];
    const input = spec.input.safeParse(rawInput);
    if (!input.success) return { ok: false, error: describeError(input.error) };
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown> | unknown;
      const value = await handler(input.data);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        log.error('handler returned data outside the contract', { channel, issues: output.error.issues.slice(0, 3) });
        return { ok: false, error: errorInfo('internal', { message: 'Faxdesk produced an unexpected reply. The problem was logged.' }) };
      }
      return { ok: true, value: output.data };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error, log, channel) };
    }
  };
}
