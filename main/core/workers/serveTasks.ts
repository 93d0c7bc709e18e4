import { isMainThread, parentPort, type Transferable } from 'node:worker_threads';
import type { FromWorker, TaskHandlers, ToWorker } from './taskProtocol';

/**
 * The loop of a worker thread: runs one task at a time from the pool and answers with its output
 * (moving the buffers the handler marked) or with the error it threw. A handler that never returns
 * is the pool's to stop: it terminates the thread at the task's time limit.
 */
export function serveTasks(handlers: TaskHandlers): void {
  if (isMainThread || !parentPort) throw new Error('serveTasks runs inside a worker thread started by WorkerPool');
  const port = parentPort;
  const send = (message: FromWorker, transfer: Transferable[] = []) => port.postMessage(message, transfer);

  port.on('message', async ({ id, kind, input }: ToWorker) => {
    const handler = Object.hasOwn(handlers, kind) ? handlers[kind] : undefined;
    if (!handler) {
      send({ type: 'failed', id, error: { name: 'Error', message: `unknown task kind "${kind}"` } });
      return;
    }
    const transfer: Transferable[] = [];
    try {
      const output = await handler(input as never, { transfer: (...items) => { transfer.push(...items); } });
      send({ type: 'done', id, output }, transfer);
    } catch (error) {
      const { name = 'Error', message = String(error), stack } = error instanceof Error ? error : {};
      send({ type: 'failed', id, error: { name, message, stack } });
    }
  });
  send({ type: 'ready' });
}
