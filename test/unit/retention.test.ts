import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../common/domain/audit';
import type { OutboxJob } from '../../common/domain/fax';
import type { InboxFax } from '../../common/domain/inbox';
import type { AppState } from '../../common/ipc/contract';
import { documentPath } from '../../main/core/inbox/documentDownload';
import { RETENTION_JOB } from '../../main/core/retention/retention';
import { secureDelete } from '../../main/core/retention/secureDelete';
import { useSinchEmulator, useWelkinEmulator } from '../support/emulatorSuite';
import { call, refusal, syncedFaxes } from '../support/inboxActionsKit';
import { pollOnce, startInboxCore, type InboxHarness } from '../support/inboxKit';
import { startTestCore, waitFor, type CoreHarness } from '../support/coreKit';
import { addPdf, fastFactory, waitForFax } from '../support/outboxKit';

/**
 * Retention (issue 13, item 4) through the real core, a real SQLite file, real files and the Sinch
 * emulator over HTTP: faxes received and sent, some dated 40 days back in the database, then a
 * 30-day setting. The job runner removes the old documents from disk, keeps the records (marked
 * with the day) and what is on legal hold, writes each removal to the audit log, and a re-sync
 * does not fetch a removed document again.
 */
const sinch = useSinchEmulator({ speed: 20 });
const welkin = useWelkinEmulator({ speed: 20 });
const open: CoreHarness[] = [];
afterEach(async () => { for (const h of open.splice(0)) await h.close(); });

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function start(dataDir?: string): Promise<InboxHarness> {
  const harness = await startInboxCore({ sinchUrl: sinch.url, welkinUrl: welkin.url, ...(dataDir ? { dataDir } : {}) });
  open.push(harness.h);
  return harness;
}

async function received(h: CoreHarness, account: string, count: number): Promise<InboxFax[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(((await sinch.control.inbound({ from: `+1415555210${i}`, to: '+12015550100', pages: 1 })) as { id: string }).id);
  const faxes = await syncedFaxes(h, account, count);
  return ids.map((id) => faxes.get(id)!);
}

async function send(h: CoreHarness, account: string, documentIds: string[], to: string): Promise<OutboxJob> {
  const [job] = await call<OutboxJob[]>(h, 'fax.send', { accountId: account, to: [to], documentIds });
  return waitForFax(h, job!.id, ['sent', 'failed'], 30_000);
}

/** Dates a fax back in the database, as if it had arrived (or been sent) that long ago. */
function backdate(h: CoreHarness, table: 'faxes' | 'outbox_jobs', id: string, at: string): void {
  const completed = table === 'outbox_jobs' ? ', completed_at = :at' : '';
  h.services.db.prepare(`UPDATE ${table} SET created_at = :at${completed} WHERE id = :id`).run({ at, id });
}

const removals = async (h: CoreHarness) =>
  (await call<AuditPage>(h, 'audit.list', { actions: ['retention_removed'], limit: 500 })).entries;

