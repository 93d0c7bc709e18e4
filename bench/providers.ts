/**
 * Sinch provider vs the official @sinch/fax SDK, against one Sinch emulator in a child process:
 * list 10,000 faxes, send 200 faxes, and send 3 × 15 MB PDFs (time and peak memory, each side in
 * its own child process). Prints figures and ours/SDK ratios; asserts nothing.
 *
 * Runs built (out/bench/providers.js): `npm run bench:providers`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SinchClient } from '@sinch/sdk-core';
import type { OutgoingDocument } from '../main/core/providers/faxProvider';
import { SinchProvider } from '../main/core/providers/sinch/sinchProvider';
import { pdfBytes, writePdf } from '../test/support/testKit';
import { mb, median, startChildEmulator } from './support/childEmulator';
import { runInFreshProcess } from './support/freshProcess';

const DEMO = { projectId: 'demo-project', keyId: 'demo-key', keySecret: 'demo-secret' };
const TEST_NUMBER = '+19898989898';
const LIST_COUNT = 10_000;
const SEND_COUNT = 200;
const SEND_CONCURRENCY = 8;
const LARGE_FILES = 3;
const LARGE_FILES_MAX = 6;
const LARGE_BYTES = 15 * 1024 * 1024;
const RUNS = 3;

type Side = 'ours' | 'sdk';

function ourProvider(url: string): SinchProvider {
  return new SinchProvider({
    secret: DEMO.keySecret,
    settings: { projectId: DEMO.projectId, keyId: DEMO.keyId, authMode: 'oauth2', region: 'global', baseUrl: url },
  });
}

function sdkClient(url: string): SinchClient {
  return new SinchClient({ ...DEMO, authHostname: url, faxHostname: url });
}

const ratio = (ours: number, sdk: number): string => `${(ours / sdk).toFixed(2)}×`;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function inParallel(count: number, concurrency: number, task: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await task(next++);
  }));
}

async function seedInbound(url: string, count: number): Promise<void> {
  const pdfBase64 = Buffer.from(await pdfBytes()).toString('base64');
  await inParallel(count, 32, async (index) => {
    const response = await fetch(`${url}/__emulator/inbound`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: `+1415555${String(index % 10_000).padStart(4, '0')}`, to: '+12015550100', pdfBase64 }),
    });
    if (!response.ok) throw new Error(`seed failed: HTTP ${response.status}`);
    await response.arrayBuffer();
  });
}

async function listAll(side: Side, url: string): Promise<number> {
  let count = 0;
  if (side === 'ours') {
    for await (const _fax of ourProvider(url).iterateFaxes({ direction: 'inbound', pageSize: 1000 })) count++;
  } else {
    for await (const _fax of sdkClient(url).fax.faxes.list({ direction: 'INBOUND', pageSize: 1000 })) count++;
  }
  return count;
}

async function sendMany(side: Side, url: string, document: OutgoingDocument): Promise<void> {
  const provider = ourProvider(url);
  const sdk = sdkClient(url);
  await inParallel(SEND_COUNT, SEND_CONCURRENCY, (index) => {
    const to = `+1201555${String(2000 + index).padStart(4, '0')}`;
    return side === 'ours'
      ? provider.send({ to: [to], documents: [document] })
      : sdk.fax.faxes.send({ sendFaxRequestBody: { to, filePaths: document.path } });
  });
}

interface LargeSendFigures {
  ms: number;
  baselineRss: number;
  peakRss: number;
  peakArrayBuffers: number;
}

/** Child mode: one large send on one side, sampling memory every 2 ms; prints JSON figures. */
async function largeSendChild(side: Side, url: string, paths: string[]): Promise<void> {
  const documents = paths.map((path) => ({ path, name: path.split('/').pop() ?? 'f.pdf', contentType: 'application/pdf', sizeBytes: 0 }));
  const provider = ourProvider(url);
  const sdk = sdkClient(url);
  // Warm up: load modules and fetch the token before measuring.
  if (side === 'ours') await provider.testConnection();
  else await sdk.fax.services.list({});
  globalThis.gc?.();
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  let peakArrayBuffers = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakArrayBuffers = Math.max(peakArrayBuffers, usage.arrayBuffers);
  }, 2);
  const ms = await timed(() => (side === 'ours'
    ? provider.send({ to: [TEST_NUMBER], documents })
    : sdk.fax.faxes.send({ sendFaxRequestBody: { to: TEST_NUMBER, filePaths: paths } })));
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  const figures: LargeSendFigures = { ms, baselineRss, peakRss, peakArrayBuffers };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

