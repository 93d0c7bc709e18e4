/**
 * bench/send.ts — figures for the send path (issue: walking skeleton). Prints, as medians of 5:
 *  1. the time from the `fax.send` call to the moment the provider request leaves Faxdesk
 *     (Sinch, 1-page PDF; token already cached, as in steady use);
 *  2. the core's memory while adding and sending a 50 MB PDF (through a Welkin account: Sinch
 *     refuses files over 20 MB): RSS before, peak (the kernel's VmHWM, reset before the work) and
 *     after; main-thread heap and array buffers sampled every 1 ms (bench/support/memory.ts).
 *     Each run is a fresh process: in a process that already sent a large file, freed pages stay
 *     resident and the next run's peak hides in them (the old in-process figure, "peak − before
 *     0.0 MB", came from that and from a 1 ms-blind RSS sampler).
 * Runs the built core (out/bench/send.js); emulators run in child processes so their memory is not
 * counted. Run: `npm run bench:send`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountSettings } from '../common/domain/account';
import type { OutboxJob } from '../common/domain/fax';
import type { ProviderFactory } from '../main/core/accounts/accounts';
import { InMemorySecretStore } from '../main/core/accounts/secretStore';
import { createCore, type Core } from '../main/core/app';
import { createLogger } from '../main/core/log';
import { SinchProvider } from '../main/core/providers/sinch/sinchProvider';
import { WelkinProvider } from '../main/core/providers/welkin/welkinProvider';
import { defaultProviderFactory } from '../main/core/providers/providerFactory';
import { pdfBytes } from '../test/support/testKit';
import { mb, median, startChildEmulator } from './support/childEmulator';
import { runInFreshProcess } from './support/freshProcess';
import { measureMemory, peakSource, type MemoryRun } from './support/memory';

const RUNS = 5;
const BIG_BYTES = 50 * 1024 * 1024;
const TEST_NUMBER = '+19898989898';
let firstRequestAt: number | undefined;

/** Records when the first fax-creating request of a send leaves (Sinch POST /faxes, Welkin POST /faxes). */
const timedFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (init?.method === 'POST' && /\/faxes$/.test(new URL(url).pathname) && firstRequestAt === undefined) firstRequestAt = performance.now();
  return fetch(input, init);
};
const factory: ProviderFactory = {
  create: (settings: AccountSettings, secret: string) => settings.provider === 'sinch'
    ? new SinchProvider({ settings: settings.sinch, secret, fetch: timedFetch })
    : new WelkinProvider({ settings: settings.welkin, secret, fetch: timedFetch, uploadTimeoutMs: 120_000 }),
  capabilitiesOf: defaultProviderFactory.capabilitiesOf,
  limitsOf: defaultProviderFactory.limitsOf,
};

type ChildFigures = MemoryRun & { ms: number; source: string };

interface BenchCore { core: Core; sinchId: string; welkinId: string; close(): Promise<void> }

/** A core with one Sinch and one Welkin account on the given emulators, tokens already fetched. */
async function startCore(sinchUrl: string, welkinUrl: string): Promise<BenchCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-'));
  const core = createCore({
    dataDir, secretStore: new InMemorySecretStore(), host: 'web-bridge', version: 'bench',
    providerFactory: factory, logger: createLogger(() => {}), followIntervalMs: 50,
  });
  const add = async (draft: unknown) => ((await core.dispatch('accounts.add', draft)) as { value: { id: string } }).value.id;
  const sinchId = await add({ name: 'S', secret: 'demo-secret', settings: { provider: 'sinch', sinch: { projectId: 'demo-project', keyId: 'demo-key', baseUrl: sinchUrl, authUrl: sinchUrl } } });
  const welkinId = await add({ name: 'W', secret: 'demo-secret', settings: { provider: 'welkin', welkin: { tenant: 'demo', instance: 'live', apiClient: 'demo-client', baseUrl: welkinUrl } } });
  await core.dispatch('accounts.test', { id: sinchId }); // warm the token cache, as in steady use
  await core.dispatch('accounts.test', { id: welkinId });
  return { core, sinchId, welkinId, close: async () => { await core.close(); rmSync(dataDir, { recursive: true, force: true }); } };
}

