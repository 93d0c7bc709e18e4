import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { CORE_WORKER_IDLE_MS } from '../../main/core/workers/corePool';
import { TEST_NUMBER } from '../support/benchCore';
import { renderersBuilt, startBridgeHost, type BridgeHost, type HostEnv } from '../support/bridgeHost';
import { mb, median } from '../support/childEmulator';
import { VIEWPORT, launchChromium } from '../support/chromium';
import { runInFreshProcess } from '../support/freshProcess';
import { watchMemory, type MemoryRun } from '../support/memory';

/**
 * (d) The core's memory while 100 MB of documents take the whole path: chosen in the real
 * renderer (Chromium) → streamed to the dev bridge → added by the core (normalised in its worker
 * pool) → sent by it to the Sinch emulator in a child process. The core runs in a fresh process per
 * run (bench/support/bridgeHost.ts) and reports its own VmHWM, per phase: the adds (file chosen →
 * every tile ready) and the send (Send clicked → Sinch has the fax). In the same run, the official
 * Sinch SDK (@sinch/fax, as bench/providers.ts drives it) sends the same files from a fresh process.
 */

const RUNS = 3;
/**
 * BENCH_SEND_FILES=attachments sends one-page PDFs whose bytes are an embedded file instead: they
 * are re-written (the embedded file is not faxed), which holds each whole while it is.
 */
const FILES = process.env.BENCH_SEND_FILES === 'attachments' ? 'attachments' : 'scans';
const FILE_COUNT = 5;
/** Just under Sinch's 20 MB a file: five make 100 MB. */
const FILE_BYTES = 20 * 1024 * 1024 - 64 * 1024;
/** A Letter page scanned at 300 dpi in black and white: 2550 × 3300 one-bit pixels, 1.05 MB uncompressed. */
const SCAN = { width: 2550, height: 3300 };

/**
 * The files sent: what fills 20 MB in an office is scanned pages, faxed as they are (a plain PDF
 * is sent byte for byte). Pages of speckle, not text, so nothing compresses them away.
 */
async function scannedPdf(bytes: number, seed: number): Promise<Uint8Array> {
  const { PDFDocument, PDFName } = await import('pdf-lib');
  const { randomBytes } = await import('node:crypto');
  const doc = await PDFDocument.create();
  const pageBytes = (SCAN.width / 8) * SCAN.height;
  const pages = Math.max(1, Math.floor((bytes - 64 * 1024) / pageBytes));
  for (let n = 0; n < pages; n++) {
    const page = doc.addPage([612, 792]);
    const image = doc.context.register(doc.context.stream(randomBytes(Math.ceil(pageBytes)), {
      Type: 'XObject', Subtype: 'Image', Width: SCAN.width, Height: SCAN.height, ColorSpace: 'DeviceGray', BitsPerComponent: 1,
    }));
    const name = page.node.newXObject(`Scan${seed}`, image);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(`q 612 0 0 792 0 0 cm ${name.toString()} Do Q`)));
  }
  return doc.save();
}
const DEMO = { projectId: 'demo-project', keyId: 'demo-key', keySecret: 'demo-secret' };

interface PathRun { adds: MemoryRun; send: MemoryRun; ms: number }

/**
 * The core under plain Node with glibc's malloc as it comes, and with its mmap threshold fixed.
 * glibc raises the threshold to the size of each large block freed, after which pdf.js's buffer
 * for a file (the whole file's length, filled only where read) comes zeroed, so wholly resident,
 * from the heap instead of from lazily mapped pages. Electron (21 and later) keeps buffers inside
 * V8's memory cage, allocated by V8 rather than by glibc's malloc; Electron cannot run here to show it.
 */
const ALLOCATORS: Array<{ label: string; env: HostEnv }> = [
  { label: "glibc's malloc as it comes", env: {} },
  { label: 'glibc with MALLOC_MMAP_THRESHOLD_=131072', env: { MALLOC_MMAP_THRESHOLD_: '131072' } },
];
interface SdkRun { memory: MemoryRun; ms: number }

const growth = (memory: MemoryRun) => memory.peakRss - memory.before.rss;

/** Child mode: the SDK sends the files as one fax in this fresh process, after a warm-up call. */
export async function sdkSendChild(url: string, paths: string[]): Promise<void> {
  const { SinchClient } = await import('@sinch/sdk-core'); // loaded by the SDK's process only
  const sdk = new SinchClient({ ...DEMO, authHostname: url, faxHostname: url });
  await sdk.fax.services.list({});
  const watch = watchMemory();
  const started = performance.now();
  await sdk.fax.faxes.send({ sendFaxRequestBody: { to: TEST_NUMBER, filePaths: paths } });
  const run: SdkRun = { ms: performance.now() - started, memory: watch.stop() };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

/** Chooses files in compose and waits until every tile shows its page count (the core has them). */
async function addThroughPage(page: Page, paths: string[]): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New fax' }).click();
  await page.getByLabel('Choose files').setInputFiles(paths);
  for (const path of paths) {
    const name = path.split('/').pop()!;
    await page.getByRole('listitem').filter({ hasText: name }).filter({ hasText: /\d+ pages?/ }).waitFor({ timeout: 120_000 });
  }
}

