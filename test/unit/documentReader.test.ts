import { afterAll, describe, expect, it } from 'vitest';
import { createCorePool } from '../../main/core/workers/corePool';
import type { CoreTasks } from '../../main/core/workers/coreTasks';
import { WorkerPool } from '../../main/core/workers/workerPool';
import { startTestCore, type CoreHarness } from '../support/coreKit';
import { pdfBytes } from '../support/testKit';

/** What a person reads when the worker that reads a document cannot finish; real pools, real PDFs. */
const pools: WorkerPool<CoreTasks>[] = [];
const cores: CoreHarness[] = [];
afterAll(async () => {
  await Promise.all(cores.map((h) => h.close()));
  await Promise.all(pools.map((pool) => pool.close(0)));
});

function coreWith(pool: WorkerPool<CoreTasks>): CoreHarness {
  pools.push(pool);
  const h = startTestCore({ demo: false, tasks: pool });
  cores.push(h);
  return h;
}

describe('reading a document in the worker pool', () => {
  it('names the file and calls it probably damaged when reading it overruns the time limit', async () => {
    const h = coreWith(createCorePool({ size: 1, timeoutMs: 1 })); // pdf.js cannot even load in 1 ms
    expect(await h.core.dispatch('documents.add', { name: 'scan.pdf', bytes: await pdfBytes() })).toMatchObject({
      ok: false, error: { code: 'unsupported_file', message: 'scan.pdf took too long to read; it is probably damaged.', nextStep: expect.stringContaining('save') },
    });
  });

  it('does not blame the file when the reader cannot start', async () => {
    const h = coreWith(new WorkerPool<CoreTasks>({ entry: new URL('./noSuchWorker.js', import.meta.url) }));
    expect(await h.core.dispatch('documents.add', { name: 'scan.pdf', bytes: await pdfBytes() })).toMatchObject({
      ok: false, error: { code: 'internal', message: expect.stringMatching(/^scan\.pdf could not be read: Faxdesk's document reader is not working \(the worker thread could not start/) },
    });
  });
});
