import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditQuerySchema, AuditRangeSchema } from '../../common/domain/audit';
import { AuditLog } from '../../main/core/audit/auditLog';
import { csvField } from '../../main/core/audit/auditCsv';
import { hashEntry, type AuditRow } from '../../main/core/audit/auditChain';
import { openDatabase, type Database } from '../../main/core/store/database';
import { MetaRepo } from '../../main/core/store/metaRepo';

/**
 * The audit log on a real SQLite file: the hash chain, the triggers that keep it append-only, and
 * what Verify says when someone with the file drops the triggers and edits or removes rows.
 */
let dir: string;
let file: string;
let db: Database;
let clock: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'faxdesk-audit-'));
  file = join(dir, 'faxdesk.sqlite');
  db = openDatabase(file);
  clock = Date.parse('2026-03-01T09:00:00.000Z');
});
afterEach(() => { if (db.isOpen) db.close(); rmSync(dir, { recursive: true, force: true }); });

/** A log whose clock moves one minute per entry. */
const makeLog = (osUser = 'frontdesk') => new AuditLog({ db, meta: new MetaRepo(db), osUser, now: () => new Date((clock += 60_000)) });
const fill = (log: AuditLog, n: number) => { for (let i = 0; i < n; i++) log.record('viewed', { type: 'fax', id: `fax-${i + 1}` }); };

/** What an attacker with the file does: their own connection, the triggers dropped first. */
function tamper(sql: string): void {
  const other = new DatabaseSync(file);
  other.exec(`DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; ${sql}`);
  other.close();
}