async function sendThroughPage(page: Page, host: BridgeHost, firstToNumber = false): Promise<void> {
  await page.getByLabel('Fax number').fill(TEST_NUMBER);
  await page.getByRole('button', { name: /^Send/ }).click();
  // A real account's first fax to a number asks first (the warm-up's; the measured send's number is known by then).
  if (firstToNumber) await page.getByRole('button', { name: 'The number is right — send' }).click();
  await host.waitSent();
}

async function pathRun(entryUrl: string, browser: Browser, sinchUrl: string, warmPath: string, paths: string[], env: HostEnv): Promise<PathRun> {
  const host = await startBridgeHost(entryUrl, { sinchUrl }, env);
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    // Warm-up through the same path: the worker thread, pdf.js, the token, as in steady use.
    await addThroughPage(page, [warmPath]);
    await sendThroughPage(page, host, true);
    await host.watchStart();
    const started = performance.now();
    await addThroughPage(page, paths);
    const adds = await host.watchStop();
    await host.watchStart();
    await sendThroughPage(page, host);
    const send = await host.watchStop();
    return { adds, send, ms: performance.now() - started };
  } finally {
    await context.close();
    await host.close();
  }
}

export async function sendPathSection(entryUrl: string, sinchUrl: string, workDir: string): Promise<void> {
  console.log(`\n(d) the core's memory while ${FILE_COUNT} PDFs (≈100 MB of ${FILES === 'scans' ? 'scanned pages' : 'one page and an embedded file each'}) go renderer → bridge upload → core → Sinch emulator, vs the official Sinch SDK (goal: growth under 20% of the bytes sent)`);
  const { pdfBytes } = await import('../../test/support/testKit');
  const paths: string[] = [];
  for (let index = 1; index <= FILE_COUNT; index++) {
    const path = join(workDir, `${FILES}-${index}.pdf`);
    writeFileSync(path, FILES === 'scans' ? await scannedPdf(FILE_BYTES, index) : await pdfBytes({ text: `Attachment ${index}`, paddingBytes: FILE_BYTES }));
    paths.push(path);
  }
  const warmPath = join(workDir, 'warm-up.pdf');
  writeFileSync(warmPath, await pdfBytes({ text: 'warm-up' }));
  const bytes = paths.reduce((sum, path) => sum + statSync(path).size, 0);

  const sdkRuns: SdkRun[] = [];
  const pathRuns = new Map<string, PathRun[]>(ALLOCATORS.map(({ label }) => [label, []]));
  const browser = renderersBuilt() ? await launchChromium() : undefined;
  if (!browser) console.log('  the built renderer (npm run build:web) or Chromium is missing: the Faxdesk side is skipped; the SDK alone is measured.');
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const { label, env } of browser ? ALLOCATORS : []) pathRuns.get(label)!.push(await pathRun(entryUrl, browser!, sinchUrl, warmPath, paths, env));
      sdkRuns.push(await runInFreshProcess<SdkRun>(entryUrl, ['--sdk-child', sinchUrl, ...paths]));
    }
  } finally {
    await browser?.close();
  }
  const share = (value: number) => `${((value / bytes) * 100).toFixed(0)}%`;
  const line = (label: string, values: number[]) => console.log(`  ${label.padEnd(48)} ${mb(median(values)).padStart(9)} (${share(median(values))} of the bytes)  [runs: ${values.map(mb).join(', ')}]`);
  console.log(`  ${mb(bytes)} in ${FILE_COUNT} files; a fresh process per run for each side, median of ${RUNS}; peak − before from VmHWM`);
  const sdkGrowth = median(sdkRuns.map((run) => growth(run.memory)));
  // The whole path's peak over its start: the higher of the two phases' peaks, both over the RSS before the adds.
  const whole = (run: PathRun) => Math.max(run.adds.peakRss, run.send.peakRss) - run.adds.before.rss;
  for (const { label } of browser ? ALLOCATORS : []) {
    const runs = pathRuns.get(label)!;
    console.log(`  Faxdesk, ${label}:`);
    line('  whole path (adds + send)', runs.map(whole));
    line('    adds: upload to the bridge, normalise, seal', runs.map((run) => growth(run.adds)));
    // Freed pages the adds left resident absorb the send's own allocations: bench:send measures a send in a clean process.
    line('    send: upload to Sinch (over the RSS the adds left)', runs.map((run) => growth(run.send)));
    line('    RSS left after the adds (after − before)', runs.map((run) => run.adds.after.rss - run.adds.before.rss));
    // Not the core: its pool's worker processes, which end when idle and give their memory back.
    const workerPeaks = runs.map((run) => run.adds.workers?.peakRss ?? 0);
    console.log(`    the worker process (ends after ${CORE_WORKER_IDLE_MS / 1000} s idle): peak RSS ${mb(median(workerPeaks))}  [runs: ${workerPeaks.map(mb).join(', ')}]`);
    line('    the worker process: growth (peak − when first seen)', runs.map((run) => run.adds.workers?.growth ?? 0));
    console.log(`    time, files chosen → Sinch has the fax: ${median(runs.map((run) => run.ms)).toFixed(0)} ms; ours/SDK (growth): ${(median(runs.map(whole)) / sdkGrowth).toFixed(2)}×`);
  }
  line('official Sinch SDK, faxes.send(filePaths)', sdkRuns.map((run) => growth(run.memory)));
  console.log(`  SDK time: ${median(sdkRuns.map((run) => run.ms)).toFixed(0)} ms`);
}
