import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeFile } from '../../../main/core/documents/normalize/normalizeFile';
import type { Paper } from '../../../main/core/documents/normalize/normalizeTypes';
import { createCorePool } from '../../../main/core/workers/corePool';
import { docx, faxTiff, hasLibtiffTools, pictureSvg, png, tiffStrips } from '../../support/documentFixtures';
import { hangingSoffice } from '../../support/fakeSoffice';

const libtiff = await hasLibtiffTools();

/** The task through the core's real worker pool, as the core will call it (normalizeFile). */
const pool = createCorePool({ size: 1 });
let folder: string;
beforeAll(async () => { folder = await mkdtemp(join(tmpdir(), 'faxdesk-documents-')); });
afterAll(async () => {
  await pool.close(0);
  await rm(folder, { recursive: true, force: true });
});

let count = 0;
async function normalizeInPool(name: string, bytes: Uint8Array, options: { timeoutMs?: number; libreOffice?: string; paper?: Paper } = {}) {
  const id = ++count;
  const sourcePath = join(folder, `${id}.source`);
  const outputPath = join(folder, `${id}.pdf`);
  await writeFile(sourcePath, bytes);
  const started = performance.now();
  const output = await normalizeFile(pool, { sourcePath, outputPath, name, paper: options.paper ?? 'letter', libreOffice: options.libreOffice }, { timeoutMs: options.timeoutMs });
  const workFolders = (await readdir(folder)).filter((file) => file.startsWith('.normalize-'));
  return { output, ms: performance.now() - started, written: existsSync(outputPath), workFolders };
}

describe('document.normalize in the worker pool', () => {
  it('is a task kind of the core pool; the work folder is removed afterwards', async () => {
    const run = await normalizeInPool('chart.png', await png(800, 600));
    expect(run.output).toMatchObject({ ok: true, kind: 'image', pages: 1, sentAs: 'pdf' });
    expect(run.written).toBe(true);
    expect(run.workFolders).toEqual([]);
  }, 30_000);

  it('leaves nothing behind for a refused file', async () => {
    const run = await normalizeInPool('notes.pdf', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]));
    expect(run.output).toMatchObject({ ok: false, reason: 'unknown_type' });
    expect([run.written, run.workFolders]).toEqual([false, []]);
  });

  it('stops a file that overruns the time limit, refuses it in plain words, and leaves nothing at the output', async () => {
    const photo = await sharp(pictureSvg(6000, 4000)).jpeg().toBuffer();
    const run = await normalizeInPool('huge.jpg', photo, { timeoutMs: 30 });
    expect(run.output).toEqual({
      ok: false, code: 'unsupported_file', reason: 'damaged', message: 'huge.jpg took too long to prepare for faxing; it is probably damaged.',
      nextStep: 'Open it in the program that made it, save or export it again, and add the new file.',
    });
    expect([run.written, run.workFolders]).toEqual([false, []]);
    expect(await normalizeInPool('after.png', await png(100, 100))).toMatchObject({ output: { ok: true } }); // a fresh thread takes over
  }, 30_000);

  it.runIf(libtiff)('sends what decodes of a fax TIFF with damaged strips, as a fax machine prints it, well within the time limit', async () => {
    for (const rowsPerStrip of [100_000, 64]) { // copied as it is, and decoded by libtiff
      const fax = await faxTiff([{ yDpi: 196, rowsPerStrip }]);
      for (const [offset, length] of (await tiffStrips(fax))[0]!) {
        for (let at = offset + 3; at < offset + length; at += 17) fax[at] = fax[at]! ^ 0xa5;
      }
      const run = await normalizeInPool('received.tif', fax, { timeoutMs: 20_000 });
      expect(run.ms).toBeLessThan(10_000);
      expect(run.output).toMatchObject({ ok: true, kind: 'tiff', pages: 1 });
      expect(run.written).toBe(true);
    }
  }, 60_000);

  it('stops a LibreOffice still running when its thread is terminated', async () => {
    const fake = await hangingSoffice();
    try {
      const run = await normalizeInPool('letter.docx', docx(1), { libreOffice: fake.path, timeoutMs: 2_000 }); // LibreOffice's own limit is 60 s
      expect(run.output).toMatchObject({ ok: false, reason: 'damaged', message: 'letter.docx took too long to prepare for faxing; it is probably damaged.' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await fake.running()).toEqual([]);
    } finally {
      await fake.remove();
    }
  }, 30_000);
});
