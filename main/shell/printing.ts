import { errorInfo } from '../../common/errors';
import type { Result } from '../../common/ipc/result';
import { PRINT_CHANNEL } from '../../common/ipc/shellChannels';
import type { IpcInvokeEventLike } from '../core/ipc/registerIpc';

/** What the print adapter needs of Electron's WebContents.print (a fake one in tests). */
export interface PrintableContents {
  print(
    options: {
      silent: boolean; printBackground: boolean; usePrinterDefaultPageSize: boolean;
      margins: { marginType: 'printableArea' };
    },
    callback: (success: boolean, failureReason: string) => void,
  ): void;
}

export interface PrintEventLike extends IpcInvokeEventLike {
  sender: PrintableContents;
}

export interface PrintIpcLike {
  handle(channel: string, listener: (event: PrintEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

/** Electron's words for the person closing the dialog without printing. */
const CANCELLED = /cancel/i;

/**
 * Prints the asking window with the system print dialog. The page has already put exactly the
 * fax's pages, turned as shown, in its print container and hidden everything else; each page is
 * fitted to the printer's own paper inside its printable area (a fax page runs to the edge, which
 * a printer cannot), so nothing is cut off whatever the paper.
 */
export function registerPrint(ipc: PrintIpcLike, isAllowedSender: (event: IpcInvokeEventLike) => boolean): void {
  ipc.handle(PRINT_CHANNEL, async (event): Promise<Result<{ printed: boolean }>> => {
    if (!isAllowedSender(event)) {
      return { ok: false, error: errorInfo('forbidden_sender', { message: 'Calls are accepted from the Faxdesk window only.' }) };
    }
    return new Promise((resolve) => {
      try {
        event.sender.print(
          { silent: false, printBackground: true, usePrinterDefaultPageSize: true, margins: { marginType: 'printableArea' } },
          (success, failureReason) => {
            if (success) resolve({ ok: true, value: { printed: true } });
            else if (CANCELLED.test(failureReason)) resolve({ ok: true, value: { printed: false } });
            else resolve({ ok: false, error: printFailed(failureReason) });
          },
        );
      } catch (error) {
        resolve({ ok: false, error: printFailed((error as Error).message) });
      }
    });
  });
}

const printFailed = (reason: string) => errorInfo('internal', {
  message: `The fax could not be printed${reason ? ` (${reason})` : ''}.`,
  nextStep: 'Check that the printer is on and connected, then print again.',
});
