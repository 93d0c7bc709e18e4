import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import type { DocumentInfo, FaxPartInput } from '../../common/domain/document';
import type { OutboxJob } from '../../common/domain/fax';
import { TEST_NUMBER, expectOk, sendAndWait, startBenchCore, waitForJob } from '../support/benchCore';
import { mb, median } from '../support/childEmulator';
import { watchEventLoop, type EventLoopFigures } from '../support/eventLoop';
import { runInFreshProcess } from '../support/freshProcess';
import { peakSource, watchMemory, type MemoryRun } from '../support/memory';
import { TARGET_PAGES, buildFileMix, type FileMix } from './mixedFiles';

/**
 * (a) Ten mixed files added through the core (`documents.addFile`, one after the other as the
 * compose strip adds them) and sent as one fax with parts: normalised in the worker pool, composed
 * into one 200-page PDF, handed to the provider (an emulator in a child process). One fresh process
 * per run: time, peak RSS (VmHWM) and the core's event-loop delay. The pages go in reverse order (a
 * page operation): documents sent whole and in order are uploaded as they are, not merged
 * (common/domain/uploadGroups.ts), and this measures the merge.
 * (b) qpdf merging the same pages of the same (normalised) PDFs in the same order, in the same run, where installed.
 */

const RUNS = 5;
const SINCH_SAFE_BYTES = 15 * 1024 * 1024;

export interface MergeContext { entryUrl: string; sinchUrl: string; welkinUrl: string; corpus?: string; workDir: string }

interface MergeRun {
  addMs: number;
  /** Each file's documents.addFile, in mix order. */
  fileMs: number[];
  composeMs: number;
  submitMs: number;
  memory: MemoryRun;
  source: string;
  eventLoop: EventLoopFigures;
  pages: number;
  composedBytes: number;
  /** First run only: the normalised PDFs the core made, for qpdf. */
  exported?: string[];
}

/** Child mode: one run in this fresh process; prints a MergeRun. */
export async function mergeChild(sinchUrl: string, welkinUrl: string, mixPath: string, exportDir: string): Promise<void> {
  const mix = JSON.parse(readFileSync(mixPath, 'utf8')) as FileMix;
  const bench = await startBenchCore({ sinchUrl, welkinUrl });
  try {
    const { core } = bench;
    const addFile = async (path: string, name: string) => expectOk(await core.dispatch('documents.addFile', { path, name }), 'documents.addFile') as DocumentInfo;
    // Warm-up: the worker thread, pdf.js and pdf-lib loaded, tokens fetched, as in steady use.
    const warm = await addFile(mix.warmPath, 'warm.pdf');
    await sendAndWait(core, bench.sinchId, [warm.id], ['submitted', 'sending', 'sent', 'failed'], [{ type: 'page', documentId: warm.id, page: 1, rotation: 90 }]);

    const accountId = mix.files.reduce((sum, file) => sum + file.bytes, 0) > SINCH_SAFE_BYTES ? bench.welkinId : bench.sinchId;
    const memory = watchMemory();
    const loop = await watchEventLoop();
    const started = performance.now();
    const docs: DocumentInfo[] = [];
    const fileMs: number[] = [];
    for (const file of mix.files) {
      const fileStarted = performance.now();
      docs.push(await addFile(file.path, file.name));
      fileMs.push(performance.now() - fileStarted);
    }
    const added = performance.now();
    const parts: FaxPartInput[] = docs.flatMap((doc, index) => Array.from({ length: mix.pagesUsed[index]! }, (_v, page) => ({ type: 'page' as const, documentId: doc.id, page }))).reverse();
    const jobs = expectOk(await core.dispatch('fax.send', { accountId, to: [TEST_NUMBER], documentIds: docs.map((doc) => doc.id), parts, confirmDuplicate: true }), 'fax.send') as OutboxJob[];
    const composed = performance.now();
    const job = await waitForJob(core, jobs[0]!.id, ['submitted', 'sending', 'sent', 'failed', 'uncertain']);
    const submitted = performance.now();
    const eventLoop = await loop.stop();
    const run: MergeRun = {
      addMs: added - started, fileMs, composeMs: composed - added, submitMs: submitted - composed,
      memory: memory.stop(), source: peakSource(), eventLoop, pages: job.pages, composedBytes: job.documents.reduce((sum, doc) => sum + doc.sentBytes, 0),
    };
    if (!['submitted', 'sending', 'sent'].includes(job.state)) throw new Error(`the merged fax ended ${job.state}: ${job.error?.message}`);
    if (exportDir) {
      mkdirSync(exportDir, { recursive: true });
      run.exported = await Promise.all(docs.map(async (doc, index) => {
        const copy = join(exportDir, `${index + 1}.pdf`);
        await pipeline((await core.documentContent(doc.id))!.open(), createWriteStream(copy));
        return copy;
      }));
    }
    process.stdout.write(`${JSON.stringify(run)}\n`);
  } finally {
    await bench.close();
  }
}

interface QpdfRun { ms: number; peakRss?: number; pages: number }

/**
 * `qpdf --empty --pages f10 n10-1 … f1 n1-1 -- out.pdf` (the fax's pages in reverse, as (a) sends
 * them), timed as a process (its start included), through /usr/bin/time when present for its peak RSS.
 */
