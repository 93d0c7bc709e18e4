/**
 * bench/outbox.ts — figures for the job runner under the outbox (issue 6). Prints, medians of RUNS:
 *  1. 200 queued faxes: time from the send calls until the emulator holds all 200, against the
 *     Sinch provider client alone sending the same 200 at the same concurrency, in the same run;
 *     and the core's event-loop delay (max, p99) meanwhile;
 *  2. a slow account (every request delayed 2 s) next to a fast one: the fast account's 100 faxes,
 *     alone and while the slow account's 40 are on their way (its first ones already stuck in flight).
 * Emulators run in child processes so their work is not counted against the core's event loop.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AccountSettings } from '../common/domain/account';
import type { OutboxJob } from '../common/domain/fax';
import type { ProviderFactory } from '../main/core/accounts/accounts';
import { InMemorySecretStore } from '../main/core/accounts/secretStore';
import { createCore, type Core } from '../main/core/app';
import { createLogger } from '../main/core/log';
import { defaultProviderFactory } from '../main/core/providers/providerFactory';
import { SinchProvider } from '../main/core/providers/sinch/sinchProvider';
import { SINCH_DEMO_CREDENTIALS } from '../main/emulators/sinch/constants';
import { pdfBytes } from '../test/support/testKit';
import { median, startChildEmulator } from './support/childEmulator';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FAXES = 200;
const CONCURRENCY = 4; // the core's default per-account send concurrency
const SLOW_DELAY_MS = 2_000;
const FAST_FAXES = 100;
const SLOW_FAXES = 40;

const ms = (value: number) => `${value.toFixed(0)} ms`;
const sinchSettings = (url: string): AccountSettings => ({
  provider: 'sinch',
  sinch: { projectId: SINCH_DEMO_CREDENTIALS.projectId, keyId: SINCH_DEMO_CREDENTIALS.keyId, authMode: 'oauth2', region: 'global', baseUrl: url, authUrl: url },
});
const numbers = (count: number, base: number) => Array.from({ length: count }, (_v, i) => `+1201555${String(base + i).padStart(4, '0')}`);

/** Every request to `slowUrl` waits SLOW_DELAY_MS first. */
function factoryWithSlow(slowUrl?: string): ProviderFactory {
  const slowFetch: typeof fetch = async (input, init) => {
    await new Promise((resolve) => setTimeout(resolve, SLOW_DELAY_MS));
    return fetch(input, init);
  };
  return {
    create: (settings, secret) => settings.provider === 'sinch'
      ? new SinchProvider({ settings: settings.sinch, secret, fetch: settings.sinch.baseUrl === slowUrl ? slowFetch : undefined })
      : defaultProviderFactory.create(settings, secret),
    capabilitiesOf: defaultProviderFactory.capabilitiesOf,
    limitsOf: defaultProviderFactory.limitsOf,
  };
}

async function emulatorCount(url: string): Promise<number> {
  return ((await (await fetch(`${url}/__emulator/faxes`)).json()) as { faxes: unknown[] }).faxes.length;
}

