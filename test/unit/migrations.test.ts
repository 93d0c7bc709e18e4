import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, openDatabase, schemaVersionOf } from '../../main/core/store/database';
import { DocumentsRepo } from '../../main/core/store/documentsRepo';
import { InboxActionsRepo } from '../../main/core/store/inboxActionsRepo';
import { FaxJobsRepo } from '../../main/core/store/faxJobsRepo';
import { countInbox, listInbox, searchTerms } from '../../main/core/store/inboxQuery';
import { InboxRepo } from '../../main/core/store/inboxRepo';
import { InboxQuerySchema } from '../../common/domain/inbox';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../main/core/store/migrations/index';
import { startTestCore, waitFor } from '../support/coreKit';

/** Each migration starts from the schema before it, with data in it (Signal's habit). */
let dir: string;
let file: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'faxdesk-migrations-')); file = join(dir, 'faxdesk.sqlite'); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database at `version`, as that version of Faxdesk left it. */
const atVersion = (version: number) => openDatabase(file, { migrations: MIGRATIONS.slice(0, version) });
const columns = (db: DatabaseSync, table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const NOW = '2026-11-30T10:00:00.000Z';

function insertV1Fax(db: DatabaseSync, id: string, documentIds: string[], state = 'sent') {
  db.prepare(`INSERT INTO outbox_jobs (id, batch_id, account_id, recipient, document_ids_json, options_json, pages, state, attempts, created_at, updated_at)
    VALUES (?, ?, 'acct-1', '+19898989898', ?, '{}', 3, ?, 1, ?, ?)`).run(id, id, JSON.stringify(documentIds), state, NOW, NOW);
}

/** A fax as versions 2–4 stored it: its documents in the join table, none of version 5's columns. */
function insertV2Fax(db: DatabaseSync, id: string, accountId: string, documentIds: string[], state: string) {
  db.prepare(`INSERT INTO outbox_jobs (id, batch_id, account_id, recipient, options_json, pages, state, attempts, created_at, updated_at)
    VALUES (?, ?, ?, '+19898989898', '{}', 1, ?, 0, ?, ?)`).run(id, id, accountId, state, NOW, NOW);
  documentIds.forEach((documentId, position) => db.prepare('INSERT INTO outbox_job_documents (job_id, position, document_id) VALUES (?, ?, ?)').run(id, position, documentId));
}

function insertDocument(db: DatabaseSync, id: string) {
  db.prepare(`INSERT INTO documents (id, name, pages, size_bytes, content_type, sha256, created_at) VALUES (?, ?, 1, 100, 'application/pdf', 'x', ?)`).run(id, `${id}.pdf`, NOW);
}

describe('migrations', () => {
  it('are numbered 1…n in order, and a new database is at the latest version with foreign keys on', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
    const db = openDatabase(file);
    expect(schemaVersionOf(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
  });

  it('001 creates accounts, documents and the outbox on an empty file', () => {
    const db = atVersion(1);
    expect(schemaVersionOf(db)).toBe(1);
    expect(columns(db, 'outbox_jobs')).toContain('document_ids_json');
    expect(columns(db, 'accounts')).toEqual(['id', 'name', 'provider', 'settings_json', 'demo', 'created_at', 'updated_at']);
    db.close();
  });

  it('002 moves each fax\'s documents into a join table, in order, and drops the JSON column', () => {
    const v1 = atVersion(1);
    insertDocument(v1, 'doc-a');
    insertDocument(v1, 'doc-b');
    insertV1Fax(v1, 'fax-1', ['doc-b', 'doc-a']);
    insertV1Fax(v1, 'fax-2', ['doc-a'], 'queued');
    v1.close();

    const v2 = atVersion(2);
    expect(schemaVersionOf(v2)).toBe(2);
    expect(columns(v2, 'outbox_jobs')).not.toContain('document_ids_json');
    expect(v2.prepare('SELECT job_id, position, document_id FROM outbox_job_documents ORDER BY job_id, position').all().map((r) => ({ ...r }))).toEqual([
      { job_id: 'fax-1', position: 0, document_id: 'doc-b' },
      { job_id: 'fax-1', position: 1, document_id: 'doc-a' },
      { job_id: 'fax-2', position: 0, document_id: 'doc-a' },
    ]);
    expect(new FaxJobsRepo(v2).get('fax-1')).toMatchObject({ documentIds: ['doc-b', 'doc-a'], state: 'sent', pages: 3 });
    expect(v2.prepare("SELECT COUNT(*) AS n FROM outbox_job_documents WHERE document_id = 'doc-a'").get()).toEqual({ n: 2 });
    // The database now refuses what the JSON column allowed: a fax naming a document it does not have,
    // and deleting a document a fax still sends.
    expect(() => v2.prepare("INSERT INTO outbox_job_documents VALUES ('fax-1', 2, 'doc-missing')").run()).toThrow(/FOREIGN KEY/);
    expect(() => v2.prepare("DELETE FROM documents WHERE id = 'doc-a'").run()).toThrow(/FOREIGN KEY/);
    v2.close();
  });

  it('003 adds the job runner\'s table and keeps everything else', () => {
    const v2 = atVersion(2);
    insertDocument(v2, 'doc-a');
    insertV2Fax(v2, 'fax-1', 'acct-1', ['doc-a'], 'queued');
    v2.close();
    const v3 = atVersion(3);
    expect(columns(v3, 'jobs')).toEqual(expect.arrayContaining(['kind', 'queue', 'key', 'state', 'attempts', 'run_at', 'lease_owner', 'lease_until']));
    expect(new FaxJobsRepo(v3).get('fax-1')).toMatchObject({ state: 'queued', documentIds: ['doc-a'] });
    v3.close();
  });

  it('004 rebuilds documents for every kind of file: old rows become PDFs sent as they were, links and checks stay', () => {
    const v3 = atVersion(3);
    insertDocument(v3, 'doc-a');
    insertV2Fax(v3, 'fax-1', 'acct-1', ['doc-a'], 'sent');
    v3.close();
    const v4 = atVersion(4);
    expect(new DocumentsRepo(v4).get('doc-a')).toEqual({
      id: 'doc-a', name: 'doc-a.pdf', kind: 'pdf', pages: 1, sizeBytes: 100, sentAs: 'pdf', contentType: 'application/pdf', sentBytes: 100,
      sha256: 'x', warnings: [], origin: 'added', createdAt: NOW,
    });
    // A Word file the provider converts: its page count may now be unknown.
    v4.prepare(`INSERT INTO documents (id, name, kind, pages, size_bytes, sent_as, content_type, sent_bytes, sha256, created_at)
      VALUES ('doc-w', 'letter.docx', 'docx', NULL, 9, 'original', 'application/msword', 9, 'y', ?)`).run(NOW);
    expect(new DocumentsRepo(v4).get('doc-w')).toMatchObject({ pages: null, sentAs: 'original' });
    expect(() => v4.prepare("DELETE FROM documents WHERE id = 'doc-a'").run()).toThrow(/FOREIGN KEY/);
    expect(() => v4.prepare("UPDATE documents SET kind = 'exe' WHERE id = 'doc-w'").run()).toThrow(/CHECK/);
    v4.close();
  });

  it('005 adds what people decide about faxes; existing faxes keep everything and have no decision', () => {
    const v4 = atVersion(4);
    v4.prepare(`INSERT INTO documents (id, name, kind, pages, size_bytes, sent_as, content_type, sent_bytes, sha256, created_at)
      VALUES ('doc-a', 'a.pdf', 'pdf', 1, 100, 'pdf', 'application/pdf', 100, 'x', ?)`).run(NOW);
    insertV2Fax(v4, 'fax-1', 'acct-1', ['doc-a'], 'failed');
    v4.close();
    const v5 = atVersion(5);
    const fax = new FaxJobsRepo(v5).get('fax-1')!;
    expect(fax).toMatchObject({ state: 'failed', documentIds: ['doc-a'] });
    expect([fax.resolution, fax.archivedAt, fax.resentFrom, fax.contentKey, fax.stuckSince]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(() => v5.prepare("UPDATE outbox_jobs SET resolution = 'shrugged' WHERE id = 'fax-1'").run()).toThrow(/CHECK/);
    v5.close();
  });

  it('006 adds the inbox beside the outbox: the outbox keeps its faxes; inbox rows upsert by provider id and are found by search', () => {
    const v5 = atVersion(5);
    v5.prepare(`INSERT INTO documents (id, name, kind, pages, size_bytes, sent_as, content_type, sent_bytes, sha256, created_at)
      VALUES ('doc-a', 'a.pdf', 'pdf', 1, 100, 'pdf', 'application/pdf', 100, 'x', ?)`).run(NOW);
    insertV2Fax(v5, 'fax-1', 'acct-1', ['doc-a'], 'sent');
    v5.prepare("UPDATE outbox_jobs SET provider_fax_id = 'P-OUT-1' WHERE id = 'fax-1'").run();
    v5.close();
    const v6 = atVersion(6);
    expect(new FaxJobsRepo(v6).get('fax-1')).toMatchObject({ state: 'sent', providerFaxId: 'P-OUT-1' });
    const repo = new InboxRepo(v6);
    const fax = { accountId: 'acct-1', providerId: 'P-IN-1', direction: 'inbound' as const, from: '+13125551234', to: '+12015550100', pages: 2,
      status: 'received' as const, createdAt: NOW, fileNames: ['scan.pdf'], raw: { id: 'P-IN-1' }, document: 'pending' as const };
    const first = repo.upsert(fax, NOW);
    expect(first.outcome).toBe('inserted');
    expect(repo.upsert(fax, NOW)).toEqual({ id: first.id, outcome: 'unchanged', document: 'pending' });
    expect(() => v6.prepare("INSERT INTO faxes (id, account_id, provider_id, direction, status, created_at, provider_json, synced_at, updated_at) VALUES ('x', 'acct-1', 'P-IN-1', 'inbound', 'received', ?, '{}', ?, ?)").run(NOW, NOW, NOW)).toThrow(/UNIQUE/);
    expect(repo.isOutboxFax('acct-1', 'P-OUT-1')).toBe(true);
    // The search index as 006 made it (listInbox is today's query, which reads later columns).
    const search = (text: string) => (v6.prepare('SELECT COUNT(*) AS n FROM faxes_fts WHERE faxes_fts MATCH ?').get(searchTerms(text).match!) as { n: number }).n;
    expect([search('1234'), search('…1234'), search('312 555 1234'), search('scan'), search('9999')]).toEqual([1, 1, 1, 1, 0]);
    // Triggers keep the index in step with local edits.
    v6.prepare(`UPDATE faxes SET notes = 'call Dr Okafor back', tags_json = '["urgent"]' WHERE id = ?`).run(first.id);
    expect([search('okafor'), search('urgent')]).toEqual([1, 1]);
    v6.prepare('DELETE FROM faxes WHERE id = ?').run(first.id);
    expect(v6.prepare('SELECT COUNT(*) AS n FROM faxes_fts').get()).toEqual({ n: 0 });
    v6.close();
  });

  it('008 adds the address book beside the inbox and outbox: they keep their rows; contacts are found by name, organisation and digits', () => {
    const v7 = atVersion(7);
    insertV2Fax(v7, 'fax-1', 'acct', [], 'sent');
    v7.close();
    const v8 = atVersion(8);
    expect(v8.prepare('SELECT COUNT(*) AS n FROM outbox_jobs').get()).toEqual({ n: 1 });
    const insert = v8.prepare(`INSERT INTO contacts (id, name, organisation, fax_number, national_digits, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, '2025-01-01', '2025-01-01')`);
    insert.run('c1', 'Amelia Okafor', 'Riverside Cardiology', '+12015550140', '2015550140');
    insert.run('c2', 'London office', 'Baker Street Clinic', '+442079460000', '02079460000');
    const search = (text: string) => (v8.prepare(`SELECT c.id FROM contacts c JOIN contacts_fts f ON f.rowid = c.seq WHERE contacts_fts MATCH ?`)
      .all(`"${text}"`) as Array<{ id: string }>).map((row) => row.id);
    expect([search('okafor'), search('cardio'), search('0140'), search('…0000'), search('0207946')]).toEqual([['c1'], ['c1'], ['c1'], ['c2'], ['c2']]);
    v8.prepare(`INSERT INTO contact_groups (id, name, created_at) VALUES ('g', 'Partners', '2025-01-01')`).run();
    v8.prepare(`INSERT INTO contact_group_members (group_id, contact_id, position) VALUES ('g', 'c1', 0)`).run();
    v8.prepare(`UPDATE contacts SET name = 'Amelia Brown' WHERE id = 'c1'`).run();
    expect([search('okafor'), search('brown')]).toEqual([[], ['c1']]);
    v8.prepare(`DELETE FROM contacts WHERE id = 'c1'`).run();
    expect(v8.prepare('SELECT COUNT(*) AS n FROM contact_group_members').get()).toEqual({ n: 0 });
    expect(v8.prepare('SELECT COUNT(*) AS n FROM contacts_fts').get()).toEqual({ n: 1 });
    v8.close();
  });

  it('a fax still queued in a database from before the job runner is picked up by it after the upgrade', async () => {
    const v2 = atVersion(2);
    insertDocument(v2, 'doc-a');
    insertV2Fax(v2, 'fax-1', 'gone-account', ['doc-a'], 'queued');
    v2.close();
    const h = startTestCore({ demo: false, dataDir: dir });
    try {
      // Its account is gone, so it fails, loudly and without sending: what matters is that it was picked up.
      const fax = await waitFor(async () => {
        const list = ((await h.core.dispatch('outbox.list', {})) as { value: Array<{ id: string; state: string; error?: { code: string } }> }).value;
        return list.find((job) => job.id === 'fax-1' && job.state === 'failed');
      }, 10_000, 'picked up');
      expect(fax.error?.code).toBe('not_found');
    } finally {
      await h.close();
    }
  });

  it('refuses a database written by a newer Faxdesk with a clear message and leaves the file byte-for-byte unchanged', () => {
    const db = openDatabase(file);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = sha256(file);
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer version of Faxdesk .*left unchanged/);
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('reads the version of a newer database whose change still sits in its write-ahead log, without changing it', () => {
    const db = openDatabase(file);
    db.exec('PRAGMA wal_autocheckpoint = 0');
    db.exec(`CREATE TABLE from_the_future (x); PRAGMA user_version = ${SCHEMA_VERSION + 5}`);
    // Copy the files as a crash would leave them: main file plus its log.
    const main = readFileSync(file);
    const wal = readFileSync(`${file}-wal`);
    db.close();
    const crashed = join(dir, 'crashed.sqlite');
    writeFileSync(crashed, main);
    writeFileSync(`${crashed}-wal`, wal);
    expect(main.readUInt32BE(60)).toBeLessThan(SCHEMA_VERSION + 5); // the header alone would not tell
    const before = sha256(crashed);
    expect(() => openDatabase(crashed)).toThrow(DatabaseTooNewError);
    expect(sha256(crashed)).toBe(before);
  });

  it('rolls back a migration that fails: the version and the data stay as they were', () => {
    const v1 = atVersion(1);
    insertDocument(v1, 'doc-a');
    v1.close();
    const broken: Migration = { version: 2, name: 'broken', up(db) { db.exec("DELETE FROM documents; CREATE TABLE half (x); SELECT no_such_function();"); } };
    expect(() => openDatabase(file, { migrations: [MIGRATIONS[0]!, broken] })).toThrow();
    const db = atVersion(1);
    expect(schemaVersionOf(db)).toBe(1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM documents').get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('009 counts the inbox from an index alone: rows stay, and the counts query never reads the table', () => {
    const v8 = atVersion(8);
    insertV2Fax(v8, 'fax-1', 'acct', [], 'sent');
    v8.close();
    const v9 = atVersion(9);
    expect(v9.prepare('SELECT COUNT(*) AS n FROM outbox_jobs').get()).toEqual({ n: 1 });
    const plan = (v9.prepare(`EXPLAIN QUERY PLAN SELECT account_id, COUNT(*) AS total, SUM(read = 0) AS unread, SUM(reviewed = 0) AS review
      FROM faxes WHERE direction = 'inbound' AND archived = 0 GROUP BY account_id`).all() as Array<{ detail: string }>).map((row) => row.detail).join('\n');
    expect(plan).toContain('COVERING INDEX faxes_counts');
    v9.close();
  });

  it('010 adds drafts: faxes and documents stay, and a draft\'s documents count as used', () => {
    const v9 = atVersion(9);
    insertV2Fax(v9, 'fax-1', 'acct', [], 'sent');
    v9.close();
    const v10 = atVersion(10);
    expect(v10.prepare('SELECT COUNT(*) AS n FROM outbox_jobs').get()).toEqual({ n: 1 });
    expect(columns(v10, 'drafts')).toEqual(expect.arrayContaining(['id', 'content_json', 'version', 'remote_id', 'remote_files_json', 'synced_version']));
    v10.prepare(`INSERT INTO drafts (id, content_json, created_at, updated_at) VALUES ('d1', '{}', ?, ?)`).run(NOW, NOW);
    v10.prepare(`INSERT INTO draft_documents (draft_id, document_id) VALUES ('d1', 'doc-1')`).run();
    v10.prepare(`DELETE FROM drafts WHERE id = 'd1'`).run();
    expect(v10.prepare('SELECT COUNT(*) AS n FROM draft_documents').get()).toEqual({ n: 0 }); // they go with their draft
    v10.close();
  });

  it('011 adds the viewer\'s actions: inbox rows keep their state; deleted faxes leave every view and the counts (still from the index); split-off parts keep their documents', () => {
    const v10 = atVersion(10);
    const old = new InboxRepo(v10);
    const fax = (providerId: string) => ({ accountId: 'acct-1', providerId, direction: 'inbound' as const, from: '+13125551234', pages: 2,
      status: 'received' as const, createdAt: NOW, fileNames: [], raw: { id: providerId }, document: 'pending' as const });
    const kept = old.upsert(fax('P-1'), NOW).id;
    const gone = old.upsert(fax('P-2'), NOW).id;
    v10.prepare(`UPDATE faxes SET notes = 'call back', tags_json = '["urgent"]', reviewed = 1 WHERE id = ?`).run(kept);
    v10.prepare(`INSERT INTO documents (id, name, kind, pages, size_bytes, sent_as, content_type, sent_bytes, sha256, created_at)
      VALUES ('part-doc', 'Page 1.pdf', 'pdf', 1, 100, 'pdf', 'application/pdf', 100, 'x', ?)`).run(NOW);
    v10.close();

    const v11 = atVersion(11);
    const repo = new InboxRepo(v11);
    expect(repo.get(kept)).toMatchObject({ notes: 'call back', tags_json: '["urgent"]', reviewed: 1, rotations_json: '{}', filed_patient_id: null });
    new InboxActionsRepo(v11).markDeleted(gone, NOW);
    expect(repo.get(gone)).toBeUndefined();
    expect(listInbox(v11, InboxQuerySchema.parse({})).rows.map((row) => row.id)).toEqual([kept]);
    expect(listInbox(v11, InboxQuerySchema.parse({ text: 'urgent' })).total).toBe(1);
    expect(countInbox(v11)).toMatchObject({ total: 1, needsReview: 0 });
    const plan = (v11.prepare(`EXPLAIN QUERY PLAN SELECT account_id, COUNT(*) AS total, SUM(read = 0) AS unread, SUM(reviewed = 0) AS review
      FROM faxes WHERE direction = 'inbound' AND archived = 0 AND deleted_at IS NULL GROUP BY account_id`).all() as Array<{ detail: string }>).map((row) => row.detail).join('\n');
    expect(plan).toContain('COVERING INDEX faxes_counts');

    // A part's document is in use (the sweep keeps it) until its fax row goes.
    const documents = new DocumentsRepo(v11);
    expect(documents.unreferencedBefore('2999-01-01')).toEqual(['part-doc']);
    new InboxActionsRepo(v11).addPart(kept, 'part-doc', [0], NOW);
    expect(documents.isReferenced('part-doc')).toBe(true);
    expect(documents.unreferencedBefore('2999-01-01')).toEqual([]);
    v11.prepare('DELETE FROM faxes WHERE id = ?').run(kept);
    expect(v11.prepare('SELECT COUNT(*) AS n FROM fax_parts').get()).toEqual({ n: 0 });
    v11.close();
  });

  it('012 adds the audit log: faxes, jobs and settings stay; the table is append-only and its ids are never reused', () => {
    const v11 = atVersion(11);
    const kept = new InboxRepo(v11).upsert({ accountId: 'acct-1', providerId: 'P-1', direction: 'inbound', from: '+13125551234', pages: 2,
      status: 'received', createdAt: NOW, fileNames: [], raw: { id: 'P-1' }, document: 'pending' }, NOW).id;
    insertV2Fax(v11, 'fax-1', 'acct', [], 'sent');
    v11.prepare(`INSERT INTO meta (key, value) VALUES ('settings.paperSize', 'a4')`).run();
    v11.close();

    const v12 = atVersion(12);
    expect(schemaVersionOf(v12)).toBe(12);
    expect(new InboxRepo(v12).get(kept)).toMatchObject({ from_number: '+13125551234' });
    expect(v12.prepare('SELECT COUNT(*) AS n FROM outbox_jobs').get()).toEqual({ n: 1 });
    expect(v12.prepare(`SELECT value FROM meta WHERE key = 'settings.paperSize'`).get()).toEqual({ value: 'a4' });
    expect(columns(v12, 'audit_log')).toEqual(['id', 'at', 'os_user', 'profile', 'action', 'target_type', 'target_id', 'detail', 'prev_hash', 'hash']);
    const insert = v12.prepare(`INSERT INTO audit_log (at, os_user, action, prev_hash, hash) VALUES (?, 'u', 'viewed', 'p', 'h')`);
    insert.run(NOW);
    insert.run(NOW);
    expect(() => v12.exec(`UPDATE audit_log SET action = 'saved'`)).toThrow(/append-only/);
    expect(() => v12.exec('DELETE FROM audit_log WHERE id = 2')).toThrow(/append-only/);
    v12.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2');
    insert.run(NOW);
    expect(v12.prepare('SELECT id FROM audit_log ORDER BY id').all().map((r) => ({ ...r }))).toEqual([{ id: 1 }, { id: 3 }]); // 2 is not reused
    v12.close();
  });

  it('013 adds retention marks and the legal hold: faxes, jobs, documents and audit entries stay; nothing is marked removed or held', () => {
    const v12 = atVersion(12);
    const fax = new InboxRepo(v12).upsert({ accountId: 'acct-1', providerId: 'P-1', direction: 'inbound', from: '+13125551234', pages: 2,
      status: 'received', createdAt: NOW, fileNames: [], raw: { id: 'P-1' }, document: 'pending' }, NOW).id;
    v12.prepare(`UPDATE faxes SET tags_json = '["Legal hold"]' WHERE id = ?`).run(fax);
    v12.prepare(`INSERT INTO documents (id, name, kind, pages, size_bytes, sent_as, content_type, sent_bytes, sha256, created_at)
      VALUES ('doc-a', 'a.pdf', 'pdf', 1, 100, 'pdf', 'application/pdf', 100, 'x', ?)`).run(NOW);
    insertV2Fax(v12, 'fax-1', 'acct', ['doc-a'], 'sent');
    v12.prepare(`INSERT INTO audit_log (at, os_user, action, prev_hash, hash) VALUES (?, 'u', 'sent', 'p', 'h')`).run(NOW);
    v12.close();

    const v13 = atVersion(13);
    expect(schemaVersionOf(v13)).toBe(13);
    expect(new InboxRepo(v13).get(fax)).toMatchObject({ from_number: '+13125551234', tags_json: '["Legal hold"]', document_state: 'pending' });
    expect(new InboxRepo(v13).removedByRetention([fax]).size).toBe(0);
    expect(new FaxJobsRepo(v13).get('fax-1')).toMatchObject({ documentIds: ['doc-a'], legalHold: false, removedByRetentionAt: undefined });
    expect(new DocumentsRepo(v13).get('doc-a')).toMatchObject({ name: 'a.pdf' });
    expect(new DocumentsRepo(v13).get('doc-a')?.removedByRetentionAt).toBeUndefined();
    expect(v13.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    expect(() => v13.prepare(`UPDATE outbox_jobs SET legal_hold = 2`).run()).toThrow(/CHECK/);
    // A removal mark goes with its fax.
    v13.prepare(`INSERT INTO faxes_removed (fax_id, removed_at) VALUES (?, ?)`).run(fax, NOW);
    expect(new InboxRepo(v13).removedByRetention([fax]).get(fax)).toBe(NOW);
    expect(() => v13.prepare(`INSERT INTO faxes_removed (fax_id, removed_at) VALUES ('no-such-fax', ?)`).run(NOW)).toThrow(/FOREIGN KEY/);
    v13.prepare('DELETE FROM faxes WHERE id = ?').run(fax);
    expect(v13.prepare('SELECT COUNT(*) AS n FROM faxes_removed').get()).toEqual({ n: 0 });
    v13.close();
  });

});
