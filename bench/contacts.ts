/**
 * bench/contacts.ts — issue 9's address-book figures:
 *  - importing 10,000 contacts from an Outlook-shaped CSV through `contacts.importPreview` (parsed in
 *    the worker pool) and `contacts.import` (one transaction): time of each step, peak RSS of the
 *    process (worker threads included), the main thread's event loop meanwhile;
 *  - search-as-you-type over those 10,000 contacts through `contacts.search`, the recipient field's
 *    call: every prefix of names, organisations and numbers typed one key at a time (median and p95
 *    per keystroke; goal p95 well under one frame of typing, ≤ 16 ms).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportPreview } from '../common/domain/contact';
import { InMemorySecretStore } from '../main/core/accounts/secretStore';
import { composeCore, type Core } from '../main/core/app';
import { createLogger } from '../main/core/log';
import { median } from './support/childEmulator';
import { watchEventLoop } from './support/eventLoop';
import { measureMemory, peakSource } from './support/memory';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 10_000);
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function call<T>(core: Core, channel: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const FIRST = ['Amelia', 'Chidi', 'Märta', 'José', 'Priya', 'Wei', 'Helena', 'Tom', 'Sofia', 'Noah', 'Jürgen', 'Aiko'];
const LAST = ['Okafor', 'Ångström', 'Núñez', 'Natarajan', 'Li', 'Kowalska', 'Baker', 'Marín', 'Schmidt', 'Weiß', 'Yamada', 'Brown'];
const ORG = ['Riverside Cardiology', 'Hudson Imaging', 'Summit Orthopaedics', 'Eastside Pharmacy', 'North Clinic', 'Baker Street Clinic'];

/** An Outlook contacts export of `n` people, a tenth of them without a fax number (skipped with a reason). */
function outlookCsv(n: number): Uint8Array {
  const lines = ['"First Name","Middle Name","Last Name","Company","Business Fax","Business Phone","Notes"'];
  for (let i = 0; i < n; i += 1) {
    const fax = i % 10 === 9 ? '' : `(${201 + (i % 7)}) 555-${String(i % 10_000).padStart(4, '0')}`;
    lines.push(`"${FIRST[i % FIRST.length]}","","${LAST[(i * 7) % LAST.length]} ${i}","${ORG[i % ORG.length]} ${i % 300}","${fax}","(201) 555-0100","Row ${i}"`);
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-contacts-'));
  const { core } = composeCore({ dataDir, secretStore: new InMemorySecretStore(), host: 'web-bridge', version: 'bench', logger: createLogger(() => {}) });
  try {
    const file = outlookCsv(CONTACTS);
    console.log(`contacts import: ${CONTACTS} rows, ${mb(file.byteLength)} CSV (Outlook shape), memory peak from ${peakSource()}`);
    const loop = await watchEventLoop();
    const { result, memory } = await measureMemory(async () => {
      const t0 = performance.now();
      const preview = await call<ImportPreview>(core, 'contacts.importPreview', { name: 'outlook.csv', bytes: file });
      const t1 = performance.now();
      const { imported } = await call<{ imported: number }>(core, 'contacts.import', { previewId: preview.previewId });
      const t2 = performance.now();
      return { preview, imported, previewMs: t1 - t0, importMs: t2 - t1 };
    });
    const events = await loop.stop();
    console.log(`  preview (parse in the worker pool, check against the book): ${result.previewMs.toFixed(0)} ms — ${result.preview.rowCount} to import, ${result.preview.skippedCount} skipped`);
    console.log(`  import (one transaction): ${result.importMs.toFixed(0)} ms — ${result.imported} contacts`);
    console.log(`  total ${(result.previewMs + result.importMs).toFixed(0)} ms; peak RSS ${mb(memory.peakRss)} (from ${mb(memory.before.rss)}), peak heap ${mb(memory.peakHeapUsed)}`);
    console.log(`  main-thread event loop meanwhile: max ${events.maxMs.toFixed(0)} ms, p99 ${events.p99Ms.toFixed(0)} ms (the commit is one synchronous transaction)`);

    // A person typing: each prefix of a name, an organisation, a number typed as digits, one call per key.
    const typed = ['Okafor 12', 'Riverside Card', 'Märta', 'Hudson Imaging 2', '201 555 0', '0140', 'Summit Ortho', 'Weiß', 'josé nú', '(203) 555-1'];
    const times: number[] = [];
    let results = 0;
    for (let round = 0; round < 3; round += 1) {
      for (const word of typed) {
        for (let k = 1; k <= word.length; k += 1) {
          const t = performance.now();
          const found = await call<unknown[]>(core, 'contacts.search', { text: word.slice(0, k), limit: 8 });
          times.push(performance.now() - t);
          results += found.length;
        }
      }
    }
    console.log(`search-as-you-type over ${result.imported} contacts (contacts.search through the dispatcher, ${times.length} keystrokes, ${(results / times.length).toFixed(1)} results each):`);
    console.log(`  median ${median(times).toFixed(2)} ms, p95 ${p95(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms per keystroke (goal p95 ≤ 16 ms)`);
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