async function compareLargeSend(url: string, paths: string[]): Promise<void> {
  const figures: Record<Side, LargeSendFigures[]> = { ours: [], sdk: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const side of ['ours', 'sdk'] as const) figures[side].push(await runInFreshProcess<LargeSendFigures>(import.meta.url, ['--large-send-child', side, url, ...paths]));
  }
  const pick = (side: Side, key: keyof LargeSendFigures) => median(figures[side].map((figure) => figure[key]));
  const growth = (side: Side) => median(figures[side].map((figure) => figure.peakRss - figure.baselineRss));
  const row = (label: string, ours: number, sdk: number, format: (value: number) => string) =>
    console.log(`  ${label.padEnd(18)}ours ${format(ours).padStart(9)}   sdk ${format(sdk).padStart(9)}   ours/sdk ${ratio(ours, sdk)}`);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(`send ${paths.length} × ${mb(LARGE_BYTES)} PDFs in one fax (own child process each, median of ${RUNS}):`);
  row('time', pick('ours', 'ms'), pick('sdk', 'ms'), ms);
  row('peak RSS', pick('ours', 'peakRss'), pick('sdk', 'peakRss'), mb);
  row('RSS growth', growth('ours'), growth('sdk'), mb);
  row('peak arrayBuffers', pick('ours', 'peakArrayBuffers'), pick('sdk', 'peakArrayBuffers'), mb);
}

async function compare(label: string, run: (side: Side) => Promise<unknown>, runs = RUNS): Promise<void> {
  const times: Record<Side, number[]> = { ours: [], sdk: [] };
  for (let i = 0; i < runs; i++) {
    for (const side of ['ours', 'sdk'] as const) times[side].push(await timed(() => run(side)));
  }
  const ours = median(times.ours);
  const sdk = median(times.sdk);
  console.log(`${label.padEnd(34)} ours ${ours.toFixed(0).padStart(6)} ms   sdk ${sdk.toFixed(0).padStart(6)} ms   ours/sdk ${ratio(ours, sdk)}   (median of ${runs})`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'faxdesk-bench-'));
  const emulator = await startChildEmulator('sinch', 1000);
  const { url } = emulator;
  try {
    console.log(`Sinch emulator (child process) at ${url}; Node ${process.version}`);
    const seedMs = await timed(() => seedInbound(url, LIST_COUNT));
    console.log(`seeded ${LIST_COUNT} inbound faxes in ${seedMs.toFixed(0)} ms (not compared)`);
    for (const side of ['ours', 'sdk'] as const) {
      const count = await listAll(side, url);
      if (count !== LIST_COUNT) console.log(`warning: ${side} listed ${count} faxes, expected ${LIST_COUNT}`);
    }
    await compare(`list ${LIST_COUNT} faxes (pageSize 1000)`, (side) => listAll(side, url));

    const small = await writePdf(dir, 'small.pdf');
    await compare(`send ${SEND_COUNT} faxes (${SEND_CONCURRENCY} at a time)`, (side) => sendMany(side, url, small));

    const paths: string[] = [];
    for (let i = 0; i < LARGE_FILES_MAX; i++) paths.push((await writePdf(dir, `large-${i}.pdf`, 1, LARGE_BYTES)).path);
    // Twice the files should not mean twice the memory when files are streamed.
    for (const fileCount of [LARGE_FILES, LARGE_FILES_MAX]) await compareLargeSend(url, paths.slice(0, fileCount));
    console.log(`total bench time ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await emulator.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--large-send-child') {
  const [, side, url, ...paths] = args;
  largeSendChild(side === 'sdk' ? 'sdk' : 'ours', url ?? '', paths).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
