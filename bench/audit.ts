/**
 * bench/audit.ts — issue 13's audit log figures, on a real SQLite file (WAL, as the app opens it):
 *  - record(): median and p95 µs per entry over 10,000 entries, each its own transaction as a
 *    handler writes it, against a peer in the same run: a plain INSERT of the same row into a table
 *    without triggers or chain (what the hash chain and head lookup cost);
 *  - verify() over 100,000 entries (median of 3), the first page of the list, and a CSV export of
 *    all; verify and export walk in pages and yield, so the event loop's longest stall is given too
 *    (the core's budget is 50 ms).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog, type AuditNote } from '../main/core/audit/auditLog';
import { openDatabase } from '../main/core/store/database';
import { MetaRepo } from '../main/core/store/metaRepo';
import { watchEventLoop } from './support/eventLoop';

const RECORDS = Number(process.env.BENCH_AUDIT_RECORDS ?? 10_000);
const VERIFY = Number(process.env.BENCH_AUDIT_VERIFY ?? 100_000);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) => sorted(values)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!;
const us = (ns: bigint) => Number(ns) / 1_000;
const ms = (ns: bigint) => Number(ns) / 1_000_000;

function timed<T>(work: () => T): { value: T; ns: bigint } {
  const start = process.hrtime.bigint();
  const value = work();
  return { value, ns: process.hrtime.bigint() - start };
}

async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; ns: bigint }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { value, ns: process.hrtime.bigint() - start };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'faxdesk-bench-audit-'));
  const db = openDatabase(join(dir, 'faxdesk.sqlite'));
  try {
    const log = new AuditLog({ db, meta: new MetaRepo(db), osUser: 'frontdesk' });
    log.setProfile('JD');
    const note = (i: number): AuditNote => ({ action: 'viewed', target: { type: 'fax', id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }, detail: { pages: 3 } });

    // The peer: the same row, plain INSERT, no chain, no triggers, its own transaction each.
    db.exec(`CREATE TABLE peer_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, os_user TEXT NOT NULL, profile TEXT, action TEXT NOT NULL,
      target_type TEXT, target_id TEXT, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)`);
    const peer = db.prepare(`INSERT INTO peer_log (at, os_user, profile, action, target_type, target_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const recordNs: number[] = [];
    const peerNs: number[] = [];
    for (let i = 0; i < RECORDS; i++) {
      const n = note(i);
      recordNs.push(us(timed(() => log.record(n.action, n.target, n.detail)).ns));
      peerNs.push(us(timed(() => {
        db.exec('BEGIN IMMEDIATE');
        peer.run(new Date().toISOString(), 'frontdesk', 'JD', n.action, 'fax', n.target!.id, 'pages=3', '0'.repeat(64), '0'.repeat(64));
        db.exec('COMMIT');
      }).ns));
    }
    console.log(`audit record(): ${RECORDS.toLocaleString()} entries, each its own transaction`);
    console.log(`  record()      median ${median(recordNs).toFixed(1)} µs, p95 ${p95(recordNs).toFixed(1)} µs`);
    console.log(`  plain INSERT  median ${median(peerNs).toFixed(1)} µs, p95 ${p95(peerNs).toFixed(1)} µs (peer: same row, no chain)`);
    console.log(`  ratio         ${(median(recordNs) / median(peerNs)).toFixed(2)}× the plain insert`);

    // Up to VERIFY entries, in batches (a bulk action's path).
    const fill = timed(() => {
      for (let have = RECORDS; have < VERIFY; have += 1_000) log.recordAll(Array.from({ length: Math.min(1_000, VERIFY - have) }, (_v, i) => note(have + i)));
    });
    console.log(`audit log of ${VERIFY.toLocaleString()} entries (filled in batches of 1,000: ${ms(fill.ns).toFixed(0)} ms)`);
    const loop = await watchEventLoop();
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await timedAsync(() => log.verify()));
    const verifyLoop = await loop.stop();
    const result = runs[0]!.value;
    if (!result.ok || result.entries !== VERIFY) throw new Error(`verify: ${JSON.stringify(result)}`);
    console.log(`  verify()      median ${median(runs.map((r) => ms(r.ns))).toFixed(0)} ms (${runs.map((r) => ms(r.ns).toFixed(0)).join(', ')}) — intact, ${result.entries.toLocaleString()} entries; event loop: longest stall ${verifyLoop.maxMs.toFixed(0)} ms`);
    const page = timed(() => log.list({ limit: 50, offset: 0 }));
    console.log(`  list(), first page of 50: ${ms(page.ns).toFixed(1)} ms (total ${page.value.total.toLocaleString()})`);
    const exportLoop = await watchEventLoop();
    const csv = await timedAsync(() => log.exportCsv('2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z'));
    const exportStall = await exportLoop.stop();
    console.log(`  exportCsv() of all: ${ms(csv.ns).toFixed(0)} ms, ${(csv.value.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; event loop: longest stall ${exportStall.maxMs.toFixed(0)} ms`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
