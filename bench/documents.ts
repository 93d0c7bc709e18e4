/**
 * bench/documents.ts — the core's event loop while a document is added (today: read by pdf.js for
 * its page count and checks), with pdf.js in the worker pool (the app) and on the main thread (the
 * old path), side by side in one run. The document is the largest PDF of the real-world corpus
 * (../shared/corpus/pdf-samples, listed in its files.json) that the core accepts.
 *
 * Figures per path: event-loop delay (perf_hooks.monitorEventLoopDelay, 1 ms resolution) max and
 * p99 over one `documents.add`, and its time; first the cold add (pdf.js not yet loaded), then the
 * median of warm runs. Goal (DESIGN §8): max under 50 ms. Run: `npm run bench:documents`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { InMemorySecretStore } from '../main/core/accounts/secretStore';
import { createCore, type Core } from '../main/core/app';
import { createLogger } from '../main/core/log';
import { coreTasks } from '../main/core/workers/coreTasks';
import { median } from './support/childEmulator';
import { InlineTaskRunner } from './support/inlineTaskRunner';

const RUNS = 7;
// Built as out/bench/documents.js: the repository is two folders up, the shared corpus beside it.
const corpus = resolve(import.meta.dirname, '../../../shared/corpus/pdf-samples');

interface CorpusEntry { path?: string; pages?: number; encrypted?: boolean }
interface Figures { maxMs: number; p99Ms: number; ms: number }
type Path = 'pool' | 'main thread';

function corpusEntries(): Array<{ name: string; bytes: number; pages: number }> {
  const listed = JSON.parse(readFileSync(join(corpus, 'files.json'), 'utf8')) as { data?: CorpusEntry[] } | CorpusEntry[];
  return (Array.isArray(listed) ? listed : listed.data ?? [])
    .filter((entry) => entry.path?.endsWith('.pdf') && !entry.encrypted && existsSync(join(corpus, entry.path)))
    .map((entry) => ({ name: entry.path!, bytes: statSync(join(corpus, entry.path!)).size, pages: entry.pages ?? 0 }));
}

/** The largest PDF the core accepts (the largest of all may be one it refuses at once), and the longest. */
async function chooseDocuments(): Promise<string[]> {
  const chooser = startCore('pool');
  try {
    const accepted = async (name: string) => (await addOnce(chooser.core, name, readFileSync(join(corpus, name)))).ok;
    const entries = corpusEntries();
    const chosen: string[] = [];
    for (const order of [(a: { bytes: number }, b: { bytes: number }) => b.bytes - a.bytes, (a: { pages: number }, b: { pages: number }) => b.pages - a.pages]) {
      for (const entry of [...entries].sort(order)) {
        if (await accepted(entry.name)) { chosen.push(entry.name); break; }
        console.log(`skipped ${entry.name}: the core refuses it`);
      }
    }
    return [...new Set(chosen)];
  } finally {
    await chooser.close();
  }
}

function startCore(path: Path): { core: Core; close(): Promise<void> } {
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-docs-'));
  const core = createCore({
    dataDir, secretStore: new InMemorySecretStore(), host: 'web-bridge', version: 'bench',
    logger: createLogger(() => {}), tasks: path === 'main thread' ? new InlineTaskRunner(coreTasks) : undefined,
  });
  return { core, close: async () => { await core.close(); rmSync(dataDir, { recursive: true, force: true }); } };
}

/** One `documents.add` of `bytes`, with the event loop's delay while it ran. */
async function addOnce(core: Core, name: string, bytes: Uint8Array): Promise<Figures & { ok: boolean; detail: string }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const input = new Uint8Array(bytes); // the core may take over the buffer it is given, as with IPC
  await new Promise((r) => setTimeout(r, 20)); // let the loop settle before the histogram starts
  histogram.enable();
  const started = performance.now();
  const result = (await core.dispatch('documents.add', { name, bytes: input })) as { ok: boolean; value?: { id: string; pages: number }; error?: { message: string } };
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 5)); // a stall at the very end is recorded on the next turn
  histogram.disable();
  if (result.ok) await core.dispatch('documents.remove', { id: result.value!.id });
  return {
    ok: result.ok, detail: result.ok ? `${result.value!.pages} pages` : result.error!.message,
    maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, ms,
  };
}

async function main(): Promise<void> {
  if (!existsSync(join(corpus, 'files.json'))) {
    console.log(`The real-world PDF corpus is absent (${corpus}/files.json not found); it is not part of the repository. Nothing measured.`);
    return;
  }
  const documents = await chooseDocuments();
  const cores = { pool: startCore('pool'), 'main thread': startCore('main thread') } satisfies Record<Path, unknown>;
  const row = (label: string, path: Path, figures: Figures) =>
    console.log(`  ${label.padEnd(14)} ${path.padEnd(12)} event-loop max ${figures.maxMs.toFixed(1).padStart(6)} ms · p99 ${figures.p99Ms.toFixed(1).padStart(6)} ms · add ${figures.ms.toFixed(0).padStart(5)} ms`);
  try {
    console.log(`documents.add: the core's event-loop delay while it runs (goal: max < 50 ms); Node ${process.version}`);
    for (const [index, name] of documents.entries()) {
      const bytes = new Uint8Array(readFileSync(join(corpus, name)));
      const facts = await addOnce(cores.pool.core, name, bytes);
      console.log(`${name} (${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${facts.detail})`);
      // The first add of each core: the pool starts its thread; the main thread loads pdf.js.
      if (index === 0) row('cold', 'pool', facts);
      if (index === 0) row('cold', 'main thread', await addOnce(cores['main thread'].core, name, bytes));
      const warm: Record<Path, Figures[]> = { pool: [], 'main thread': [] };
      for (let run = 0; run < RUNS; run++) {
        for (const path of ['pool', 'main thread'] as const) warm[path].push(await addOnce(cores[path].core, name, bytes));
      }
      const medians = (path: Path): Figures => ({
        maxMs: median(warm[path].map((f) => f.maxMs)), p99Ms: median(warm[path].map((f) => f.p99Ms)), ms: median(warm[path].map((f) => f.ms)),
      });
      for (const path of ['pool', 'main thread'] as const) row(`warm, median ${RUNS}`, path, medians(path));
      const maxima = (path: Path) => warm[path].map((f) => f.maxMs.toFixed(0)).join(', ');
      console.log(`  event-loop max per warm run: pool ${maxima('pool')} ms · main thread ${maxima('main thread')} ms`);
    }
  } finally {
    await cores.pool.close();
    await cores['main thread'].close();
  }
}

await main();
