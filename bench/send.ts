/**
 * bench/send.ts — figures for the send path (issue: walking skeleton; issue 7 item 6, memory). Prints,
 * as medians of 5:
 *  1. the time from the `fax.send` call to the moment the provider request leaves Faxdesk
 *     (Sinch, 1-page PDF; token already cached, as in steady use);
 *  2. the core's memory around a 50 MB and a 95 MB PDF (through a Welkin account: Sinch refuses
 *     files over 20 MB), in two fresh processes per run, because in a process that already held a large file
 *     freed pages stay resident and the next peak hides in them:
 *     - add: `documents.addFile` (a path, as Electron hands it over), normalised in the worker pool;
 *     - send: a new core on the same data folder sends the added document until Welkin has it
 *       (draft, streamed upload, send): the upload's own cost, which should stay far below the file.
 *     RSS before, peak (the kernel's VmHWM, reset before the work) and after; main-thread heap and
 *     array buffers sampled every 1 ms (bench/support/memory.ts).
 * Runs the built core (out/bench/send.js); emulators run in child processes so their memory is not
 * counted. Run: `npm run bench:send`.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountSettings } from '../common/domain/account';
import type { DocumentInfo } from '../common/domain/document';
import type { ProviderFactory } from '../main/core/accounts/accounts';
import { SinchProvider } from '../main/core/providers/sinch/sinchProvider';
import { WelkinProvider } from '../main/core/providers/welkin/welkinProvider';
import { defaultProviderFactory } from '../main/core/providers/providerFactory';
import { FINISHED, expectOk, sendAndWait, startBenchCore, type BenchAccounts, type BenchCore } from './support/benchCore';
import { mb, median, startChildEmulator } from './support/childEmulator';
import { runInFreshProcess } from './support/freshProcess';
import { measureMemory, peakSource, type MemoryRun } from './support/memory';

const RUNS = 5;
/** 50 MB as before; 95 MB, near Welkin's 100 MB a fax, shows the upload's memory does not grow with the file. */
const BIG_SIZES = [50 * 1024 * 1024, 95 * 1024 * 1024];
let firstRequestAt: number | undefined;

/** Records when the first fax-creating request of a send leaves (Sinch POST /faxes, Welkin POST /faxes). */
const timedFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (init?.method === 'POST' && /\/faxes$/.test(new URL(url).pathname) && firstRequestAt === undefined) firstRequestAt = performance.now();
  return fetch(input, init);
};
const providerFactory: ProviderFactory = {
  create: (settings: AccountSettings, secret: string) => settings.provider === 'sinch'
    ? new SinchProvider({ settings: settings.sinch, secret, fetch: timedFetch })
    : new WelkinProvider({ settings: settings.welkin, secret, fetch: timedFetch, uploadTimeoutMs: 120_000 }),
  capabilitiesOf: defaultProviderFactory.capabilitiesOf,
  limitsOf: defaultProviderFactory.limitsOf,
};

type Phase = MemoryRun & { ms: number; source: string };
interface Added extends BenchAccounts { phase: Phase; dataDir: string; documentId: string; warmPath: string }

/** Adds the small PDF the parent wrote (made there: pdf-lib's work must not land in the measured process). */
async function addSmall(bench: BenchCore, warmPath: string): Promise<string> {
  return (expectOk(await bench.core.dispatch('documents.addFile', { path: warmPath, name: 'warm.pdf' }), 'documents.addFile') as DocumentInfo).id;
}

async function measured<T>(work: () => Promise<T>): Promise<{ result: T; phase: Phase }> {
  const started = performance.now();
  const { result, memory } = await measureMemory(work);
  return { result, phase: { ...memory, ms: performance.now() - started, source: peakSource() } };
}

/** Child mode 1: a core adds the big PDF by path (after a warm-up add) and leaves its data folder. */
async function addChild(sinchUrl: string, welkinUrl: string, pdfPath: string, warmPath: string): Promise<void> {
  const bench = await startBenchCore({ sinchUrl, welkinUrl, providerFactory, keepDataDir: true });
  try {
    await addSmall(bench, warmPath); // the worker thread and pdf.js loaded, as in steady use
    const { result, phase } = await measured(() => bench.core.dispatch('documents.addFile', { path: pdfPath, name: 'big.pdf' }));
    const documentId = (expectOk(result, 'documents.addFile') as DocumentInfo).id;
    const added: Added = { phase, dataDir: bench.dataDir, documentId, warmPath, sinchId: bench.sinchId, welkinId: bench.welkinId };
    process.stdout.write(`${JSON.stringify(added)}\n`);
  } finally {
    await bench.close();
  }
}

