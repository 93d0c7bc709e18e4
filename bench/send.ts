/**
 * bench/send.ts — figures for the send path (issue: walking skeleton). Prints, as medians of 5:
 *  1. the time from the `fax.send` call to the moment the provider request leaves Faxdesk
 *     (Sinch, 1-page PDF; token already cached, as in steady use);
 *  2. main-process memory (RSS, heap, array buffers) before, at peak during, and after sending a
 *     50 MB PDF (through a Welkin account: Sinch refuses files over 20 MB).
 * Emulators run in child processes so their memory is not counted. Run: `npm run bench:send`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import type { AccountSettings } from '../common/domain/account';
import type { OutboxJob } from '../common/domain/fax';
import type { ProviderFactory } from '../main/core/accounts/accounts';
import { InMemorySecretStore } from '../main/core/accounts/secretStore';
import { createCore, type Core } from '../main/core/app';
import { createLogger } from '../main/core/log';
import { SinchProvider } from '../main/core/providers/sinch/sinchProvider';
import { WelkinProvider } from '../main/core/providers/welkin/welkinProvider';
import { defaultProviderFactory } from '../main/core/providers/providerFactory';
import { mb, median, startChildEmulator } from './support/childEmulator';

const RUNS = 5;
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
};

async function onePagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Faxdesk benchmark', { x: 72, y: 700, size: 18, font });
  return doc.save();
}

/** A one-page PDF carrying ~`size` bytes of incompressible data in a referenced stream. */
async function bigPdf(size: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const stream = doc.context.stream(randomBytes(size), { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 1, 1] });
  const ref = doc.context.register(stream);
  page.node.setXObject(PDFName.of('Blob'), ref);
  return doc.save({ useObjectStreams: false });
}

async function waitForJob(core: Core, id: string, states: OutboxJob['state'][]): Promise<OutboxJob> {
  for (;;) {
    const listed = (await core.dispatch('outbox.list', {})) as { value: OutboxJob[] };
    const job = listed.value.find((j) => j.id === id);
    if (job && states.includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 5));
  }
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function main(): Promise<void> {
  const sinch = await startChildEmulator('sinch');
  const welkin = await startChildEmulator('welkin');
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-'));
  const core = createCore({
    dataDir, secretStore: new InMemorySecretStore(), host: 'web-bridge', version: 'bench',
    providerFactory: factory, logger: createLogger(() => {}), followIntervalMs: 50,
  });
  try {
    const add = async (draft: unknown) => ((await core.dispatch('accounts.add', draft)) as { value: { id: string } }).value.id;
    const sinchId = await add({ name: 'S', secret: 'demo-secret', settings: { provider: 'sinch', sinch: { projectId: 'demo-project', keyId: 'demo-key', baseUrl: sinch.url, authUrl: sinch.url } } });
    const welkinId = await add({ name: 'W', secret: 'demo-secret', settings: { provider: 'welkin', welkin: { tenant: 'demo', instance: 'live', apiClient: 'demo-client', baseUrl: welkin.url } } });
    await core.dispatch('accounts.test', { id: sinchId }); // warm the token cache, as in steady use
    await core.dispatch('accounts.test', { id: welkinId });

    const small = await onePagePdf();
    const latencies: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const doc = (await core.dispatch('documents.add', { name: 'one.pdf', bytes: new Uint8Array(small) })) as { value: { id: string } };
      firstRequestAt = undefined;
      const started = performance.now();
      const sent = (await core.dispatch('fax.send', { accountId: sinchId, to: ['+19898989898'], documentIds: [doc.value.id] })) as { value: OutboxJob[] };
      await waitForJob(core, sent.value[0]!.id, ['submitted', 'sending', 'sent', 'failed', 'uncertain']);
      latencies.push(firstRequestAt! - started);
    }
    console.log(`send call → provider request (Sinch, 1 page, median of ${RUNS}): ${median(latencies).toFixed(1)} ms  [runs: ${latencies.map((v) => v.toFixed(1)).join(', ')}]`);

    const big = await bigPdf(50 * 1024 * 1024);
    const rows: Array<{ before: number; peak: number; after: number; heapAfter: number; abAfter: number; ms: number }> = [];
    for (let run = 0; run < RUNS; run++) {
      const bytes = new Uint8Array(big); // the core may take over the buffer it is given, as with IPC
      gc();
      const before = process.memoryUsage();
      let peak = before.rss;
      const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
      const started = performance.now();
      const doc = (await core.dispatch('documents.add', { name: 'big.pdf', bytes })) as { ok: boolean; value: { id: string } };
      if (!doc.ok) throw new Error(JSON.stringify(doc));
      const sent = (await core.dispatch('fax.send', { accountId: welkinId, to: ['+19898989898'], documentIds: [doc.value.id] })) as { value: OutboxJob[] };
      const job = await waitForJob(core, sent.value[0]!.id, ['sent', 'failed', 'uncertain']);
      if (job.state !== 'sent') throw new Error(`50 MB send ended ${job.state}: ${job.error?.message}`);
      const ms = performance.now() - started;
      clearInterval(sampler);
      gc();
      const after = process.memoryUsage();
      rows.push({ before: before.rss, peak, after: after.rss, heapAfter: after.heapUsed, abAfter: after.arrayBuffers, ms });
    }
    console.log(`50 MB PDF (${mb(big.length)}) via Welkin, main-process memory, median of ${RUNS}:`);
    console.log(`  RSS before ${mb(median(rows.map((r) => r.before)))} · peak during ${mb(median(rows.map((r) => r.peak)))} · after ${mb(median(rows.map((r) => r.after)))}`);
    console.log(`  peak − before ${mb(median(rows.map((r) => r.peak - r.before)))} · after − before ${mb(median(rows.map((r) => r.after - r.before)))}`);
    console.log(`  heap after ${mb(median(rows.map((r) => r.heapAfter)))} · array buffers after ${mb(median(rows.map((r) => r.abAfter)))}`);
    console.log(`  add + send + delivered: ${median(rows.map((r) => r.ms)).toFixed(0)} ms`);
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
    await sinch.stop();
    await welkin.stop();
  }
}

await main();
