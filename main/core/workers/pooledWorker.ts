import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';
import { WorkerTaskError, type FromWorker, type ToWorker } from './taskProtocol';

interface Running {
  id: number;
  resolve(output: unknown): void;
  reject(error: Error): void;
}

/**
 * What a worker tells its pool, called synchronously from the thread's events (not through a
 * promise): Node can hand over a 'ready' and the exit in the same turn, and the pool must see them
 * in that order, or it counts a dead thread as still starting and strands the tasks waiting for it.
 */
export interface PooledWorkerEvents {
  ready(): void;
  /** The thread stopped before it was ready: its entry cannot load, or its start ran out of memory. */
  failedToStart(error: WorkerTaskError): void;
  /** The thread has exited (after failing its running task, if any), whatever the reason. */
  gone(): void;
}

/**
 * One worker thread of the pool: started from a built `.js` entry, or from a `.ts` source entry
 * through a small loader (tests and `tsx` runs of the core). Runs one task at a time; a thread that
 * exits on its own fails the task it was running and reports itself gone.
 */
export class PooledWorker {
  private readonly worker: Worker;
  private running?: Running;
  private started = false;
  private stopping = false;
  private lastError?: Error;

  constructor(entry: URL, private readonly events: PooledWorkerEvents, resourceLimits?: ResourceLimits) {
    this.worker = entry.pathname.endsWith('.ts')
      ? new Worker(new URL('./sourceWorkerBoot.mjs', import.meta.url), { workerData: { entry: entry.href }, resourceLimits })
      : new Worker(entry, { resourceLimits });
    this.worker.on('message', (message: FromWorker) => this.receive(message));
    this.worker.on('error', (error) => { this.lastError = error; });
    this.worker.on('messageerror', (error) => this.settle((running) => running.reject(new WorkerTaskError('failed', `the task's output could not be read: ${error.message}`))));
    this.worker.on('exit', (code) => this.exited(code));
  }

  run(id: number, kind: string, input: unknown, transfer: Transferable[] = []): Promise<unknown> {
    if (this.running) throw new Error('PooledWorker runs one task at a time');
    return new Promise((resolve, reject) => {
      this.running = { id, resolve, reject };
      this.worker.ref(); // a caller is waiting: keep the process alive until the answer comes
      const message: ToWorker = { type: 'run', id, kind, input };
      try {
        this.worker.postMessage(message, transfer);
      } catch (error) { // input that cannot be cloned or moved (a function, a detached buffer)
        this.settle((running) => running.reject(new WorkerTaskError('failed', `the task's input could not be sent: ${(error as Error).message}`)));
      }
    });
  }

  /** Stops the thread (a task still running is the caller's to settle). Safe to call twice. */
  terminate(): Promise<void> {
    this.stopping = true;
    return this.worker.terminate().then(() => undefined);
  }

  private receive(message: FromWorker): void {
    if (message.type === 'ready') {
      this.worker.unref(); // an idle worker never holds the process open
      this.started = true;
      this.events.ready();
      return;
    }
    if (message.id !== this.running?.id) return; // an answer for a task the pool already gave up on
    this.settle((running) => message.type === 'done'
      ? running.resolve(message.output)
      : running.reject(new WorkerTaskError('failed', message.error.message, { cause: message.error })));
  }

  private settle(how: (running: Running) => void): void {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    this.worker.unref();
    how(running);
  }

  private exited(code: number): void {
    if (!this.stopping) {
      const reason = this.lastError?.message ?? `exit code ${code}`;
      if (!this.started) this.events.failedToStart(new WorkerTaskError('unavailable', `the worker thread could not start: ${reason}`, { cause: this.lastError }));
      this.settle((running) => running.reject(new WorkerTaskError('crashed', `the worker thread stopped unexpectedly (${reason})`, { cause: this.lastError })));
    }
    this.events.gone();
  }
}
