import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../main/core/documents/pdfInspector';
import { createCorePool } from '../../main/core/workers/corePool';
import { WorkerPool } from '../../main/core/workers/workerPool';
import type { CoreTasks } from '../../main/core/workers/coreTasks';
import { pdfBytes } from '../support/testKit';

/** What a person reads when the worker that reads a PDF cannot finish; real pools, real PDFs. */
const pools: WorkerPool<CoreTasks>[] = [];
afterAll(() => Promise.all(pools.map((pool) => pool.close(0))));

describe('inspectPdf', () => {
  it('counts pages and fingerprints the file in the core pool, moving the bytes there', async () => {
    const pool = createCorePool({ size: 1 });
    pools.push(pool);
    const bytes = new Uint8Array(await pdfBytes({ pages: 4 }));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(await inspectPdf(pool, bytes, 'letter.pdf')).toEqual({ pages: 4, sha256 });
    expect(bytes.byteLength).toBe(0);
  });

  it('names the file and calls it probably damaged when reading it overruns the time limit', async () => {
    const pool = createCorePool({ size: 1, timeoutMs: 1 }); // pdf.js cannot even load in 1 ms
    pools.push(pool);
    await expect(inspectPdf(pool, await pdfBytes(), 'scan.pdf')).rejects.toMatchObject({
      info: { code: 'unsupported_file', message: 'scan.pdf took too long to read; it is probably damaged.', nextStep: expect.stringContaining('save') },
    });
  });

  it('does not blame the file when the reader cannot start', async () => {
    const pool = new WorkerPool<CoreTasks>({ entry: new URL('./noSuchWorker.js', import.meta.url) });
    pools.push(pool);
    await expect(inspectPdf(pool, await pdfBytes(), 'scan.pdf')).rejects.toMatchObject({
      info: { code: 'internal', message: expect.stringMatching(/^scan\.pdf could not be read: Faxdesk's document reader is not working \(the worker thread could not start/) },
    });
  });
});
