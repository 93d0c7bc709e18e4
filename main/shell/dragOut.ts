import { DRAG_OUT_CHANNEL } from '../../common/ipc/shellChannels';
import type { IpcInvokeEventLike } from '../core/ipc/registerIpc';

/** What the adapter needs of Electron's WebContents.startDrag (a fake one in tests). */
export interface DraggingContents {
  startDrag(item: { file: string; icon: unknown }): void;
}

export interface DragEventLike extends IpcInvokeEventLike {
  sender: DraggingContents;
}

export interface DragIpcLike {
  on(channel: string, listener: (event: DragEventLike, ...args: unknown[]) => void): void;
}

const faxIdOf = (input: unknown): string | undefined => {
  const id = (input as { faxId?: unknown } | null)?.faxId;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
};

/**
 * A fax dragged out of the window: the page says which fax as the drag starts, the core writes a
 * copy with the fax's clean name, and the OS drag carries that file to where it is dropped. A fax
 * whose document is not here is said in the window (`onFailed`), and nothing is dragged.
 */
export function registerDragOut(
  ipc: DragIpcLike,
  isAllowedSender: (event: IpcInvokeEventLike) => boolean,
  fileFor: (faxId: string) => Promise<string>,
  icon: unknown,
  onFailed: (message: string) => void,
): void {
  ipc.on(DRAG_OUT_CHANNEL, (event, input) => {
    const faxId = faxIdOf(input);
    if (!isAllowedSender(event) || !faxId) return;
    void fileFor(faxId).then(
      (file) => event.sender.startDrag({ file, icon }),
      (error: unknown) => onFailed(`The fax could not be dragged out: ${(error as Error).message}`),
    );
  });
}
