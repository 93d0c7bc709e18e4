import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage, AuditVerify } from '../../common/domain/audit';
import type { OutboxJob } from '../../common/domain/fax';
import type { InboxFax } from '../../common/domain/inbox';
import type { Patient } from '../../common/domain/patient';
import { call, refusal, syncedFaxes } from '../support/inboxActionsKit';
import { startSinchEmulator, type RunningSinchEmulator } from '../../main/emulators/sinch/index';
import { SinchControlClient } from '../../main/emulators/sinch/sinchControlClient';
import { startWelkinEmulator, type RunningWelkinEmulator } from '../../main/emulators/welkin/index';
import { WelkinControlClient } from '../../main/emulators/welkin/welkinControlClient';
import { startInboxCore, type InboxHarness } from '../support/inboxKit';
import { addPdf, addSinchAccount, waitForFax } from '../support/outboxKit';

/**
 * Every audited action through the real dispatcher and handlers, against the emulators over HTTP
 * with a real SQLite file: each produces exactly one entry per fax, job or account it acted on
 * (listed), a refused action none, and no entry carries a name, a subject or a number.
 */
// One pair of emulators for the file, never reset: the tests act on the faxes received once.
let sinch: RunningSinchEmulator & { control: SinchControlClient };
let welkin: RunningWelkinEmulator & { control: WelkinControlClient };
let harness: InboxHarness;
let faxes: InboxFax[];
let welkinFax: InboxFax;
const SENDER = '+14155552100';
const ADA: Patient = { id: '283f50d3-3c4a-4d7e-9a1b-6f2e8c0d1a25', name: 'Ada Lovelace' };

beforeAll(async () => {
  const s = await startSinchEmulator({ port: 0, speed: 50 });
  const w = await startWelkinEmulator({ port: 0, speed: 50 });
  sinch = Object.assign(s, { control: new SinchControlClient(s.url) });
  welkin = Object.assign(w, { control: new WelkinControlClient(w.url) });
  harness = await startInboxCore({ sinchUrl: sinch.url, welkinUrl: welkin.url });
  const ids: string[] = [];
  for (let n = 0; n < 4; n++) ids.push(((await sinch.control.inbound({ from: SENDER, to: '+12015550100', pages: 2 })) as { id: string }).id);
  const synced = await syncedFaxes(harness.h, harness.sinch, ids.length);
  faxes = ids.map((id) => synced.get(id)!);
  const welkinId = ((await welkin.control.inbound({ from: SENDER, to: '+12015550100', pages: 1 })) as { id: string }).id;
  welkinFax = (await syncedFaxes(harness.h, harness.welkin, 1)).get(welkinId)!;
}, 60_000);
afterAll(async () => {
  await harness?.h.close();
  await sinch?.close();
  await welkin?.close();
});

/** The entries `act` wrote (the log's newest id before and after), oldest first. */
async function entriesOf(act: () => Promise<unknown>): Promise<AuditEntry[]> {
  const before = (await call<AuditPage>(harness.h, 'audit.list', { limit: 1 })).entries[0]?.id ?? 0;
  await act();
  const page = await call<AuditPage>(harness.h, 'audit.list', { limit: 500 });
  return page.entries.filter((entry) => entry.id > before).reverse();
}
const brief = (entries: AuditEntry[]) => entries.map((e) => ({ action: e.action, targetType: e.targetType, targetId: e.targetId, detail: e.detail }));