/** Child mode 2: a new core on that folder sends the added document through Welkin, after a warm-up send. */
async function sendChild(sinchUrl: string, welkinUrl: string, addedJson: string): Promise<void> {
  const added = JSON.parse(addedJson) as Added;
  const bench = await startBenchCore({ sinchUrl, welkinUrl, providerFactory, reopen: added });
  try {
    const warm = await sendAndWait(bench.core, bench.welkinId, [await addSmall(bench, added.warmPath)], FINISHED);
    if (warm.state !== 'sent') throw new Error(`warm-up send ended ${warm.state}`);
    const { result: job, phase } = await measured(() => sendAndWait(bench.core, bench.welkinId, [added.documentId], FINISHED));
    if (job.state !== 'sent') throw new Error(`big send ended ${job.state}: ${job.error?.message}`);
    process.stdout.write(`${JSON.stringify(phase)}\n`);
  } finally {
    await bench.close();
  }
}

function printPhase(title: string, rows: Phase[], size: number): void {
  const at = (pick: (row: Phase) => number) => median(rows.map(pick));
  const each = (pick: (row: Phase) => number) => rows.map((row) => mb(pick(row))).join(', ');
  const growth = (row: Phase) => row.peakRss - row.before.rss;
  console.log(`  ${title}`);
  console.log(`    RSS before ${mb(at((r) => r.before.rss))} · peak during ${mb(at((r) => r.peakRss))} · after ${mb(at((r) => r.after.rss))}`);
  console.log(`    peak − before ${mb(at(growth))} (${(at(growth) / size).toFixed(2)}× the file)  [runs: ${each(growth)}]`);
  console.log(`    after − before ${mb(at((r) => r.after.rss - r.before.rss))}  [runs: ${each((r) => r.after.rss - r.before.rss)}]`);
  console.log(`    main-thread heap: before ${mb(at((r) => r.before.heapUsed))} · peak ${mb(at((r) => r.peakHeapUsed))} · after ${mb(at((r) => r.after.heapUsed))}`);
  console.log(`    array buffers: before ${mb(at((r) => r.before.arrayBuffers))} · peak ${mb(at((r) => r.peakArrayBuffers))} · after ${mb(at((r) => r.after.arrayBuffers))}`);
  console.log(`    time ${at((r) => r.ms).toFixed(0)} ms  [runs: ${rows.map((r) => r.ms.toFixed(0)).join(', ')}]`);
}

async function main(): Promise<void> {
  const sinch = await startChildEmulator('sinch');
  const welkin = await startChildEmulator('welkin');
  const dir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-send-'));
  const bench = await startBenchCore({ sinchUrl: sinch.url, welkinUrl: welkin.url, providerFactory });
  try {
    const { pdfBytes } = await import('../test/support/testKit'); // pdf-lib stays out of the measured processes
    const small = await pdfBytes({ text: 'Faxdesk benchmark' });
    const latencies: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const doc = expectOk(await bench.core.dispatch('documents.add', { name: 'one.pdf', bytes: new Uint8Array(small) }), 'documents.add') as DocumentInfo;
      firstRequestAt = undefined;
      const started = performance.now();
      await sendAndWait(bench.core, bench.sinchId, [doc.id], ['submitted', 'sending', ...FINISHED]);
      latencies.push(firstRequestAt! - started);
    }
    console.log(`send call → provider request (Sinch, 1 page, median of ${RUNS}): ${median(latencies).toFixed(1)} ms  [runs: ${latencies.map((v) => v.toFixed(1)).join(', ')}]`);

    const warmPath = join(dir, 'warm.pdf');
    writeFileSync(warmPath, small);
    for (const bytes of BIG_SIZES) {
      const pdfPath = join(dir, `big-${bytes}.pdf`);
      writeFileSync(pdfPath, await pdfBytes({ paddingBytes: bytes }));
      const size = statSync(pdfPath).size;
      const adds: Phase[] = [];
      const sends: Phase[] = [];
      for (let run = 0; run < RUNS; run++) {
        const added = await runInFreshProcess<Added>(import.meta.url, ['--add-child', sinch.url, welkin.url, pdfPath, warmPath]);
        try {
          adds.push(added.phase);
          sends.push(await runInFreshProcess<Phase>(import.meta.url, ['--send-child', sinch.url, welkin.url, JSON.stringify(added)]));
        } finally {
          rmSync(added.dataDir, { recursive: true, force: true });
        }
      }
      console.log(`${mb(size)} PDF through a Welkin account: the core's memory, fresh processes, median of ${RUNS} (peak RSS: ${adds[0]!.source})`);
      printPhase('documents.addFile (normalised in the worker pool; worker threads count in the RSS)', adds, size);
      printPhase('fax.send until Welkin has it (draft, upload streamed from disk, send; a new process on the same data folder)', sends, size);
    }
  } finally {
    await bench.close();
    rmSync(dir, { recursive: true, force: true });
    await sinch.stop();
    await welkin.stop();
  }
}

const args = process.argv.slice(2);
if (args[0] === '--add-child') await addChild(args[1]!, args[2]!, args[3]!, args[4]!);
else if (args[0] === '--send-child') await sendChild(args[1]!, args[2]!, args[3]!);
else await main();