describe('retention', () => {
  it('removes expired documents from disk, keeps the records and what is on legal hold, audits each removal, and never downloads them again', async () => {
    const { h, sinch: account } = await start();
    const [oldFax, heldFax, newFax] = await received(h, account, 3);
    await call(h, 'inbox.annotate', { id: heldFax!.id, tags: ['Legal Hold', 'Billing'] });

    const shared = await addPdf(h, 2);
    const own = await addPdf(h, 1);
    const held = await addPdf(h, 1);
    const oldJob = await send(h, account, [own.id], '+19898989801'); // busy: fails, so "retry" is there to refuse
    const heldJob = await send(h, account, [held.id], '+19898989898');
    const sharedOld = await send(h, account, [shared.id], '+19898989898');
    const sharedNew = await send(h, account, [shared.id], '+19898989897');
    expect(oldJob.state).toBe('failed');
    await call(h, 'outbox.setLegalHold', { id: heldJob.id, hold: true });

    for (const fax of [oldFax!, heldFax!]) backdate(h, 'faxes', fax.id, daysAgo(40));
    backdate(h, 'faxes', newFax!.id, daysAgo(29));
    for (const job of [oldJob, heldJob, sharedOld]) backdate(h, 'outbox_jobs', job.id, daysAgo(40));

    const folder = h.services.inbox.folder;
    const docs = h.services.documents;
    const newFaxHash = sha256(documentPath(folder, newFax!.id));
    const sharedHash = sha256(docs.sentPath(shared.id, 'pdf'));
    expect(existsSync(documentPath(folder, oldFax!.id))).toBe(true);
    expect(existsSync(docs.sentPath(own.id, 'pdf'))).toBe(true);

    // Changing the setting runs retention on the job runner at once.
    await call<AppState>(h, 'settings.update', { keepReceivedFor: '30d', keepSentFor: '30d' });
    const entries = await waitFor(async () => ((await removals(h)).length >= 2 ? removals(h) : undefined), 20_000, 'retention removals');

    // Gone from disk: the old received fax's document and the old sent fax's own document.
    expect(existsSync(documentPath(folder, oldFax!.id))).toBe(false);
    expect(existsSync(docs.sentPath(own.id, 'pdf'))).toBe(false);
    // Kept: the tagged fax, the newer fax (byte for byte), the held sent fax, and a document a newer fax still uses.
    expect(existsSync(documentPath(folder, heldFax!.id))).toBe(true);
    expect(sha256(documentPath(folder, newFax!.id))).toBe(newFaxHash);
    expect(existsSync(docs.sentPath(held.id, 'pdf'))).toBe(true);
    expect(sha256(docs.sentPath(shared.id, 'pdf'))).toBe(sharedHash);

    // One audit entry per removal, naming the fax or job by id only.
    expect(entries.map((entry) => `${entry.targetType}:${entry.targetId}`).sort()).toEqual([`fax:${oldFax!.id}`, `job:${oldJob.id}`].sort());
    for (const entry of entries) expect(entry.detail).toMatch(/^period=30d(;(parts|documents)=\d+)?$/);

    // The records stay, saying when the document went; the newer and held ones are untouched.
    const oldRecord = await call<InboxFax>(h, 'inbox.get', { id: oldFax!.id });
    expect(oldRecord).toMatchObject({ from: oldFax!.from, document: { state: 'none' }, removedByRetentionAt: expect.any(String) });
    expect((await call<InboxFax>(h, 'inbox.get', { id: heldFax!.id })).removedByRetentionAt).toBeUndefined();
    expect((await call<InboxFax>(h, 'inbox.get', { id: newFax!.id })).document.state).toBe('ready');
    const jobs = await call<OutboxJob[]>(h, 'outbox.list', {});
    const view = (id: string) => jobs.find((job) => job.id === id)!;
    expect(view(oldJob.id)).toMatchObject({ removedByRetentionAt: expect.any(String), documents: [{ id: own.id, name: 'letter.pdf' }] });
    expect(view(heldJob.id)).toMatchObject({ legalHold: true });
    expect(view(heldJob.id).removedByRetentionAt).toBeUndefined();
    expect(view(sharedOld.id).removedByRetentionAt).toBeUndefined(); // its document is still another fax's
    expect(view(sharedNew.id).removedByRetentionAt).toBeUndefined();

    // What needs the document says why it cannot.
    expect((await refusal(h, 'inbox.export', { id: oldFax!.id })).message).toMatch(/^Document removed by retention on /);
    expect((await refusal(h, 'outbox.retry', { id: oldJob.id })).message).toMatch(/^Document removed by retention on .*cannot be sent again/);
    expect((await refusal(h, 'outbox.setLegalHold', { id: oldJob.id, hold: true })).code).toBe('conflict');
    expect(await h.core.documentContent(own.id)).toBeUndefined();
    expect(await h.core.documentContent(oldFax!.id)).toBeUndefined();

    // A re-sync that sees the fax changed at the provider does not fetch its document again.
    h.services.db.prepare(`UPDATE faxes SET provider_json = '{}' WHERE id = ?`).run(oldFax!.id);
    await pollOnce(h, account);
    expect((await call<InboxFax>(h, 'inbox.get', { id: oldFax!.id })).document.state).toBe('none');
    expect(h.services.jobs.byKey(`inbox.download:${oldFax!.id}`)?.state ?? 'none').not.toBe('pending');
    expect(existsSync(documentPath(folder, oldFax!.id))).toBe(false);

    // Releasing the hold lets the next run remove it, and that run is audited too.
    await call(h, 'outbox.setLegalHold', { id: heldJob.id, hold: false });
    h.services.runner.moveRunAt(RETENTION_JOB, Date.now());
    await waitFor(async () => ((await removals(h)).length === 3 ? true : undefined), 20_000, 'the released fax removed');
    expect(existsSync(docs.sentPath(held.id, 'pdf'))).toBe(false);
    const holds = (await call<AuditPage>(h, 'audit.list', { actions: ['legal_hold'] })).entries.map((entry) => entry.detail);
    expect(holds.sort()).toEqual(['value=false', 'value=true']);
  }, 120_000);

  it('runs at start: a fax that expired while Faxdesk was closed loses its document on the next start', async () => {
    const { h, sinch: account } = await start();
    const [fax] = await received(h, account, 1);
    await call(h, 'settings.update', { keepReceivedFor: '90d' });
    await waitFor(() => (h.services.jobs.byKey(RETENTION_JOB)?.state === 'pending' ? true : undefined), 10_000, 'first run done');
    expect(existsSync(documentPath(h.services.inbox.folder, fax!.id))).toBe(true);
    const dataDir = h.dataDir;
    const path = documentPath(h.services.inbox.folder, fax!.id);
    await h.core.close();
    open.splice(open.indexOf(h), 1);

    const file = new DatabaseSync(join(dataDir, 'faxdesk.sqlite'));
    file.prepare('UPDATE faxes SET created_at = ? WHERE id = ?').run(daysAgo(91), fax!.id);
    file.close();
    const again = startTestCore({ dataDir, demo: false, providerFactory: fastFactory() });
    open.push(again);
    await waitFor(async () => ((await removals(again)).length === 1 ? true : undefined), 20_000, 'removal at start');
    expect(existsSync(path)).toBe(false);
    expect((await call<InboxFax>(again, 'inbox.get', { id: fax!.id })).removedByRetentionAt).toEqual(expect.any(String));
  }, 60_000);

  it('refuses a period outside the list and changes nothing; a damaged stored value reads as forever', async () => {
    const h = startTestCore({ demo: false });
    open.push(h);
    await call(h, 'settings.update', { keepSentFor: '7y' });
    for (const bad of ['45d', '10y', '', 30, null]) {
      expect((await refusal(h, 'settings.update', { keepReceivedFor: bad })).code).toBe('invalid_input');
    }
    expect((await refusal(h, 'settings.update', { keepSentFor: '1y', keepReceivedFor: 'never' })).code).toBe('invalid_input');
    expect(await call<AppState>(h, 'settings.get')).toMatchObject({ keepReceivedFor: 'forever', keepSentFor: '7y' });
    h.services.db.prepare(`UPDATE meta SET value = '5d' WHERE key = 'settings.keepSentFor'`).run();
    expect(await call<AppState>(h, 'settings.get')).toMatchObject({ keepSentFor: 'forever' });
    expect((await refusal(h, 'outbox.setLegalHold', { id: 'no-such-fax', hold: true })).code).toBe('not_found');
  }, 30_000);

  it('secure delete overwrites the bytes before unlinking (seen through a second link to the same file) and says when there was no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faxdesk-wipe-'));
    try {
      const path = join(dir, 'fax.pdf');
      const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 0x41);
      writeFileSync(path, bytes);
      linkSync(path, join(dir, 'same-inode'));
      expect(await secureDelete(path)).toBe(true);
      expect(existsSync(path)).toBe(false);
      const left = readFileSync(join(dir, 'same-inode'));
      expect(left.length).toBe(bytes.length);
      expect(left.every((byte) => byte === 0)).toBe(true);
      expect(await secureDelete(path)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
