import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemorySecretStore } from '../../main/core/accounts/secretStore';
import { createCore, type Core } from '../../main/core/app';
import { createLogger } from '../../main/core/log';
import { median } from '../support/childEmulator';
import { watchEventLoop, type EventLoopFigures } from '../support/eventLoop';
import { InlineTaskRunner } from '../support/inlineTaskRunner';

/**
 * The core's event loop while one document is added (read by pdf.js for its page count and
 * checks), with pdf.js in the worker pool (the app) and on the main thread (the old path), side by
 * side. The document is the largest PDF of the corpus the core accepts, then the longest.
 */

const RUNS = 7;

interface CorpusEntry { path?: string; pages?: number; encrypted?: boolean }
type Figures = EventLoopFigures & { ms: number };
type Path = 'pool' | 'main thread';

function corpusEntries(corpus: string): Array<{ name: string; bytes: number; pages: number }> {
  const listed = JSON.parse(readFileSync(join(corpus, 'files.json'), 'utf8')) as { data?: CorpusEntry[] } | CorpusEntry[];
  return (Array.isArray(listed) ? listed : listed.data ?? [])
    .filter((entry) => entry.path?.endsWith('.pdf') && !entry.encrypted && existsSync(join(corpus, entry.path)))
    .map((entry) => ({ name: entry.path!, bytes: statSync(join(corpus, entry.path!)).size, pages: entry.pages ?? 0 }));
}

async function startCore(path: Path): Promise<{ core: Core; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-docs-'));
  // Imported here: it loads pdf.js on this thread, which the other sections' processes must not carry.
  const tasks = path === 'main thread' ? new InlineTaskRunner((await import('../../main/core/workers/coreTasks')).coreTasks) : undefined;
  const core = createCore({
    dataDir, secretStore: new InMemorySecretStore(), host: 'web-bridge', version: 'bench', logger: createLogger(() => {}), tasks,
  });
  return { core, close: async () => { await core.close(); rmSync(dataDir, { recursive: true, force: true }); } };
}

/** One `documents.add` of `bytes`, with the event loop's delay while it ran. */
async function addOnce(core: Core, name: string, bytes: Uint8Array): Promise<Figures & { ok: boolean; detail: string }> {
  const input = new Uint8Array(bytes); // the core may take over the buffer it is given, as with IPC
  const loop = await watchEventLoop();
  const started = performance.now();
  const result = (await core.dispatch('documents.add', { name, bytes: input })) as { ok: boolean; value?: { id: string; pages: number }; error?: { message: string } };
  const ms = performance.now() - started;
  const delay = await loop.stop();
  if (result.ok) await core.dispatch('documents.remove', { id: result.value!.id });
  return { ok: result.ok, detail: result.ok ? `${result.value!.pages} pages` : result.error!.message, ...delay, ms };
}

/** The largest PDF the core accepts (the largest of all may be one it refuses at once), and the longest. */
async function chooseDocuments(corpus: string): Promise<string[]> {
  const chooser = await startCore('pool');
  try {
    const accepted = async (name: string) => (await addOnce(chooser.core, name, readFileSync(join(corpus, name)))).ok;
    const entries = corpusEntries(corpus);
    const chosen: string[] = [];
    for (const order of [(a: { bytes: number }, b: { bytes: number }) => b.bytes - a.bytes, (a: { pages: number }, b: { pages: number }) => b.pages - a.pages]) {
      for (const entry of [...entries].sort(order)) {
        if (await accepted(entry.name)) { chosen.push(entry.name); break; }
        console.log(`  skipped ${entry.name}: the core refuses it`);
      }
    }
    return [...new Set(chosen)];
  } finally {
    await chooser.close();
  }
}

export async function eventLoopSection(corpus: string | undefined): Promise<void> {
  console.log(`\ndocuments.add: the core's event-loop delay while one PDF is added, worker pool vs main thread (goal: max < 50 ms)`);
  if (!corpus) {
    console.log('  the real-world PDF corpus (../shared/corpus/pdf-samples) is absent; it is not part of the repository: section skipped.');
    return;
  }
  const documents = await chooseDocuments(corpus);
  const cores = { pool: await startCore('pool'), 'main thread': await startCore('main thread') } satisfies Record<Path, unknown>;
  const row = (label: string, path: Path, figures: Figures) =>
    console.log(`  ${label.padEnd(14)} ${path.padEnd(12)} event-loop max ${figures.maxMs.toFixed(1).padStart(6)} ms · p99 ${figures.p99Ms.toFixed(1).padStart(6)} ms · add ${figures.ms.toFixed(0).padStart(5)} ms`);
  try {
    for (const [index, name] of documents.entries()) {
      const bytes = new Uint8Array(readFileSync(join(corpus, name)));
      const facts = await addOnce(cores.pool.core, name, bytes);
      console.log(`  ${name} (${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${facts.detail})`);
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
