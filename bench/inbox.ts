/**
 * bench/inbox.ts — issue 10's figures for the inbox core:
 *  - initial sync of 20,000 received faxes at one Sinch account (emulator in a child process):
 *    time, list requests (the minimum is ⌈20000/1000⌉ = 20), peak RSS, the event loop meanwhile;
 *  - an idle poll (nothing new): requests per poll counted at the emulator (goal exactly 1), CPU ms;
 *  - search over 100,000 faxes through `inbox.list` (median and p95; goal p95 ≤ 30 ms).
 * Documents are left out of the sync figures (the faxes are injected without a stored document),
 * so the list sync itself is measured, not 20,000 downloads.
 * Sections: `npm run bench:inbox -- sync idle search` (default: all).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InboxList, InboxSyncState } from '../common/domain/inbox';
import { InMemorySecretStore } from '../main/core/accounts/secretStore';
import { composeCore, type Core } from '../main/core/app';
import { createLogger } from '../main/core/log';
import { transaction } from '../main/core/store/database';
import { SINCH_DEMO_CREDENTIALS } from '../main/emulators/sinch/constants';
import { SinchControlClient } from '../main/emulators/sinch/sinchControlClient';
import { startChildEmulator, median } from './support/childEmulator';
import { watchEventLoop } from './support/eventLoop';
import { measureMemory, peakSource } from './support/memory';

const FAXES = Number(process.env.BENCH_INBOX_FAXES ?? 20_000);
const SEARCH_ROWS = Number(process.env.BENCH_SEARCH_ROWS ?? 100_000);
const sections = process.argv.slice(2);
const wants = (name: string) => sections.length === 0 || sections.includes(name);
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!;

function startCore(dataDir: string) {
  return composeCore({
    dataDir, secretStore: new InMemorySecretStore(), host: 'web-bridge', version: 'bench', logger: createLogger(() => {}),
    inbox: { intervalMs: 3_600_000, sentEveryMs: 3_600_000 },
  });
}

async function call<T>(core: Core, channel: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Asks for a poll and resolves when the account's state says it finished. */
function poll(core: Core, accountId: string): Promise<InboxSyncState> {
  return new Promise((resolve, reject) => {
    const stop = core.events.subscribe((event, payload) => {
      const state = payload as InboxSyncState;
      if (event !== 'inbox.sync' || state.accountId !== accountId || state.state === 'syncing') return;
      stop();
      if (state.error) reject(new Error(JSON.stringify(state.error)));
      else resolve(state);
    });
    void core.dispatch('inbox.syncNow', { accountId });
  });
}

