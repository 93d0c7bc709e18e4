/**
 * bench/documents.ts — the figures of issue 7 ("What must be shown"), each section side by side
 * with its peer in the same run:
 *  merge    (a) ten mixed files normalised and merged into one 200-page fax through the core: time,
 *           peak RSS (VmHWM, a fresh process per run) and the core's event-loop delay (goal < 50 ms);
 *           (b) the same merge with qpdf where installed (ratio).
 *  preview  (c) time to the first preview page of a 200-page PDF in Chromium through the real
 *           renderer and the dev bridge, vs pdf.js alone on a bare page (goal ≤ 1.1×).
 *  send     (d) the core's memory while 100 MB of attachments go renderer → bridge upload → core →
 *           Sinch emulator (a child process), vs the official Sinch SDK sending the same files
 *           (goal: growth under 20% of the bytes sent).
 *  events   the core's event loop while one corpus PDF is added, worker pool vs main thread.
 * The processes that are measured (runs, the bridge host) load only the core: what the parent alone
 * uses (Playwright, the Sinch SDK, pdf-lib for fixtures, pdf.js on the main thread) is imported where used.
 * Runs built (out/bench/documents.js, after `npm run build:web` for the renderer):
 * `npm run bench:documents`, or `npm run bench:documents -- merge preview` for some sections only.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventLoopSection } from './documents/eventLoopSection';
import { mergeChild, mergeSection } from './documents/mergeSection';
import { previewSection } from './documents/previewSection';
import { sdkSendChild, sendPathSection } from './documents/sendPathSection';
import { runBridgeHost } from './support/bridgeHost';
import { startChildEmulator } from './support/childEmulator';

const SECTIONS = ['merge', 'preview', 'send', 'events'] as const;

/** The machine is shared: a load above its cores stretches every time and event-loop figure. */
const load = () => `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
type Section = (typeof SECTIONS)[number];

// Built as out/bench/documents.js: the repository is two folders up, the shared corpus beside it.
const corpusDir = resolve(import.meta.dirname, '../../../shared/corpus/pdf-samples');
const corpus = existsSync(join(corpusDir, 'files.json')) ? corpusDir : undefined;

async function main(asked: string[]): Promise<void> {
  const unknown = asked.filter((name) => !SECTIONS.includes(name as Section));
  if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  const sections = new Set<Section>(asked.length > 0 ? (asked as Section[]) : SECTIONS);
  console.log(`bench/documents on Node ${process.version}; corpus ${corpus ?? 'absent (generated PDFs stand in)'}; ${load()}`);
  const workDir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-documents-'));
  const sinch = await startChildEmulator('sinch');
  const welkin = await startChildEmulator('welkin');
  try {
    const run: Record<Section, () => Promise<void>> = {
      merge: () => mergeSection({ entryUrl: import.meta.url, sinchUrl: sinch.url, welkinUrl: welkin.url, corpus, workDir }),
      preview: () => previewSection(import.meta.url, workDir),
      send: () => sendPathSection(import.meta.url, sinch.url, workDir),
      events: () => eventLoopSection(corpus),
    };
    for (const section of SECTIONS.filter((name) => sections.has(name))) {
      await run[section]();
      console.log(`  (${load()} at the end of this section)`);
    }
  } finally {
    await sinch.stop();
    await welkin.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--bridge-host') await runBridgeHost(args[1]!);
else if (args[0] === '--sdk-child') await sdkSendChild(args[1]!, args.slice(2));
else if (args[0] === '--merge-child') await mergeChild(args[1]!, args[2]!, args[3]!, args[4] ?? '');
else await main(args);