function qpdfMerge(files: string[], pagesUsed: number[], out: string): QpdfRun {
  const args = ['--empty', '--pages', ...files.map((file, index) => [file, `${pagesUsed[index]}-1`]).reverse().flat(), '--', out];
  const withTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const result = withTime ? spawnSync('/usr/bin/time', ['-f', '%M', 'qpdf', ...args], { encoding: 'utf8' }) : spawnSync('qpdf', args, { encoding: 'utf8' });
  const ms = performance.now() - started;
  // Exit 3 is "done, with warnings" (an input qpdf had to repair): the output is written.
  if (result.status !== 0 && result.status !== 3) throw new Error(`qpdf failed: ${result.stderr}`);
  const kb = withTime ? Number(/(\d+)\s*$/.exec(result.stderr)?.[1]) : Number.NaN;
  const pages = Number(spawnSync('qpdf', ['--show-npages', out], { encoding: 'utf8' }).stdout.trim());
  return { ms, peakRss: Number.isFinite(kb) && kb > 0 ? kb * 1024 : undefined, pages };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const list = (values: number[], format: (value: number) => string) => `[runs: ${values.map(format).join(', ')}]`;

export async function mergeSection(context: MergeContext): Promise<void> {
  const probeCore = await startBenchCore({ sinchUrl: context.sinchUrl, welkinUrl: context.welkinUrl });
  let mix: FileMix;
  try {
    mix = await buildFileMix(probeCore.core, context.corpus, context.workDir);
  } finally {
    await probeCore.close();
  }
  const mixPath = join(context.workDir, 'mix.json');
  writeFileSync(mixPath, JSON.stringify(mix));
  const inputBytes = mix.files.reduce((sum, file) => sum + file.bytes, 0);
  console.log(`\n(a) ${mix.files.length} files → one ${TARGET_PAGES}-page fax: documents.addFile each, then fax.send with parts (${mb(inputBytes)} in)`);

  const exportDir = join(context.workDir, 'normalised');
  const runs: MergeRun[] = [];
  for (let run = 0; run < RUNS; run++) {
    runs.push(await runInFreshProcess<MergeRun>(context.entryUrl, ['--merge-child', context.sinchUrl, context.welkinUrl, mixPath, run === 0 ? exportDir : '']));
  }
  const at = (pick: (run: MergeRun) => number) => median(runs.map(pick));
  for (const [index, file] of mix.files.entries()) {
    console.log(`  ${String(index + 1).padStart(2)}. ${file.name.padEnd(32)} ${file.origin.slice(0, 44).padEnd(44)} ${mb(file.bytes).padStart(8)}  ${String(mix.pagesUsed[index]).padStart(3)} of ${String(file.pages).padStart(3)} p  add ${ms(at((run) => run.fileMs[index]!)).padStart(8)}`);
  }
  for (const note of mix.notes) console.log(`  note: ${note}`);
  const total = (run: MergeRun) => run.addMs + run.composeMs;
  const growth = (run: MergeRun) => run.memory.peakRss - run.memory.before.rss;
  console.log(`  fresh process per run, warm (a small add and send first), median of ${RUNS}; pages in the fax: ${runs.map((run) => run.pages).join(', ')}; merged PDF ${mb(at((run) => run.composedBytes))}`);
  console.log(`  normalise 10 files ${ms(at((run) => run.addMs))} ${list(runs.map((run) => run.addMs), ms)}`);
  console.log(`  compose 200 pages  ${ms(at((run) => run.composeMs))} ${list(runs.map((run) => run.composeMs), ms)}`);
  console.log(`  normalise + merge  ${ms(at(total))} ${list(runs.map(total), ms)}   (then upload until the provider has it: ${ms(at((run) => run.submitMs))})`);
  console.log(`  peak RSS ${mb(at((run) => run.memory.peakRss))}; peak − before ${mb(at(growth))} ${list(runs.map(growth), mb)}  (${runs[0]!.source})`);
  console.log(`  core event loop: max ${at((run) => run.eventLoop.maxMs).toFixed(1)} ms · p99 ${at((run) => run.eventLoop.p99Ms).toFixed(1)} ms (goal: under 50 ms)  max ${list(runs.map((run) => run.eventLoop.maxMs), (v) => v.toFixed(0))}`);

  console.log(`\n(b) the same merge with qpdf (the ${mix.files.length} normalised PDFs, the same pages)`);
  if (spawnSync('sh', ['-c', 'command -v qpdf']).status !== 0) {
    console.log('  qpdf is not installed here (Debian: apt-get install qpdf): peer absent, nothing compared.');
    return;
  }
  const qpdfRuns: QpdfRun[] = [];
  for (let run = 0; run < RUNS; run++) qpdfRuns.push(qpdfMerge(runs[0]!.exported!, mix.pagesUsed, join(context.workDir, 'qpdf-out.pdf')));
  const qpdfMs = median(qpdfRuns.map((run) => run.ms));
  const qpdfPeak = qpdfRuns[0]!.peakRss === undefined ? 'peak RSS unknown (/usr/bin/time absent)' : `peak RSS ${mb(median(qpdfRuns.map((run) => run.peakRss!)))} (whole process)`;
  console.log(`  qpdf ${ms(qpdfMs)} ${list(qpdfRuns.map((run) => run.ms), ms)}; ${qpdfRuns[0]!.pages} pages; ${qpdfPeak}`);
  console.log(`  ours/qpdf: compose alone ${(at((run) => run.composeMs) / qpdfMs).toFixed(2)}× · normalise + merge ${(at(total) / qpdfMs).toFixed(2)}×`);
}