async function syncSections(): Promise<void> {
  const emulator = await startChildEmulator('sinch', 1);
  const control = new SinchControlClient(emulator.url);
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-inbox-'));
  try {
    process.stdout.write(`  injecting ${FAXES.toLocaleString('en-US')} received faxes…`);
    const tiny = Buffer.from('%PDF-1.4\n%bench\n').toString('base64');
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < FAXES) {
        const n = next++;
        await control.inbound({ from: `+1415${String(5_000_000 + n).padStart(7, '0')}`, to: '+12015550100', pages: 1 + (n % 5), documentBase64: tiny, withoutDocument: true });
      }
    }));
    console.log(' done');
    const { core } = startCore(dataDir);
    const account = await call<{ id: string }>(core, 'accounts.add', {
      name: 'Bench Sinch', secret: SINCH_DEMO_CREDENTIALS.keySecret,
      settings: { provider: 'sinch', sinch: { projectId: SINCH_DEMO_CREDENTIALS.projectId, keyId: SINCH_DEMO_CREDENTIALS.keyId, baseUrl: emulator.url, authUrl: emulator.url } },
    });
    // The account's first poll starts as it is added; the measured sync is that one.
    await control.resetRequests();
    const loop = await watchEventLoop();
    const started = performance.now();
    const { memory } = await measureMemory(async () => {
      await new Promise<void>((resolve) => {
        const stop = core.events.subscribe((event, payload) => {
          const state = payload as InboxSyncState;
          if (event === 'inbox.sync' && state.accountId === account.id && state.initialSyncDone) { stop(); resolve(); }
        });
      });
    });
    const ms = performance.now() - started;
    const delay = await loop.stop();
    const requests = await control.requests();
    const total = (await call<InboxList>(core, 'inbox.list', { limit: 1 })).total;
    const lists = requests.byRoute['GET /v3/projects/demo-project/faxes'] ?? 0;
    console.log(`initial sync: ${total.toLocaleString('en-US')} faxes stored in ${(ms / 1000).toFixed(1)} s; list requests ${lists} (minimum ${Math.ceil(FAXES / 1000)}), all requests ${requests.total}`);
    console.log(`  peak RSS ${(memory.peakRss / 1024 / 1024).toFixed(1)} MB (from ${(memory.before.rss / 1024 / 1024).toFixed(1)} MB; ${peakSource()}), peak heap ${(memory.peakHeapUsed / 1024 / 1024).toFixed(1)} MB`);
    console.log(`  event loop while syncing: max ${delay.maxMs.toFixed(1)} ms, p99 ${delay.p99Ms.toFixed(1)} ms`);

    if (wants('idle')) {
      // Two hours on, one more fax: the window then holds only it; every poll after that finds nothing new.
      await control.advance(2 * 3_600_000);
      await control.inbound({ from: '+14155550000', to: '+12015550100', withoutDocument: true });
      await poll(core, account.id);
      const perPoll: number[] = [];
      const cpu: number[] = [];
      for (let n = 0; n < 20; n++) {
        await control.resetRequests();
        const before = process.cpuUsage();
        await poll(core, account.id);
        const used = process.cpuUsage(before);
        cpu.push((used.user + used.system) / 1000);
        perPoll.push((await control.requests()).total);
      }
      console.log(`idle poll (20 polls, ${(total + 1).toLocaleString('en-US')} faxes stored): requests per poll ${[...new Set(perPoll)].join('/')} (goal 1); CPU median ${median(cpu).toFixed(1)} ms, max ${Math.max(...cpu).toFixed(1)} ms`);
    }
    await core.close();
  } finally {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const WORDS = ['Okafor', 'Smith', 'Nguyen', 'Garcia', 'Schmidt', 'Rossi', 'referral', 'lab results', 'prior authorization', 'discharge summary', 'invoice', 'records request'];

async function searchSection(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-search-'));
  try {
    const { core, services } = startCore(dataDir);
    await services.runner.stop();
    const repo = services.inbox.repo;
    const now = new Date().toISOString();
    const started = performance.now();
    for (let start = 0; start < SEARCH_ROWS; start += 5_000) {
      transaction(services.db, () => {
        for (let n = start; n < Math.min(SEARCH_ROWS, start + 5_000); n++) {
          const from = `+1${String(2_000_000_000 + ((n * 7_919) % 7_999_999_999)).padStart(10, '0')}`;
          repo.upsert({
            accountId: `acct-${n % 4}`, providerId: `P${n}`, direction: 'inbound', from, to: '+12015550100', pages: 1 + (n % 9), status: 'received',
            createdAt: new Date(Date.parse('2025-01-01T00:00:00Z') + n * 60_000).toISOString(), subject: n % 3 === 0 ? WORDS[n % WORDS.length] : undefined,
            fileNames: n % 5 === 0 ? [`scan-${n}.pdf`] : [], raw: { id: `P${n}` }, document: 'none',
          }, now);
        }
      });
    }
    console.log(`search: ${SEARCH_ROWS.toLocaleString('en-US')} faxes written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const queries = [
      ...Array.from({ length: 60 }, (_, n) => String(1_000 + ((n * 137) % 9_000))), // last four digits
      ...Array.from({ length: 40 }, (_, n) => WORDS[n % WORDS.length]!.slice(0, 4 + (n % 3))), // words as typed
      ...Array.from({ length: 30 }, (_, n) => `(201) ${String(100 + n * 7).padStart(3, '0')}`), // a number as written
      ...Array.from({ length: 20 }, (_, n) => `scan-${n * 4_000}`),
    ];
    const times: number[] = [];
    for (const text of [...queries, ...queries]) {
      const begin = performance.now();
      await call<InboxList>(core, 'inbox.list', { text, limit: 200 });
      times.push(performance.now() - begin);
    }
    const measured = times.slice(queries.length); // the second round: statements prepared, pages cached
    console.log(`  inbox.list with text over ${SEARCH_ROWS.toLocaleString('en-US')} faxes (${queries.length} queries: last four digits, words, numbers as written, file names; 200 rows each, total counted):`);
    console.log(`  median ${median(measured).toFixed(1)} ms, p95 ${p95(measured).toFixed(1)} ms (goal ≤ 30 ms), max ${Math.max(...measured).toFixed(1)} ms`);
    const plain: number[] = [];
    for (let n = 0; n < 50; n++) {
      const begin = performance.now();
      await call<InboxList>(core, 'inbox.list', { view: n % 2 ? 'needs_review' : 'all', unread: n % 3 === 0, offset: n * 200, limit: 200 });
      plain.push(performance.now() - begin);
    }
    console.log(`  views without text (all / needs review / unread, 200 rows, total counted): median ${median(plain).toFixed(1)} ms, p95 ${p95(plain).toFixed(1)} ms`);
    await core.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`inbox bench on Node ${process.version}, load average ${(await import('node:os')).loadavg().map((n) => n.toFixed(2)).join(' ')}`);
if (wants('sync') || wants('idle')) await syncSections();
if (wants('search')) await searchSection();
