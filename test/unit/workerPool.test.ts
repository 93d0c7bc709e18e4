import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskWorkerEntry } from '../../main/core/workers/corePool';
import { WorkerTaskError, type TaskFailure } from '../../main/core/workers/taskProtocol';
import { WorkerPool, type WorkerPoolOptions } from '../../main/core/workers/workerPool';
import { pdfBytes, waitFor } from '../support/testKit';
import type { TestWorkerTasks } from '../support/workers/testTasks';

/** Real worker threads (started from the TypeScript sources through tsx), real PDFs. */
const entry = new URL('../support/workers/testTaskWorker.ts', import.meta.url);
const pools: WorkerPool<TestWorkerTasks>[] = [];
const newPool = (options: Partial<WorkerPoolOptions> = {}) => {
  const pool = new WorkerPool<TestWorkerTasks>({ entry, size: 2, ...options });
  pools.push(pool);
  return pool;
};
afterAll(() => Promise.all(pools.map((pool) => pool.close(0))));

/** The thread counting in `beat` has stopped (terminated, not merely abandoned by the pool). */
async function expectStopped(beat: Int32Array<SharedArrayBuffer>): Promise<void> {
  await waitFor(() => {
    const before = Atomics.load(beat, 0);
    return new Promise<boolean>((resolve) => setTimeout(() => resolve(Atomics.load(beat, 0) === before), 50));
  }, 5_000, 'the spinning thread to stop');
}

/** Resolves with the failure a task ended with, or fails the test if it succeeded. */
async function failureOf(task: Promise<unknown>): Promise<{ failure: TaskFailure; message: string }> {
  const error = await task.then(() => { throw new Error('expected the task to fail'); }, (e: unknown) => e);
  expect(error).toBeInstanceOf(WorkerTaskError);
  return { failure: (error as WorkerTaskError).failure, message: (error as Error).message };
}

