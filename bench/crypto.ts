/**
 * bench/crypto.ts — issue 13's cost of encryption at rest, on real files in a temp folder:
 * a 20 MB document written (temp name, fsync, rename — as the store writes) and read back whole,
 * and one 64 KiB range from its middle (what pdf.js asks for first), sealed (AES-256-GCM in 64 KiB
 * chunks, crypto/sealedFiles.ts) against the same work on the plain file in the same run. Median
 * of BENCH_CRYPTO_RUNS (7) each, the ratio, throughput, and the event loop's longest stall while
 * the sealed reads and writes ran (the core's budget is 50 ms).
 */
import { createCipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SealedFiles } from '../main/core/crypto/sealedFiles';
import { watchEventLoop, type EventLoopFigures } from './support/eventLoop';

const RUNS = Number(process.env.BENCH_CRYPTO_RUNS ?? 7);
const SIZE = Number(process.env.BENCH_CRYPTO_BYTES ?? 20 * 1024 * 1024);
const RANGE = { start: Math.floor(SIZE / 2), end: Math.floor(SIZE / 2) + 64 * 1024 - 1 };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The plain peer of SealedFiles.write: the same temp name, fsync and rename, without sealing. */
async function writePlain(path: string, bytes: Buffer): Promise<void> {
  const temp = `${path}.${randomUUID()}`;
  const handle = await open(temp, 'wx', 0o600);
  for (let at = 0; at < bytes.length; at += 1024 * 1024) await handle.write(bytes, at, Math.min(1024 * 1024, bytes.length - at));
  await handle.sync();
  await handle.close();
  await rename(temp, path);
}

async function drain(source: AsyncIterable<Buffer | string>): Promise<string> {
  const hash = createHash('sha256');
  for await (const part of source) hash.update(part);
  return hash.digest('hex');
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-crypto-'));
  const key = randomBytes(32);
  const files = new SealedFiles(async () => key);
  const bytes = randomBytes(SIZE);
  const digest = createHash('sha256').update(bytes).digest('hex');
  const plainPath = join(dir, 'plain.pdf');
  const sealedPath = join(dir, 'sealed.pdf');
  const figures = { writePlain: [] as number[], writeSealed: [] as number[], readPlain: [] as number[], readSealed: [] as number[], rangePlain: [] as number[], rangeSealed: [] as number[] };
  let loop: EventLoopFigures = { maxMs: 0, p99Ms: 0 };
  try {
    for (let run = 0; run < RUNS; run++) {
      figures.writePlain.push(await timed(() => writePlain(plainPath, bytes)));
      const watch = await watchEventLoop();
      figures.writeSealed.push(await timed(() => files.write(sealedPath, bytes)));
      figures.readPlain.push(await timed(async () => { if (await drain(createReadStream(plainPath, { highWaterMark: 1024 * 1024 })) !== digest) throw new Error('plain read differs'); }));
      figures.readSealed.push(await timed(async () => { if (await drain(files.chunks(sealedPath)) !== digest) throw new Error('sealed read differs'); }));
      figures.rangePlain.push(await timed(() => drain(createReadStream(plainPath, RANGE))));
      figures.rangeSealed.push(await timed(() => drain(files.chunks(sealedPath, RANGE))));
      const stalls = await watch.stop();
      loop = { maxMs: Math.max(loop.maxMs, stalls.maxMs), p99Ms: Math.max(loop.p99Ms, stalls.p99Ms) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const mb = SIZE / 1024 / 1024;
  const line = (what: string, plain: number[], sealed: number[], throughput = true) => {
    const [p, s] = [median(plain), median(sealed)];
    const rate = throughput ? `  (${(mb / (p / 1000)).toFixed(0)} vs ${(mb / (s / 1000)).toFixed(0)} MB/s)` : '';
    console.log(`${what.padEnd(28)} plain ${p.toFixed(1).padStart(7)} ms   sealed ${s.toFixed(1).padStart(7)} ms   ratio ${(s / p).toFixed(2)}×${rate}`);
  };
  console.log(`encryption at rest: a ${mb.toFixed(0)} MB document, median of ${RUNS} runs (Node ${process.version})`);
  line('write (temp, fsync, rename)', figures.writePlain, figures.writeSealed);
  line('read whole (SHA-256 of it)', figures.readPlain, figures.readSealed);
  line('read a 64 KiB range', figures.rangePlain, figures.rangeSealed, false);
  // What this CPU's AES-256-GCM costs alone, in memory, in the same 64 KiB chunks: the floor under the sealed figures.
  const cipherMs = median(Array.from({ length: RUNS }, () => {
    const start = process.hrtime.bigint();
    for (let at = 0; at < bytes.length; at += 65_536) {
      const cipher = createCipheriv('aes-256-gcm', key, randomBytes(12));
      cipher.update(bytes.subarray(at, at + 65_536));
      cipher.final();
    }
    return Number(process.hrtime.bigint() - start) / 1e6;
  }));
  console.log(`AES-256-GCM alone (64 KiB chunks, in memory)  ${cipherMs.toFixed(1)} ms  (${(mb / (cipherMs / 1000)).toFixed(0)} MB/s on this CPU)`);
  console.log(`event loop while sealing and reading: longest stall ${loop.maxMs.toFixed(1)} ms, p99 ${loop.p99Ms.toFixed(1)} ms (budget 50 ms)`);
}

await main();