async function reset(url: string): Promise<void> {
  await fetch(`${url}/__emulator/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
}

/** The Sinch client alone: `to.length` sends, `CONCURRENCY` at a time. */
async function providerAlone(url: string, pdfPath: string, to: string[]): Promise<number> {
  const settings = sinchSettings(url);
  if (settings.provider !== 'sinch') throw new Error('unreachable');
  const provider = new SinchProvider({ settings: settings.sinch, secret: SINCH_DEMO_CREDENTIALS.keySecret });
  await provider.testConnection();
  const document = { path: pdfPath, name: 'bench.pdf', contentType: 'application/pdf', sizeBytes: 0 };
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < to.length) await provider.send({ to: [to[next++]!], documents: [document] });
  }));
  return performance.now() - started;
}

interface Session {
  core: Core;
  dataDir: string;
  addAccount(url: string, name: string): Promise<string>;
  addDocument(): Promise<string>;
  close(): Promise<void>;
}

async function session(pdf: Uint8Array, slowUrl?: string): Promise<Session> {
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-outbox-'));
  const core = createCore({
    dataDir, secretStore: new InMemorySecretStore(), host: 'web-bridge', version: 'bench', logger: createLogger(() => {}),
    providerFactory: factoryWithSlow(slowUrl), sendConcurrency: CONCURRENCY, followIntervalMs: 60_000,
  });
  return {
    core, dataDir,
    async addAccount(url, name) {
      const added = (await core.dispatch('accounts.add', { name, secret: SINCH_DEMO_CREDENTIALS.keySecret, settings: sinchSettings(url) })) as { value: { id: string } };
      await core.dispatch('accounts.test', { id: added.value.id }); // token cached, as in steady use
      return added.value.id;
    },
    async addDocument() {
      const doc = (await core.dispatch('documents.add', { name: 'bench.pdf', bytes: new Uint8Array(pdf) })) as { value: { id: string } };
      return doc.value.id;
    },
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sends one fax per number (50 recipients per call, the contract's limit) and resolves when all are at the provider. */
async function sendAll(s: Session, accountId: string, documentId: string, to: string[]): Promise<number> {
  const pending = new Set<string>();
  const done = new Promise<void>((resolve) => {
    s.core.events.subscribe((event, payload) => {
      if (event !== 'outbox.jobChanged') return;
      const job = payload as OutboxJob;
      if (job.providerFaxId || job.state === 'failed' || job.state === 'uncertain') pending.delete(job.id);
      if (pending.size === 0 && started > 0) resolve();
    });
  });
  let started = 0;
  const t0 = performance.now();
  for (let i = 0; i < to.length; i += 50) {
    const result = (await s.core.dispatch('fax.send', { accountId, to: to.slice(i, i + 50), documentIds: [documentId] })) as { ok: boolean; value: OutboxJob[] };
    if (!result.ok) throw new Error(JSON.stringify(result));
    for (const job of result.value) pending.add(job.id);
  }
  started = 1;
  if (pending.size > 0) await done;
  return performance.now() - t0;
}

/** Resolves once `count` faxes are being submitted (requests in flight). */
async function waitUntilSubmitting(s: Session, count: number): Promise<void> {
  for (;;) {
    const listed = (await s.core.dispatch('outbox.list', {})) as { value: OutboxJob[] };
    if (listed.value.filter((job) => job.state === 'submitting').length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function main(): Promise<void> {
  const fast = await startChildEmulator('sinch', 1000);
  const slow = await startChildEmulator('sinch', 1000);
  const dir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-pdf-'));
  try {
    const pdf = await pdfBytes({ pages: 1, text: 'Faxdesk bench' });
    const pdfPath = join(dir, 'bench.pdf');
    writeFileSync(pdfPath, pdf);
    console.log(`Node ${process.version}; Sinch emulators in child processes; per-account concurrency ${CONCURRENCY}`);

    const alone: number[] = [];
    const queued: number[] = [];
    const loopMax: number[] = [];
    const loopP99: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await reset(fast.url);
      alone.push(await providerAlone(fast.url, pdfPath, numbers(FAXES, 1000)));
      await reset(fast.url);
      const s = await session(pdf);
      try {
        const accountId = await s.addAccount(fast.url, 'Bench');
        const documentId = await s.addDocument();
        const delay = monitorEventLoopDelay({ resolution: 1 });
        delay.enable();
        queued.push(await sendAll(s, accountId, documentId, numbers(FAXES, 1000)));
        delay.disable();
        loopMax.push(delay.max / 1e6);
        loopP99.push(delay.percentile(99) / 1e6);
        const held = await emulatorCount(fast.url);
        if (held !== FAXES) throw new Error(`the emulator holds ${held} faxes, expected ${FAXES}`);
      } finally {
        await s.close();
      }
    }
    console.log(`${FAXES} faxes to the emulator: Sinch client alone ${ms(median(alone))} · queued through the outbox ${ms(median(queued))} · outbox/alone ${(median(queued) / median(alone)).toFixed(2)}×   [runs alone ${alone.map(ms).join(', ')}; outbox ${queued.map(ms).join(', ')}]`);
    console.log(`  core event loop while the outbox sends them: max ${median(loopMax).toFixed(1)} ms, p99 ${median(loopP99).toFixed(1)} ms (medians of ${RUNS})`);

    const fastAlone: number[] = [];
    const fastBeside: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const withSlow of [false, true]) {
        await reset(fast.url);
        await reset(slow.url);
        const s = await session(pdf, slow.url);
        try {
          const fastId = await s.addAccount(fast.url, 'Fast');
          const slowId = withSlow ? await s.addAccount(slow.url, 'Slow') : undefined;
          const documentId = await s.addDocument();
          if (slowId) {
            const slowDone = sendAll(s, slowId, documentId, numbers(SLOW_FAXES, 5000));
            await waitUntilSubmitting(s, CONCURRENCY);
            (withSlow ? fastBeside : fastAlone).push(await sendAll(s, fastId, documentId, numbers(FAST_FAXES, 3000)));
            await slowDone;
          } else {
            fastAlone.push(await sendAll(s, fastId, documentId, numbers(FAST_FAXES, 3000)));
          }
        } finally {
          await s.close();
        }
      }
    }
    console.log(`fast account, ${FAST_FAXES} faxes: alone ${ms(median(fastAlone))} · while a slow account (every request +${SLOW_DELAY_MS} ms) has ${SLOW_FAXES} on their way ${ms(median(fastBeside))} · ratio ${(median(fastBeside) / median(fastAlone)).toFixed(2)}×   [alone ${fastAlone.map(ms).join(', ')}; beside ${fastBeside.map(ms).join(', ')}]`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await fast.stop();
    await slow.stop();
  }
}

await main();
