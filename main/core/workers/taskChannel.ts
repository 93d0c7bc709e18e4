import { parentPort, type Transferable } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './taskProtocol';

/** The task loop's side of the line to its pool, whatever kind of worker it runs in. */
export interface WorkerChannel {
  send(message: FromWorker, transfer?: Transferable[]): void;
  onMessage(listener: (message: ToWorker) => void): void;
}

/** Electron's utility process: `process.parentPort` (absent under plain Node). */
interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/**
 * Where this task loop's pool is: a worker thread's parentPort, an Electron utility process's
 * `process.parentPort`, or a Node child process's IPC channel (`process.send`). Undefined in any
 * other thread. In a process, buffers are copied, never moved: `transfer` is ignored there.
 */
export function workerChannel(): WorkerChannel | undefined {
  if (parentPort) {
    const port = parentPort;
    return { send: (message, transfer = []) => port.postMessage(message, transfer), onMessage: (listener) => port.on('message', listener) };
  }
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return { send: (message) => electronPort.postMessage(message), onMessage: (listener) => electronPort.on('message', (event) => listener(event.data as ToWorker)) };
  }
  if (process.send) {
    // The core went away (even killed): nothing is left to answer, so this process ends too.
    process.on('disconnect', () => process.exit(0));
    // An answer to a core that has just gone is dropped (the callback takes the EPIPE), not thrown.
    const send = (message: FromWorker) => { if (process.connected) process.send?.(message, undefined, undefined, () => {}); };
    return { send, onMessage: (listener) => process.on('message', listener as (message: unknown) => void) };
  }
  return undefined;
}