describe('WorkerPool', () => {
  let pool: WorkerPool<TestWorkerTasks>;
  beforeAll(() => { pool = newPool(); });

  it('starts no thread before the first task', () => {
    expect(newPool().stats()).toEqual({ workers: 0, idle: 0, busy: 0, queued: 0 });
  });

  it('reads real PDFs in a worker, moving the bytes there', async () => {
    const bytes = await pdfBytes({ pages: 3, text: 'pool' });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const data = new Uint8Array(bytes); // owns its buffer
    expect(await pool.run('test.pdfPages', { bytes: data }, { transfer: [data.buffer] })).toEqual({ pages: 3, sha256 });
    expect(data.byteLength).toBe(0); // moved, not copied
    const broken = new Uint8Array([...bytes.slice(0, 40), ...new TextEncoder().encode('garbage'.repeat(20))]);
    expect(await failureOf(pool.run('test.pdfPages', { bytes: broken }))).toMatchObject({ failure: 'failed' });
  });

  it('moves large buffers both ways without copying', async () => {
    const bytes = new Uint8Array(32 * 1024 * 1024);
    bytes[0] = 7;
    bytes[bytes.length - 1] = 9;
    const { bytes: back } = await pool.run('test.echo', { bytes }, { transfer: [bytes.buffer] });
    expect(bytes.byteLength).toBe(0);
    expect([back.length, back[0], back[back.length - 1]]).toEqual([32 * 1024 * 1024, 7, 9]);
  });

  it('kills a task that spins at its time limit, with a clear error, and keeps working', async () => {
    const single = newPool({ size: 1 });
    const thread = await single.run('test.threadId', undefined);
    const beat = new Int32Array(new SharedArrayBuffer(4));
    const started = performance.now();
    const { failure, message } = await failureOf(single.run('test.spin', { beat }, { timeoutMs: 300 }));
    expect(failure).toBe('timeout');
    expect(message).toBe('test.spin did not finish within 300 ms');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await expectStopped(beat);
    expect(await single.run('test.pdfPages', { bytes: await pdfBytes({ pages: 2 }) })).toMatchObject({ pages: 2 });
    expect(await single.run('test.threadId', undefined)).not.toBe(thread); // a fresh thread replaced the stuck one
    expect(single.stats().workers).toBe(1);
  });

  it('fails only the task whose worker crashed, and replaces the worker', async () => {
    const single = newPool({ size: 1 });
    const first = await single.run('test.threadId', undefined);
    const crashed = single.run('test.crash', undefined);
    const queuedBehind = single.run('test.threadId', undefined);
    const { failure, message } = await failureOf(crashed);
    expect(failure).toBe('crashed');
    expect(message).toContain('decoder blew up');
    const replacement = await queuedBehind;
    expect(replacement).not.toBe(first);
  });

  it('fails, not strands, a task whose worker dies in the same turn as it says it is ready', async () => {
    const marker = join(tmpdir(), `faxdesk-ready-then-exit-${process.pid}`);
    rmSync(marker, { force: true });
    const dying = newPool({ entry: new URL('../support/workers/readyThenExit.mjs', import.meta.url), size: 1 });
    const task = failureOf(dying.run('test.threadId', undefined));
    // Hold this thread (as a loaded machine does) until the worker has exited: Node then hands over
    // its 'ready' and its exit in one turn.
    const deadline = Date.now() + 10_000;
    while (!existsSync(marker) && Date.now() < deadline) { /* busy */ }
    for (const until = Date.now() + 300; Date.now() < until;) { /* the thread's teardown */ }
    rmSync(marker, { force: true });
    let timer: NodeJS.Timeout | undefined;
    const stranded = new Promise((resolve) => { timer = setTimeout(() => resolve({ failure: 'still queued', stats: dying.stats() }), 10_000); });
    expect(await Promise.race([task, stranded])).toMatchObject({ failure: 'crashed' });
    clearTimeout(timer);
  });

  it('keeps the worker when a task only throws, or its input cannot be sent', async () => {
    const single = newPool({ size: 1 });
    const thread = await single.run('test.threadId', undefined);
    expect(await failureOf(single.run('test.fail', { message: 'bad input' }))).toEqual({ failure: 'failed', message: 'bad input' });
    const unclonable = { bytes: new Uint8Array(1), extra: () => 1 } as never; // functions cannot be cloned
    expect((await failureOf(single.run('test.echo', unclonable))).message).toMatch(/^the task's input could not be sent: /);
    expect(await single.run('test.threadId', undefined)).toBe(thread);
  });

  it('fails a task that exhausts the heap limit, not the process', async () => {
    // Well above what the worker's own start keeps (tsx, pdf-lib, the core's converters: ~30 MB):
    // at 32 MB the thread itself sometimes ran out while starting, or on the first small task.
    const limited = newPool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 128 } });
    const thread = await limited.run('test.threadId', undefined);
    const { failure, message } = await failureOf(limited.run('test.exhaustMemory', undefined, { timeoutMs: 20_000 }));
    expect(failure).toBe('crashed');
    expect(message).toContain('memory limit');
    expect(await limited.run('test.threadId', undefined)).not.toBe(thread);
  });

  it('cancels a queued task without running it, and a running one by stopping its worker', async () => {
    const single = newPool({ size: 1 });
    const thread = await single.run('test.threadId', undefined);
    const busy = single.run('test.busy', { ms: 300 });
    const queued = new AbortController();
    const waiting = single.run('test.spin', undefined, { signal: queued.signal });
    expect(single.stats().queued).toBe(1);
    queued.abort(new Error('the user removed the file'));
    expect(await failureOf(waiting)).toEqual({ failure: 'aborted', message: 'the task was cancelled: the user removed the file' });
    expect(single.stats().queued).toBe(0);
    await busy;
    expect(await single.run('test.threadId', undefined)).toBe(thread); // the spin never reached it

    const running = new AbortController();
    const beat = new Int32Array(new SharedArrayBuffer(4));
    const spinning = single.run('test.spin', { beat }, { signal: running.signal, timeoutMs: 60_000 });
    setTimeout(() => running.abort(), 200);
    expect((await failureOf(spinning)).failure).toBe('aborted');
    await expectStopped(beat);
    expect(await single.run('test.threadId', undefined)).not.toBe(thread);
    expect((await failureOf(single.run('test.threadId', undefined, { signal: AbortSignal.abort() }))).failure).toBe('aborted');
  });

  it('runs at most `size` tasks at once and queues the rest', async () => {
    const two = newPool({ size: 2 });
    await Promise.all([two.run('test.threadId', undefined), two.run('test.threadId', undefined)]);
    await waitFor(() => two.stats().idle === 2, 10_000, 'both threads up');
    const tasks = Array.from({ length: 6 }, () => two.run('test.busy', { ms: 250 }));
    expect(two.stats()).toEqual({ workers: 2, idle: 0, busy: 2, queued: 4 });
    const spans = await Promise.all(tasks);
    const overlapping = (at: number) => spans.filter((span) => span.start <= at && at < span.end).length;
    const mostAtOnce = Math.max(...spans.map((span) => overlapping(span.start)));
    expect(mostAtOnce).toBe(2);
  });

  it('refuses tasks beyond its queue bound at once', async () => {
    const small = newPool({ size: 1, maxQueued: 2 });
    await small.run('test.threadId', undefined); // the thread is up: the next task runs at once
    const accepted = [small.run('test.busy', { ms: 200 }), small.run('test.busy', { ms: 10 }), small.run('test.busy', { ms: 10 })];
    expect(small.stats()).toEqual({ workers: 1, idle: 0, busy: 1, queued: 2 });
    expect((await failureOf(small.run('test.busy', { ms: 10 }))).failure).toBe('queue_full');
    await Promise.all(accepted);
  });

  it('stops a worker idle for `idleMs` and starts another when work comes', async () => {
    const idle = newPool({ size: 1, idleMs: 150 });
    await idle.run('test.threadId', undefined);
    expect(idle.stats().workers).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(idle.stats().workers).toBe(0);
    expect(await idle.run('test.pdfPages', { bytes: await pdfBytes() })).toMatchObject({ pages: 1 });
  });

  it('closes: lets a running task finish, fails queued ones, refuses new ones', async () => {
    const closing = newPool({ size: 1 });
    await closing.run('test.threadId', undefined);
    const running = closing.run('test.busy', { ms: 200 });
    const queued = failureOf(closing.run('test.busy', { ms: 10 }));
    await closing.close();
    await expect(running).resolves.toMatchObject({ start: expect.any(Number) });
    expect((await queued).failure).toBe('closed');
    expect((await failureOf(closing.run('test.threadId', undefined))).failure).toBe('closed');
  });

  it('closes within its grace period even when a task spins', async () => {
    const closing = newPool({ size: 1 });
    const beat = new Int32Array(new SharedArrayBuffer(4));
    const spinning = failureOf(closing.run('test.spin', { beat }, { timeoutMs: 60_000 }));
    await waitFor(() => Atomics.load(beat, 0) > 0, 30_000, 'the spin to start');
    const started = performance.now();
    const closed = closing.close(200);
    expect((await spinning).failure).toBe('closed');
    await closed;
    await expectStopped(beat);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('fails with a clear error when the worker entry cannot load', async () => {
    const broken = newPool({ entry: new URL('./missingWorker.js', import.meta.url) });
    const { failure, message } = await failureOf(broken.run('test.threadId', undefined));
    expect(failure).toBe('unavailable');
    expect(message).toMatch(/^the worker could not start: .*missingWorker\.js/);
  });
});

describe('taskWorkerEntry', () => {
  it('is the TypeScript source next to the pool when run from sources, the built file next to the bundle otherwise', () => {
    expect(taskWorkerEntry().pathname).toMatch(/\/main\/core\/workers\/taskWorker\.ts$/);
    expect(taskWorkerEntry('file:///app/resources/app.asar/out/main/index.js').href).toBe('file:///app/resources/app.asar/out/main/taskWorker.js');
  });
});
