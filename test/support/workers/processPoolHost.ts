/**
 * A stand-in core for workerProcesses.test.ts: a pool of worker processes that runs one task,
 * prints the worker's pid, then keeps the worker busy for 1.5 s and waits, so the test can kill
 * this process and watch the worker go, its answer to the dead core dropped.
 */
import { forkTaskProcess } from '../../../main/core/workers/processTransport';
import { WorkerPool } from '../../../main/core/workers/workerPool';
import type { TestWorkerTasks } from './testTasks';

const pool = new WorkerPool<TestWorkerTasks>({ entry: new URL('./testTaskWorker.ts', import.meta.url), size: 1, processes: forkTaskProcess });
process.stdout.write(`${await pool.run('test.pid', undefined)}\n`);
void pool.run('test.busy', { ms: 1_500 });
setInterval(() => {}, 60_000);