async function waitForJob(core: Core, id: string, states: OutboxJob['state'][]): Promise<OutboxJob> {
  for (;;) {
    const listed = (await core.dispatch('outbox.list', {})) as { value: OutboxJob[] };
    const job = listed.value.find((j) => j.id === id);
    if (job && states.includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** documents.add then fax.send, until the provider has it (or it failed). */
async function addAndSend(core: Core, accountId: string, name: string, bytes: Uint8Array, until: OutboxJob['state'][]): Promise<OutboxJob> {
  const doc = (await core.dispatch('documents.add', { name, bytes })) as { ok: boolean; value: { id: string } };
  if (!doc.ok) throw new Error(JSON.stringify(doc));
  const sent = (await core.dispatch('fax.send', { accountId, to: [TEST_NUMBER], documentIds: [doc.value.id] })) as { value: OutboxJob[] };
  return waitForJob(core, sent.value[0]!.id, until);
}

/** Child mode: one 50 MB add + send in this fresh process; prints its MemoryRun as JSON. */
async function memoryChild(sinchUrl: string, welkinUrl: string, pdfPath: string): Promise<void> {
  const bench = await startCore(sinchUrl, welkinUrl);
  try {
    // Warm-up: modules, the worker thread and pdf.js loaded, connections open, as in steady use.
    await addAndSend(bench.core, bench.welkinId, 'warm.pdf', await pdfBytes(), ['sent']);
    const bytes = readFileSync(pdfPath); // the input, as IPC hands it over: in memory before the baseline
    const started = performance.now();
    const { result: job, memory } = await measureMemory(() => addAndSend(bench.core, bench.welkinId, 'big.pdf', bytes, ['sent', 'failed', 'uncertain']));
    const ms = performance.now() - started;
    if (job.state !== 'sent') throw new Error(`50 MB send ended ${job.state}: ${job.error?.message}`);
    process.stdout.write(`${JSON.stringify({ ...memory, ms, source: peakSource() } satisfies ChildFigures)}\n`);
  } finally {
    await bench.close();
  }
}

async function main(): Promise<void> {
  const sinch = await startChildEmulator('sinch');
  const welkin = await startChildEmulator('welkin');
  const dir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-send-'));
  const bench = await startCore(sinch.url, welkin.url);
  try {
    const small = await pdfBytes({ text: 'Faxdesk benchmark' });
    const latencies: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const doc = (await bench.core.dispatch('documents.add', { name: 'one.pdf', bytes: new Uint8Array(small) })) as { value: { id: string } };
      firstRequestAt = undefined;
      const started = performance.now();
      const sent = (await bench.core.dispatch('fax.send', { accountId: bench.sinchId, to: [TEST_NUMBER], documentIds: [doc.value.id] })) as { value: OutboxJob[] };
      await waitForJob(bench.core, sent.value[0]!.id, ['submitted', 'sending', 'sent', 'failed', 'uncertain']);
      latencies.push(firstRequestAt! - started);
    }
    console.log(`send call → provider request (Sinch, 1 page, median of ${RUNS}): ${median(latencies).toFixed(1)} ms  [runs: ${latencies.map((v) => v.toFixed(1)).join(', ')}]`);

    const pdfPath = join(dir, 'big.pdf');
    writeFileSync(pdfPath, await pdfBytes({ paddingBytes: BIG_BYTES }));
    const rows: ChildFigures[] = [];
    for (let run = 0; run < RUNS; run++) rows.push(await runInFreshProcess<ChildFigures>(import.meta.url, ['--memory-child', sinch.url, welkin.url, pdfPath]));
    const at = (pick: (row: ChildFigures) => number) => median(rows.map(pick));
    const each = (pick: (row: ChildFigures) => number) => rows.map((row) => mb(pick(row))).join(', ');
    const size = readFileSync(pdfPath).length;
    console.log(`${mb(size)} PDF added and sent via Welkin: the core's memory, a fresh process per run, median of ${RUNS}`);
    console.log(`  (peak RSS: ${rows[0]!.source}; the ${mb(size)} input is in memory before "before")`);
    console.log(`  RSS before ${mb(at((r) => r.before.rss))} · peak during ${mb(at((r) => r.peakRss))} · after ${mb(at((r) => r.after.rss))}`);
    console.log(`  peak − before ${mb(at((r) => r.peakRss - r.before.rss))} (${(at((r) => r.peakRss - r.before.rss) / size).toFixed(2)}× the file)  [runs: ${each((r) => r.peakRss - r.before.rss)}]`);
    console.log(`  after − before ${mb(at((r) => r.after.rss - r.before.rss))}  [runs: ${each((r) => r.after.rss - r.before.rss)}]`);
    console.log(`  main-thread heap: before ${mb(at((r) => r.before.heapUsed))} · peak ${mb(at((r) => r.peakHeapUsed))} · after ${mb(at((r) => r.after.heapUsed))}`);
    console.log(`  array buffers: before ${mb(at((r) => r.before.arrayBuffers))} · peak ${mb(at((r) => r.peakArrayBuffers))} · after ${mb(at((r) => r.after.arrayBuffers))}`);
    console.log(`  add + send + delivered: ${at((r) => r.ms).toFixed(0)} ms`);
  } finally {
    await bench.close();
    rmSync(dir, { recursive: true, force: true });
    await sinch.stop();
    await welkin.stop();
  }
}

const args = process.argv.slice(2);
if (args[0] === '--memory-child') await memoryChild(args[1]!, args[2]!, args[3]!);
else await main();
