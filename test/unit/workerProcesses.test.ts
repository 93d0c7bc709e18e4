import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { forkTaskProcess } from '../../main/core/workers/processTransport';
import { WorkerTaskError, type TaskFailure } from '../../main/core/workers/taskProtocol';
import { WorkerPool, type WorkerPoolOptions } from '../../main/core/workers/workerPool';
import { pdfBytes, waitFor } from '../support/testKit';
import type { TestWorkerTasks } from '../support/workers/testTasks';

/** The pool with worker processes (Node's fork, from the TypeScript sources through tsx): real processes, real PDFs. */
const entry = new URL('../support/workers/testTaskWorker.ts', import.meta.url);
const pools: WorkerPool<TestWorkerTasks>[] = [];
const newPool = (options: Partial<WorkerPoolOptions> = {}) => {
  const pool = new WorkerPool<TestWorkerTasks>({ entry, size: 1, processes: forkTaskProcess, ...options });
  pools.push(pool);
  return pool;
};
afterAll(() => Promise.all(pools.map((pool) => pool.close(0))));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const gone = (pid: number) => waitFor(() => !alive(pid), 10_000, `process ${pid} to end`);

async function failureOf(task: Promise<unknown>): Promise<{ failure: TaskFailure; message: string }> {
  const error = await task.then(() => { throw new Error('expected the task to fail'); }, (e: unknown) => e);
  expect(error).toBeInstanceOf(WorkerTaskError);
  return { failure: (error as WorkerTaskError).failure, message: (error as Error).message };
}

describe('WorkerPool with worker processes', () => {
  it('runs tasks in another process, bytes copied in and results back, and reuses it', async () => {
    const pool = newPool();
    const bytes = await pdfBytes({ pages: 3, text: 'process' });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const data = new Uint8Array(bytes);
    expect(await pool.run('test.pdfPages', { bytes: data })).toEqual({ pages: 3, sha256 });
    const { bytes: back } = await pool.run('test.echo', { bytes: new Uint8Array([1, 2, 3]) });
    expect([...back]).toEqual([1, 2, 3]);
    const pid = await pool.run('test.pid', undefined);
    expect(pid).not.toBe(process.pid);
    expect(await pool.run('test.pid', undefined)).toBe(pid);
    expect(await failureOf(pool.run('test.fail', { message: 'bad input' }))).toEqual({ failure: 'failed', message: 'bad input' });
    expect(await pool.run('test.pid', undefined)).toBe(pid); // a task that only throws keeps its process
  });

  it('kills a process that spins past its time limit and starts a fresh one', async () => {
    const pool = newPool();
    const pid = await pool.run('test.pid', undefined);
    const { failure, message } = await failureOf(pool.run('test.spin', undefined, { timeoutMs: 300 }));
    expect([failure, message]).toEqual(['timeout', 'test.spin did not finish within 300 ms']);
    await gone(pid);
    expect(await pool.run('test.pid', undefined)).not.toBe(pid);
  });

  it('fails only the task whose process crashed, then replaces the process', async () => {
    const pool = newPool();
    const pid = await pool.run('test.pid', undefined);
    const crashed = pool.run('test.crash', undefined);
    const queuedBehind = pool.run('test.pid', undefined);
    const { failure, message } = await failureOf(crashed);
    expect(failure).toBe('crashed');
    expect(message).toMatch(/^the worker stopped unexpectedly \(exit code \d+\)$/);
    expect(await queuedBehind).not.toBe(pid);
  });

  it('holds a process to its heap limit: the task fails, the pool goes on', async () => {
    const pool = newPool({ resourceLimits: { maxOldGenerationSizeMb: 128 } });
    const pid = await pool.run('test.pid', undefined);
    expect((await failureOf(pool.run('test.exhaustMemory', undefined, { timeoutMs: 30_000 }))).failure).toBe('crashed');
    expect(await pool.run('test.pid', undefined)).not.toBe(pid);
  });

  it('ends an idle process (its memory goes back to the system) and starts another for new work', async () => {
    const pool = newPool({ idleMs: 150 });
    const pid = await pool.run('test.pid', undefined);
    await gone(pid);
    expect(pool.stats().workers).toBe(0);
    expect(await pool.run('test.pdfPages', { bytes: await pdfBytes() })).toMatchObject({ pages: 1 });
  });

  it('ends its processes when it closes', async () => {
    const pool = newPool();
    const pid = await pool.run('test.pid', undefined);
    const running = failureOf(pool.run('test.spin', undefined, { timeoutMs: 60_000 }));
    await pool.close(100);
    expect((await running).failure).toBe('closed');
    await gone(pid);
  });

  it('fails with a clear error when the worker entry cannot load', async () => {
    const broken = newPool({ entry: new URL('./missingWorker.js', import.meta.url) });
    expect(await failureOf(broken.run('test.pid', undefined))).toMatchObject({ failure: 'unavailable', message: expect.stringMatching(/^the worker could not start: /) });
  });

  it("serves tasks through an Electron utility process's parentPort (messages as { data })", async () => {
    const preload = fileURLToPath(new URL('../support/workers/electronParentPort.mjs', import.meta.url));
    const pool = newPool({ processes: (at, options) => forkTaskProcess(at, { execArgv: ['--import', preload, ...options.execArgv] }) });
    expect(await pool.run('test.pdfPages', { bytes: await pdfBytes({ pages: 2 }) })).toMatchObject({ pages: 2 });
    expect(await failureOf(pool.run('test.fail', { message: 'through the port' }))).toEqual({ failure: 'failed', message: 'through the port' });
  });

  it('leaves no worker behind when the core is killed, and the answer it then finishes goes nowhere quietly', async () => {
    const host = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../support/workers/processPoolHost.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    host.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); }); // the worker's too: it inherits the host's
    const stderrClosed = new Promise((resolve) => host.stderr.on('close', resolve)); // by the host and the worker both
    const pid = await new Promise<number>((resolve, reject) => {
      host.stdout.on('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      host.on('exit', (code) => reject(new Error(`the host ended first (${code})`)));
    });
    expect(alive(pid)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the worker is busy with its 1.5 s task
    host.kill('SIGKILL');
    await gone(pid);
    await stderrClosed;
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
  });
});