describe('audit log', () => {
  it('records who, what and when, chained by hash; an intact chain verifies with its count', async () => {
    const log = makeLog();
    const first = log.record('sent', { type: 'job', id: 'job-1' }, { account: 'acct-1', pages: 3 });
    log.setProfile(' ab ');
    const second = log.record('settings_changed', null, { markReadOnOpen: false });
    expect(first).toMatchObject({ id: 1, osUser: 'frontdesk', action: 'sent', targetType: 'job', targetId: 'job-1', detail: 'account=acct-1;pages=3' });
    expect(first.profile).toBeUndefined();
    expect(second).toMatchObject({ id: 2, profile: 'ab', detail: 'markReadOnOpen=false', at: '2026-03-01T09:02:00.000Z' });
    const rows = db.prepare('SELECT id, prev_hash, hash FROM audit_log ORDER BY id').all() as Array<{ id: number; prev_hash: string; hash: string }>;
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[1]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await log.verify()).toEqual({ ok: true, entries: 2 });
    expect(makeLog().profile()).toBe('ab'); // kept in the meta table
  });

  it('an empty log verifies with 0 entries', async () => {
    expect(await makeLog().verify()).toEqual({ ok: true, entries: 0 });
  });

  it('refuses a detail that is not ids, counts or flags (a name, a number with +), and writes nothing', async () => {
    const log = makeLog();
    expect(() => log.record('viewed', null, { sender: 'Ada Lovelace' })).toThrow(/not an id, a count or a flag/);
    expect(() => log.record('viewed', null, { to: '+14155550100' })).toThrow(/not an id/);
    expect(await log.verify()).toEqual({ ok: true, entries: 0 });
  });

  it('is append-only in the database: UPDATE and DELETE are refused by triggers', async () => {
    const log = makeLog();
    fill(log, 2);
    expect(() => db.exec(`UPDATE audit_log SET action = 'printed' WHERE id = 1`)).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log WHERE id = 2')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(await log.verify()).toEqual({ ok: true, entries: 2 });
  });

  it('an edited entry in the file (triggers dropped): Verify fails and names it', async () => {
    const log = makeLog();
    fill(log, 10);
    tamper(`UPDATE audit_log SET target_id = 'fax-99' WHERE id = 4`);
    expect(await makeLog().verify()).toEqual({ ok: false, firstBroken: 4, reason: 'changed' });
  });

  it('an edited entry whose own hash was recomputed breaks the link of the next one, which is named', async () => {
    const log = makeLog();
    fill(log, 5);
    const row = db.prepare('SELECT * FROM audit_log WHERE id = 3').get() as unknown as AuditRow;
    const forged = hashEntry(row.prev_hash, { ...row, target_id: 'fax-99' });
    tamper(`UPDATE audit_log SET target_id = 'fax-99', hash = '${forged}' WHERE id = 3`);
    expect(await makeLog().verify()).toEqual({ ok: false, firstBroken: 4, reason: 'changed' });
  });

  it('a removed entry in the middle: Verify names the missing one', async () => {
    const log = makeLog();
    fill(log, 10);
    tamper('DELETE FROM audit_log WHERE id = 6');
    expect(await makeLog().verify()).toEqual({ ok: false, firstBroken: 6, reason: 'removed' });
  });

  it('removed entries at the end are seen (ids are never reused), also after new entries follow', async () => {
    const log = makeLog();
    fill(log, 10);
    tamper('DELETE FROM audit_log WHERE id >= 9');
    const reopened = makeLog();
    expect(await reopened.verify()).toEqual({ ok: false, firstBroken: 9, reason: 'removed' });
    expect(reopened.record('viewed').id).toBe(11);
    expect(await reopened.verify()).toEqual({ ok: false, firstBroken: 9, reason: 'removed' });
  });

  it('walks in pages: an entry removed right at a page boundary, or edited in a later page, is named', async () => {
    const log = makeLog();
    log.recordAll(Array.from({ length: 4_100 }, (_v, i) => ({ action: 'viewed' as const, target: { type: 'fax' as const, id: `fax-${i}` } })));
    expect(await log.verify()).toEqual({ ok: true, entries: 4_100 });
    const csv = await log.exportCsv('2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    expect(csv.entries).toBe(4_100);
    expect(new TextDecoder().decode(csv.bytes).trimEnd().split('\r\n')).toHaveLength(4_101);
    tamper(`UPDATE audit_log SET detail = 'x=1' WHERE id = 4050`);
    expect(await makeLog().verify()).toEqual({ ok: false, firstBroken: 4050, reason: 'changed' });
    tamper('DELETE FROM audit_log WHERE id = 2001');
    expect(await makeLog().verify()).toEqual({ ok: false, firstBroken: 2001, reason: 'removed' });
  });

  it('a removed first entry is seen', async () => {
    fill(makeLog(), 3);
    tamper('DELETE FROM audit_log WHERE id = 1');
    expect(await makeLog().verify()).toEqual({ ok: false, firstBroken: 1, reason: 'removed' });
  });

  it('lists newest first, pages, filters by date range and action', async () => {
    const log = makeLog();
    fill(log, 5); // 09:01 … 09:05
    log.record('printed', { type: 'fax', id: 'fax-2' });  // 09:06
    log.record('saved', { type: 'fax', id: 'fax-2' });  // 09:07
    const all = log.list(AuditQuerySchema.parse({}));
    expect(all.total).toBe(7);
    expect(all.entries.map((e) => e.id)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(log.list(AuditQuerySchema.parse({ limit: 2, offset: 2 })).entries.map((e) => e.id)).toEqual([5, 4]);
    const range = log.list(AuditQuerySchema.parse({ from: '2026-03-01T09:02:00Z', to: '2026-03-01T09:04:00Z' }));
    expect(range.entries.map((e) => e.id)).toEqual([3, 2]); // `to` is exclusive
    // Another offset names the same instants.
    expect(log.list(AuditQuerySchema.parse({ from: '2026-03-01T10:02:00+01:00', to: '2026-03-01T10:04:00+01:00' })).total).toBe(2);
    const printedOrSaved = log.list(AuditQuerySchema.parse({ actions: ['printed', 'saved'] }));
    expect(printedOrSaved.entries.map((e) => e.action)).toEqual(['saved', 'printed']);
  });

  it('refuses a range that ends before it starts, an unknown action and a date that is not one', async () => {
    expect(AuditQuerySchema.safeParse({ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }).error?.issues[0]?.message).toMatch(/ends before it starts/);
    expect(AuditRangeSchema.safeParse({ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }).success).toBe(false);
    expect(AuditQuerySchema.safeParse({ actions: ['burned'] }).success).toBe(false);
    expect(AuditQuerySchema.safeParse({ from: 'yesterday' }).success).toBe(false);
    // The core checks too, for callers that skip the schema.
    const log = makeLog();
    expect(() => log.list({ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z', limit: 10, offset: 0 })).toThrow(/ends before it starts/);
    await expect(log.exportCsv('not a date', '2026-03-01T00:00:00Z')).rejects.toThrow(/not a date/);
  });

  it('exports a date range as CSV: header, UTC times, RFC 4180 quoting, formula-looking fields defused', async () => {
    const log = new AuditLog({ db, meta: new MetaRepo(db), osUser: 'smith, "jo"', now: () => new Date((clock += 60_000)) });
    fill(log, 3);
    log.setProfile('-JS');
    log.record('saved', { type: 'fax', id: 'fax-3' }, { rotated: true });
    const csv = await log.exportCsv('2026-03-01T09:02:00Z', '2026-03-01T11:00:00+01:00');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('id,time_utc,os_user,profile,action,target_type,target_id,detail,prev_hash,hash');
    expect(lines).toHaveLength(1 + 3 + 1); // header, entries 2–4, the final CRLF
    expect(lines[1]).toMatch(/^2,2026-03-01T09:02:00.000Z,"smith, ""jo""",,viewed,fax,fax-2,,0*[0-9a-f]{64},[0-9a-f]{64}$/);
    expect(lines[3]).toContain(`,'-JS,saved,fax,fax-3,rotated=true,`);
    expect(csv).toMatchObject({ name: 'faxdesk-audit-2026-03-01-to-2026-03-01.csv', entries: 3, from: '2026-03-01T09:02:00.000Z', to: '2026-03-01T10:00:00.000Z' });
  });

  it('quotes CSV fields only when they need it', async () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=SUM(A1)')).toBe(`'=SUM(A1)`);
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  it('records inside a caller\'s transaction (a savepoint), and rolls back with it', async () => {
    const log = makeLog();
    db.exec('BEGIN');
    log.record('viewed');
    db.exec('ROLLBACK');
    expect(await log.verify()).toEqual({ ok: true, entries: 0 });
    expect(log.record('viewed').id).toBe(1);
  });
});
