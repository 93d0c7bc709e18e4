import { fork } from 'node:child_process';
import type { ResourceLimits } from 'node:worker_threads';
import { workerScript, type StartTransport } from './pooledWorker';
import type { FromWorker } from './taskProtocol';

/**
 * A process the pool runs tasks in: what Node's child_process.fork and Electron's
 * utilityProcess.fork both give, reduced to what the pool needs. Messages are structured clones.
 */
export interface TaskProcess {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  /** Once, when it has ended (or could not start: a negative code). */
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): unknown;
  /** Node's child processes hold the core's process open unless unref'd; Electron's do not. */
  ref?(): void;
  unref?(): void;
}

/**
 * Starts the task loop at `entry` (taskWorker.js) in a process of its own. The shell gives the core
 * Electron's utilityProcess (a packaged app cannot run itself as Node: its RunAsNode fuse is off);
 * under plain Node (the dev bridge, tests, benches) it is child_process.fork.
 */
export type TaskProcessLauncher = (entry: URL, options: { execArgv: string[] }) => TaskProcess;

/**
 * glibc's malloc, in a worker: blocks of 128 KiB and more are mapped on their own and given back
 * when freed. Left to itself glibc raises that threshold to the size of each large block freed
 * (up to 32 MB), then serves pdf.js's whole-file buffers from blocks it kept, zeroed, so wholly
 * resident, instead of from fresh pages that become resident only where pdf.js reads.
 */
export const WORKER_MALLOC_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** Node's own: the same Node binary, an IPC channel carrying structured clones (buffers as buffers). */
export const forkTaskProcess: TaskProcessLauncher = (entry, { execArgv }) => {
  const { script, sourceEntry } = workerScript(entry);
  const child = fork(script, [], {
    execArgv, serialization: 'advanced', stdio: 'inherit',
    env: { ...process.env, ...WORKER_MALLOC_ENV, ...(sourceEntry ? { FAXDESK_TASK_ENTRY: sourceEntry } : {}) },
  });
  let exited = false;
  const exitListeners: Array<(code: number) => void> = [];
  const exit = (code: number) => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(code);
  };
  child.on('exit', (code, signal) => exit(code ?? (signal ? 128 : -1)));
  child.on('error', () => { if (child.pid === undefined) exit(-1); }); // could not be started at all
  return {
    postMessage: (message) => { child.send(message as object); },
    on: (event: 'message' | 'exit', listener: (value: never) => void) => {
      if (event === 'exit') exitListeners.push(listener as (code: number) => void);
      else child.on('message', listener as (message: unknown) => void);
    },
    kill: () => child.kill('SIGKILL'),
    ref: () => { child.ref(); child.channel?.ref(); },
    unref: () => { child.unref(); child.channel?.unref(); },
  } as TaskProcess;
};

/** A worker thread's heap limits, said to a process's V8 instead. */
function limitFlags(limits: ResourceLimits = {}): string[] {
  const flags: string[] = [];
  if (limits.maxOldGenerationSizeMb) flags.push(`--max-old-space-size=${limits.maxOldGenerationSizeMb}`);
  if (limits.maxYoungGenerationSizeMb) flags.push(`--max-semi-space-size=${Math.max(1, Math.floor(limits.maxYoungGenerationSizeMb / 3))}`);
  if (limits.stackSizeMb) flags.push(`--stack-size=${Math.floor(limits.stackSizeMb * 1024)}`);
  return flags;
}

/**
 * A worker in a process of its own: its memory goes back to the system when it ends, whatever the
 * allocator kept, and a native crash (a decoder's) ends only it, never the core.
 */
export function processTransport(entry: URL, launch: TaskProcessLauncher, resourceLimits?: ResourceLimits): StartTransport {
  return (events) => {
    const child = launch(entry, { execArgv: limitFlags(resourceLimits) });
    let exited = false;
    const gone = new Promise<void>((resolve) => child.on('exit', (code) => {
      exited = true;
      events.exit(code);
      resolve();
    }));
    child.on('message', (message) => {
      if (isFromWorker(message)) events.message(message);
      else events.unreadable(new Error('the worker process answered with something that is not a task message'));
    });
    return {
      post: (message) => child.postMessage(message), // buffers are copied into the process, never moved
      ref: () => child.ref?.(),
      unref: () => child.unref?.(),
      terminate: () => {
        if (!exited) child.kill();
        return gone;
      },
    };
  };
}

function isFromWorker(message: unknown): message is FromWorker {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'ready' || type === 'done' || type === 'failed';
}
