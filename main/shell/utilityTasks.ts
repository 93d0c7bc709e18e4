import { fileURLToPath } from 'node:url';
import type { ForkOptions, UtilityProcess } from 'electron';
import { WORKER_MALLOC_ENV, type TaskProcessLauncher } from '../core/workers/processTransport';

type Fork = (modulePath: string, args?: string[], options?: ForkOptions) => UtilityProcess;

/**
 * The core's worker processes as Electron utility processes. A packaged Faxdesk cannot start
 * itself as Node (its RunAsNode fuse is off), so child_process.fork is not available to it;
 * utilityProcess is Electron's own way to run Node code in a process of its own.
 */
export function utilityTaskProcesses(fork: Fork): TaskProcessLauncher {
  return (entry, { execArgv }) => {
    const child = fork(fileURLToPath(entry), [], {
      serviceName: 'Faxdesk tasks', execArgv, stdio: 'inherit', env: { ...process.env, ...WORKER_MALLOC_ENV },
    });
    return {
      postMessage: (message: unknown) => child.postMessage(message),
      on: (event: 'message' | 'exit', listener: (value: never) => void) => child.on(event as 'message', listener as (message: unknown) => void),
      kill: () => child.kill(),
    };
  };
}
