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

/** What a transport reports to its PooledWorker. */
export interface TransportEvents {
  message(message: FromWorker): void;
  /** An error of the worker itself (its entry threw, it ran out of memory); its exit follows. */
  error(error: Error): void;
  /** A message came that could not be read. */
  unreadable(error: Error): void;
  exit(code: number): void;
}

/** How the pool reaches one worker: a thread in this process, or a process of its own. */
export interface TaskTransport {
  post(message: ToWorker, transfer: Transferable[]): void;
  /** While a task runs the worker keeps the process alive; idle, it never holds it open. */
  ref(): void;
  unref(): void;
  /** Ends the worker; resolves once it has exited. */
  terminate(): Promise<void>;
}

export type StartTransport = (events: TransportEvents) => TaskTransport;

/**
 * What a worker (thread or process) starts: a built `.js` entry as it is; a `.ts` source entry
 * (tests, `tsx` runs of the core) through sourceWorkerBoot.mjs, which loads it with tsx.
 */
export function workerScript(entry: URL): { script: URL; sourceEntry?: string } {
  return entry.pathname.endsWith('.ts') ? { script: new URL('./sourceWorkerBoot.mjs', import.meta.url), sourceEntry: entry.href } : { script: entry };
}

/**
 * A worker thread started from a built `.js` entry, or from a `.ts` source entry through a small
 * loader (tests and `tsx` runs of the core).
 */
export function threadTransport(entry: URL, resourceLimits?: ResourceLimits): StartTransport {
  return (events) => {
    const { script, sourceEntry } = workerScript(entry);
    const worker = new Worker(script, { workerData: sourceEntry ? { entry: sourceEntry } : undefined, resourceLimits });
    worker.on('message', (message: FromWorker) => events.message(message));
    worker.on('error', (error) => events.error(error));
    worker.on('messageerror', (error) => events.unreadable(error));
    worker.on('exit', (code) => events.exit(code));
    return {
      post: (message, transfer) => worker.postMessage(message, transfer),
      ref: () => worker.ref(),
      unref: () => worker.unref(),
      terminate: () => worker.terminate().then(() => undefined),
    };
  };
}

/**
 * One worker of the pool (a thread or a process, see TaskTransport). Runs one task at a time; a
 * worker that exits on its own fails the task it was running and reports itself gone.
 */
export class PooledWorker {
  private readonly transport: TaskTransport;
  private running?: Running;
  private started = false;
  private stopping = false;
  private lastError?: Error;

  constructor(start: StartTransport, private readonly events: PooledWorkerEvents) {
    this.transport = start({
      message: (message) => this.receive(message),
      error: (error) => { this.lastError = error; },
      unreadable: (error) => this.settle((running) => running.reject(new WorkerTaskError('failed', `the task's output could not be read: ${error.message}`))),
      exit: (code) => this.exited(code),
    });
  }

  run(id: number, kind: string, input: unknown, transfer: Transferable[] = []): Promise<unknown> {
    if (this.running) throw new Error('PooledWorker runs one task at a time');
    return new Promise((resolve, reject) => {
      this.running = { id, resolve, reject };
      this.transport.ref(); // a caller is waiting: keep the process alive until the answer comes
      const message: ToWorker = { type: 'run', id, kind, input };
      try {
        this.transport.post(message, transfer);
      } catch (error) { // input that cannot be cloned or moved (a function, a detached buffer)
        this.settle((running) => running.reject(new WorkerTaskError('failed', `the task's input could not be sent: ${(error as Error).message}`)));
      }
    });
  }

  /** Stops the worker (a task still running is the caller's to settle). Safe to call twice. */
  terminate(): Promise<void> {
    this.stopping = true;
    return this.transport.terminate();
  }

  private receive(message: FromWorker): void {
    if (message.type === 'ready') {
      this.transport.unref(); // an idle worker never holds the process open
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
    this.transport.unref();
    how(running);
  }

  private exited(code: number): void {
    if (!this.stopping) {
      const reason = this.lastError?.message ?? `exit code ${code}`;
      if (!this.started) this.events.failedToStart(new WorkerTaskError('unavailable', `the worker could not start: ${reason}`, { cause: this.lastError }));
      this.settle((running) => running.reject(new WorkerTaskError('crashed', `the worker stopped unexpectedly (${reason})`, { cause: this.lastError })));
    }
    this.events.gone();
  }
}
