/**
 * bench/inboxSyncCrypto.ts — issue 13: the inbox's initial sync of 2,000 received faxes, each with
 * its document (a real one-page PDF), with encryption at rest on (as Faxdesk runs) and off, in the
 * same run, alternating. "Off" is made here only: SealedFiles' three primitives (write, size, read)
 * are swapped for plain file I/O in this process, so everything else — the emulator over HTTP, the
 * downloads, the page counts in the worker pool, SQLite — is the same work. The product has no off.
 * Timed from adding the account until every document is stored; median of BENCH_SYNC_RUNS (3) each.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { open, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { InMemorySecretStore } from '../main/core/accounts/secretStore';
import { composeCore } from '../main/core/app';
import { SealedFiles, type ByteRange } from '../main/core/crypto/sealedFiles';
import { createLogger } from '../main/core/log';
import { SINCH_DEMO_CREDENTIALS } from '../main/emulators/sinch/constants';
import { SinchControlClient } from '../main/emulators/sinch/sinchControlClient';
import { median, startChildEmulator } from './support/childEmulator';
import { watchEventLoop } from './support/eventLoop';

const FAXES = Number(process.env.BENCH_SYNC_FAXES ?? 2_000);
const RUNS = Number(process.env.BENCH_SYNC_RUNS ?? 3);

/** The plain primitives, swapped in for the "off" runs and back. */
const sealed = {
  write: SealedFiles.prototype.write, plainSize: SealedFiles.prototype.plainSize, chunks: SealedFiles.prototype.chunks,
};
const plain: Pick<SealedFiles, 'write' | 'plainSize' | 'chunks'> = {
  async write(path, source) {
    const temp = `${path}.plain-${randomUUID()}`;
    const handle = await open(temp, 'wx', 0o600);
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      for await (const piece of source instanceof Uint8Array ? [source] : source) {
        hash.update(piece);
        bytes += piece.length;
        await handle.write(piece);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    return { bytes, sha256: hash.digest('hex') };
  },
  async plainSize(path) {
    return (await stat(path).catch(() => undefined))?.size;
  },
  async *chunks(path: string, range?: ByteRange) {
    for await (const part of createReadStream(path, { start: range?.start, end: range?.end, highWaterMark: 1024 * 1024 })) yield part as Buffer;
  },
};
const encryption = (on: boolean) => Object.assign(SealedFiles.prototype, on ? sealed : plain);

async function onePagePdf(): Promise<string> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]).drawText('Bench fax, page 1', { x: 72, y: 700, size: 14 });
  return Buffer.from(await doc.save()).toString('base64');
}

async function syncOnce(emulatorUrl: string, on: boolean): Promise<{ ms: number; loopMax: number }> {
  encryption(on);
  const dataDir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-sync-crypto-'));
  const { core, services } = composeCore({
    dataDir, secretStore: new InMemorySecretStore(), host: 'web-bridge', version: 'bench', logger: createLogger(() => {}),
    inbox: { intervalMs: 3_600_000, sentEveryMs: 3_600_000 },
  });
  const loop = await watchEventLoop();
  const started = performance.now();
  try {
    const added = await core.dispatch('accounts.add', {
      name: 'Bench Sinch', secret: SINCH_DEMO_CREDENTIALS.keySecret,
      settings: { provider: 'sinch', sinch: { projectId: SINCH_DEMO_CREDENTIALS.projectId, keyId: SINCH_DEMO_CREDENTIALS.keyId, baseUrl: emulatorUrl, authUrl: emulatorUrl } },
    });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    const ready = services.db.prepare("SELECT COUNT(*) AS n FROM faxes WHERE document_state = 'ready'");
    const failed = services.db.prepare("SELECT COUNT(*) AS n FROM faxes WHERE document_state = 'unavailable'");
    for (;;) {
      const n = (ready.get() as { n: number }).n;
      if (n >= FAXES) break;
      if ((failed.get() as { n: number }).n > 0) throw new Error('a document could not be stored');
      if (performance.now() - started > 20 * 60_000) throw new Error(`only ${n} of ${FAXES} documents after 20 min`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { ms: performance.now() - started, loopMax: (await loop.stop()).maxMs };
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
    encryption(true);
  }
}

async function main(): Promise<void> {
  const emulator = await startChildEmulator('sinch', 1);
  try {
    const control = new SinchControlClient(emulator.url);
    const documentBase64 = await onePagePdf();
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < FAXES) {
        const n = next++;
        await control.inbound({ from: `+1415${String(5_000_000 + n).padStart(7, '0')}`, to: '+12015550100', pages: 1, documentBase64 });
      }
    }));
    const times: Record<'on' | 'off', number[]> = { on: [], off: [] };
    const stalls: Record<'on' | 'off', number[]> = { on: [], off: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const mode of run % 2 === 0 ? ['on', 'off'] as const : ['off', 'on'] as const) {
        const { ms, loopMax } = await syncOnce(emulator.url, mode === 'on');
        times[mode].push(ms);
        stalls[mode].push(loopMax);
        console.log(`  run ${run + 1} encryption ${mode}: ${(ms / 1000).toFixed(1)} s, event loop max ${loopMax.toFixed(0)} ms`);
      }
    }
    const on = median(times.on);
    const off = median(times.off);
    console.log(`inbox initial sync of ${FAXES.toLocaleString('en-US')} faxes with documents (median of ${RUNS}): encryption on ${(on / 1000).toFixed(1)} s, off ${(off / 1000).toFixed(1)} s, ratio ${(on / off).toFixed(2)}; event loop max on ${median(stalls.on).toFixed(0)} ms, off ${median(stalls.off).toFixed(0)} ms`);
  } finally {
    await emulator.stop();
  }
}

await main();
