import { errorInfo } from '../../../common/errors';
import { INVOKE_CHANNELS } from '../../../common/ipc/contract';
import type { Result } from '../../../common/ipc/result';
import type { Dispatch } from './dispatcher';

/** The parts of Electron's IpcMainInvokeEvent we read; structural, so core never imports electron. */
export interface IpcSenderFrame {
  url: string;
  /** null for a top-level frame. */
  parent: unknown;
}
export interface IpcInvokeEventLike {
  senderFrame: IpcSenderFrame | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

/** Accepts only the app's own page, and only its main frame (VS Code's validatedIpcMain). */
export function createSenderCheck(appOrigin: string): (event: IpcInvokeEventLike) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    try {
      // Not URL.origin: for custom schemes (app://) WHATWG gives an opaque "null" origin.
      const url = new URL(frame.url);
      return `${url.protocol}//${url.host}` === appOrigin;
    } catch {
      return false;
    }
  };
}

/**
 * Registers every contract channel exactly once. Each call: sender check, then the dispatcher
 * (input parse, handler, output parse, envelope). Nothing thrown crosses the boundary.
 */
export function registerIpc(ipc: IpcMainLike, dispatch: Dispatch, isAllowedSender: (event: IpcInvokeEventLike) => boolean): void {
  for (const channel of INVOKE_CHANNELS) {
    ipc.handle(channel, async (event, input): Promise<Result<unknown>> => {
      try {
        if (!isAllowedSender(event)) {
          return { ok: false, error: errorInfo('forbidden_sender', { message: 'Calls are accepted from the Faxdesk window only.' }) };
        }
        return await dispatch(channel, input);
      } catch {
        return { ok: false, error: errorInfo('internal') };
      }
    });
  }
}