describe('audit log through the handlers', () => {
  it('viewed: opening a fax (inbox.get with view) — one entry; a refresh (no view) none', async () => {
    expect(brief(await entriesOf(() => call(harness.h, 'inbox.get', { id: faxes[0]!.id, view: true }))))
      .toEqual([{ action: 'viewed', targetType: 'fax', targetId: faxes[0]!.id, detail: '' }]);
    expect(await entriesOf(() => call(harness.h, 'inbox.get', { id: faxes[0]!.id }))).toEqual([]);
  });

  it('printed: inbox.export with purpose print', async () => {
    expect(brief(await entriesOf(() => call(harness.h, 'inbox.export', { id: faxes[0]!.id, purpose: 'print' }))))
      .toEqual([{ action: 'printed', targetType: 'fax', targetId: faxes[0]!.id, detail: 'rotated=false' }]);
  });

  it('printed, a selection: inbox.exportMany — one entry per fax printed', async () => {
    expect(brief(await entriesOf(() => call(harness.h, 'inbox.exportMany', { ids: [faxes[0]!.id, faxes[1]!.id] }))))
      .toEqual([faxes[0]!, faxes[1]!].map((f) => ({ action: 'printed', targetType: 'fax', targetId: f.id, detail: 'selection=2' })));
  });

  it('saved, dragged out of the window: the core writes the copy and one entry', async () => {
    await entriesOf(async () => undefined);
    expect(brief(await entriesOf(() => harness.h.core.dragOutFile(faxes[2]!.id))))
      .toEqual([{ action: 'saved', targetType: 'fax', targetId: faxes[2]!.id, detail: 'dragged=true' }]);
  });

  it('saved: inbox.export (save is the default purpose)', async () => {
    expect(brief(await entriesOf(() => call(harness.h, 'inbox.export', { id: faxes[1]!.id, rotated: true }))))
      .toEqual([{ action: 'saved', targetType: 'fax', targetId: faxes[1]!.id, detail: 'rotated=true' }]);
  });

  it('forwarded: the pages split off for compose (inbox.split with purpose forward); a plain split is "split"', async () => {
    const forwarded = await entriesOf(() => call(harness.h, 'inbox.split', { id: faxes[0]!.id, pages: [0, 1], purpose: 'forward' }));
    expect(brief(forwarded)).toEqual([{ action: 'forwarded', targetType: 'fax', targetId: faxes[0]!.id, detail: expect.stringMatching(/^pages=2;document=[\w-]+$/) }]);
    expect((await entriesOf(() => call(harness.h, 'inbox.split', { id: faxes[0]!.id, pages: [1] }))).map((e) => e.action)).toEqual(['split']);
  });

  it('sent: one entry per job of a fax.send to two numbers', async () => {
    const doc = await addPdf(harness.h, 2);
    let jobs: OutboxJob[] = [];
    const entries = await entriesOf(async () => {
      jobs = await call<OutboxJob[]>(harness.h, 'fax.send', { accountId: harness.sinch, to: ['+19898989898', '+19898989897'], documentIds: [doc.id], options: { subject: 'Referral for J. Doe' } });
    });
    expect(brief(entries)).toEqual(jobs.map((job) => ({ action: 'sent', targetType: 'job', targetId: job.id, detail: `account=${harness.sinch};pages=2` })));
    expect(entries).toHaveLength(2);
  });

  it('retried: a busy line retried', async () => {
    const doc = await addPdf(harness.h, 1);
    const [job] = await call<OutboxJob[]>(harness.h, 'fax.send', { accountId: harness.sinch, to: ['+19898989801'], documentIds: [doc.id] });
    const failed = await waitForFax(harness.h, job!.id, ['failed'], 30_000);
    expect(brief(await entriesOf(() => call(harness.h, 'outbox.retry', { id: failed.id }))))
      .toEqual([{ action: 'retried', targetType: 'job', targetId: failed.id, detail: expect.any(String) }]);
  }, 40_000);

  it('filed: a Welkin fax filed to a patient (ids only, never the name); a refused filing writes nothing', async () => {
    const [type] = await call<Array<{ id: string }>>(harness.h, 'inbox.documentTypes', { accountId: harness.welkin });
    expect(brief(await entriesOf(() => call(harness.h, 'inbox.fileToPatient', { id: welkinFax.id, patient: ADA, documentTypeId: type!.id }))))
      .toEqual([{ action: 'filed', targetType: 'fax', targetId: welkinFax.id, detail: `patient=${ADA.id};documentType=${type!.id}` }]);
    expect(await entriesOf(() => refusal(harness.h, 'inbox.fileToPatient', { id: welkinFax.id, patient: ADA, documentTypeId: 'doc-type-removed' }))).toEqual([]);
  });

  it('reviewed: one entry per fax marked (and unmarked)', async () => {
    const ids = [faxes[1]!.id, faxes[2]!.id];
    expect(brief(await entriesOf(() => call(harness.h, 'inbox.markReviewed', { ids }))))
      .toEqual(ids.map((id) => ({ action: 'reviewed', targetType: 'fax', targetId: id, detail: 'value=true' })));
    expect((await entriesOf(() => call(harness.h, 'inbox.markReviewed', { ids: [ids[0]], value: false }))).map((e) => e.detail)).toEqual(['value=false']);
  });

  it('archived: inbox.archive, and back', async () => {
    expect(brief(await entriesOf(() => call(harness.h, 'inbox.archive', { ids: [faxes[2]!.id] }))))
      .toEqual([{ action: 'archived', targetType: 'fax', targetId: faxes[2]!.id, detail: 'value=true' }]);
    expect((await entriesOf(() => call(harness.h, 'inbox.archive', { ids: [faxes[2]!.id], value: false }))).map((e) => e.detail)).toEqual(['value=false']);
  });

  it('deleted: inbox.delete at the provider; deleting it again (refused) writes nothing', async () => {
    expect(brief(await entriesOf(() => call(harness.h, 'inbox.delete', { id: faxes[3]!.id }))))
      .toEqual([{ action: 'deleted', targetType: 'fax', targetId: faxes[3]!.id, detail: '' }]);
    expect(await entriesOf(() => refusal(harness.h, 'inbox.delete', { id: faxes[3]!.id }))).toEqual([]);
  });

  it('settings_changed: the names and values changed; a refused change writes nothing', async () => {
    expect(brief(await entriesOf(() => call(harness.h, 'settings.update', { markReadOnOpen: false, paperSize: 'a4' }))))
      .toEqual([{ action: 'settings_changed', targetType: undefined, targetId: undefined, detail: 'paperSize=a4;markReadOnOpen=false' }]);
    expect(await entriesOf(() => refusal(harness.h, 'settings.update', { inboxPollSeconds: 1 }))).toEqual([]);
  });

  it('account_added, account_updated, account_removed', async () => {
    let id = '';
    const added = await entriesOf(async () => { id = await addSinchAccount(harness.h, sinch.url, 'Second desk'); });
    expect(brief(added)).toEqual([{ action: 'account_added', targetType: 'account', targetId: id, detail: 'provider=sinch' }]);
    const accounts = await call<Array<{ id: string; settings: unknown }>>(harness.h, 'accounts.list');
    const settings = accounts.find((a) => a.id === id)!.settings;
    expect(brief(await entriesOf(() => call(harness.h, 'accounts.update', { id, draft: { name: 'Renamed desk', settings } }))))
      .toEqual([{ action: 'account_updated', targetType: 'account', targetId: id, detail: '' }]);
    expect(brief(await entriesOf(() => call(harness.h, 'accounts.remove', { id }))))
      .toEqual([{ action: 'account_removed', targetType: 'account', targetId: id, detail: '' }]);
  });

  it('profile_changed: the entries after it carry the initials, with the OS user', async () => {
    const changed = await entriesOf(() => call(harness.h, 'audit.setProfile', { initials: 'JD' }));
    expect(changed).toMatchObject([{ action: 'profile_changed', profile: 'JD', osUser: expect.any(String) }]);
    expect(await call(harness.h, 'audit.profile')).toEqual({ initials: 'JD' });
    expect((await entriesOf(() => call(harness.h, 'inbox.get', { id: faxes[0]!.id, view: true })))[0]).toMatchObject({ profile: 'JD' });
    expect((await refusal(harness.h, 'audit.setProfile', { initials: 'J D; DROP' })).code).toBe('invalid_input');
    await call(harness.h, 'audit.setProfile', { initials: '' });
    expect(await call(harness.h, 'audit.profile')).toEqual({ initials: '' });
  });

  it('exported: the audit export itself, with its range and how many entries left', async () => {
    const from = '2000-01-01T00:00:00.000Z';
    const to = '2100-01-01T00:00:00.000Z';
    const total = (await call<AuditPage>(harness.h, 'audit.list', { limit: 1 })).total;
    let csv = '';
    const entries = await entriesOf(async () => {
      const file = await call<{ name: string; bytes: Uint8Array }>(harness.h, 'audit.export', { from, to });
      csv = new TextDecoder().decode(file.bytes);
    });
    expect(brief(entries)).toEqual([{ action: 'exported', targetType: undefined, targetId: undefined, detail: `from=${from};to=${to};entries=${total}` }]);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(total + 1);
  });

  it('list, verify and export refuse bad input: an unknown action, a range that ends before it starts', async () => {
    expect((await refusal(harness.h, 'audit.list', { actions: ['shredded'] })).code).toBe('invalid_input');
    const backwards = await refusal(harness.h, 'audit.export', { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' });
    expect(backwards).toMatchObject({ code: 'invalid_input' });
    expect((await refusal(harness.h, 'audit.list', { from: 'last week' })).code).toBe('invalid_input');
    expect((await refusal(harness.h, 'audit.export', { from: '2026-03-01T00:00:00Z' })).code).toBe('invalid_input');
  });

  it('no entry carries a name, a subject or a full number', async () => {
    const text = JSON.stringify((await call<AuditPage>(harness.h, 'audit.list', { limit: 500 })).entries);
    for (const phi of ['Ada', 'Lovelace', 'J. Doe', 'Referral', SENDER, SENDER.slice(1), '9898989898', 'Second desk', 'Renamed']) expect(text).not.toContain(phi);
  });

  it('the whole log verifies; an entry edited in the file (trigger dropped) is named by audit.verify', async () => {
    const intact = await call<AuditVerify>(harness.h, 'audit.verify');
    expect(intact).toMatchObject({ ok: true, entries: expect.any(Number) });
    const other = new DatabaseSync(join(harness.h.dataDir, 'faxdesk.sqlite'));
    other.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET action = 'deleted' WHERE id = 3`);
    other.close();
    expect(await call(harness.h, 'audit.verify')).toEqual({ ok: false, firstBroken: 3, reason: 'changed' });
  });
});
