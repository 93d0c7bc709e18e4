import type { Transferable } from 'node:worker_threads';
import { workerChannel } from './taskChannel';
import type { FromWorker, TaskHandlers, ToWorker } from './taskProtocol';

/**
 * The loop of a worker (a thread or a process): runs one task at a time from the pool and answers
 * with its output (moving the buffers the handler marked, in a thread) or with the error it threw.
 * A handler that never returns is the pool's to stop: it ends the worker at the task's time limit.
 */
export function serveTasks(handlers: TaskHandlers): void {
  const channel = workerChannel();
  if (!channel) throw new Error('serveTasks runs inside a worker thread or process started by WorkerPool');
  const send = (message: FromWorker, transfer: Transferable[] = []) => channel.send(message, transfer);

  channel.onMessage(async ({ id, kind, input }: ToWorker) => {
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
