/**
 * A stand-in core for workerProcesses.test.ts: a pool of worker processes that runs one task,
 * prints the worker's pid and waits, so the test can kill this process and watch the worker go.
 */
import { forkTaskProcess } from '../../../main/core/workers/processTransport';
import { WorkerPool } from '../../../main/core/workers/workerPool';
import type { TestWorkerTasks } from './testTasks';

const pool = new WorkerPool<TestWorkerTasks>({ entry: new URL('./testTaskWorker.ts', import.meta.url), size: 1, processes: forkTaskProcess });
process.stdout.write(`${await pool.run('test.pid', undefined)}\n`);
setInterval(() => {}, 60_000);
