import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, InvokeChannel, OutputOf } from '../../common/ipc/contract';
import type { ErrorInfo } from '../../common/errors';
import { parseContacts } from '../../main/core/contacts/parseContacts';
import { startTestCore, type CoreHarness } from '../support/coreKit';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/contacts', name)));

let h: CoreHarness;
beforeEach(() => { h = startTestCore({ demo: false }); });
afterEach(async () => { await h.close(); });

async function call<C extends InvokeChannel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = await h.core.dispatch(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as OutputOf<C>;
}
async function refusal<C extends InvokeChannel>(channel: C, input: InputOf<C>): Promise<ErrorInfo> {
  const r = await h.core.dispatch(channel, input);
  if (r.ok) throw new Error(`${channel} should have been refused`);
  return r.error;
}

/** A fax that went to `number` from an account (Demo or real), as the outbox stores it. */
function sentTo(number: string, accountId: string, demo: boolean, at: string) {
  h.services.db.prepare(`INSERT OR IGNORE INTO accounts (id, name, provider, settings_json, demo, created_at, updated_at) VALUES (?, ?, 'sinch', '{}', ?, ?, ?)`)
    .run(accountId, accountId, demo ? 1 : 0, at, at);
  h.services.db.prepare(`INSERT INTO outbox_jobs (id, batch_id, account_id, recipient, options_json, pages, state, created_at, updated_at)
    VALUES (?, 'b', ?, ?, '{}', 1, 'sent', ?, ?)`).run(`${number}-${at}`, accountId, number, at, at);
}

const names = (list: Array<{ kind: string; contact?: { name: string }; recent?: { number: string }; group?: { name: string } }>) =>
  list.map((s) => s.contact?.name ?? s.recent?.number ?? `group ${s.group?.name}`);

describe('contacts', () => {
  it('adds, edits, favourites and deletes a contact; a bad number or a nameless contact is refused next to its field', async () => {
    const added = await call('contacts.add', { name: 'Amelia Okafor', organisation: 'Riverside Cardiology', faxNumber: '(201) 555-0140' });
    expect(added).toMatchObject({ faxNumber: '+12015550140', favourite: false, groupIds: [] });
    const starred = await call('contacts.update', { id: added.id, change: { favourite: true } });
    expect(starred).toMatchObject({ name: 'Amelia Okafor', faxNumber: '+12015550140', favourite: true });
    expect((await call('contacts.update', { id: added.id, change: { faxNumber: '0044 20 7946 0000' } })).faxNumber).toBe('+442079460000');
    expect(await refusal('contacts.add', { name: 'X', faxNumber: '555-01' })).toMatchObject({ code: 'invalid_input', fields: { faxNumber: expect.stringMatching(/not a complete/) } });
    expect((await refusal('contacts.add', { faxNumber: '+12015550100' })).fields).toHaveProperty('name');
    expect(await call('contacts.remove', { id: added.id })).toEqual({ removed: true });
    expect((await call('contacts.list', {})).total).toBe(0);
  });

  it('searches as you type by name, organisation or digits (any part, the last four, national form); favourites and recently faxed first', async () => {
    await call('contacts.add', { name: 'Amelia Okafor', organisation: 'Riverside Cardiology', faxNumber: '+1 201 555 0140' });
    const fav = await call('contacts.add', { name: 'Zed River', organisation: 'Hudson Imaging', faxNumber: '+1 201 555 0160', favourite: true });
    await call('contacts.add', { name: 'London office', organisation: 'Baker Street Clinic', faxNumber: '+44 20 7946 0000' });
    sentTo('+12015550140', 'real', false, '2025-01-02T10:00:00.000Z');
    sentTo('+12015550999', 'real', false, '2025-01-03T10:00:00.000Z');

    expect(names(await call('contacts.search', { text: 'river' }))).toEqual(['Zed River', 'Amelia Okafor']);
    expect(names(await call('contacts.search', { text: 'cardio' }))).toEqual(['Amelia Okafor']);
    expect(names(await call('contacts.search', { text: '0140' }))).toEqual(['Amelia Okafor']);
    expect(names(await call('contacts.search', { text: '201 555' }))).toEqual(['Zed River', 'Amelia Okafor', '+12015550999']);
    expect(names(await call('contacts.search', { text: '020 7946' }))).toEqual(['London office']);
    expect(names(await call('contacts.search', { text: 'ok' }))).toEqual(['Amelia Okafor']); // two letters: no trigram, still found
    // Nothing typed: favourites, then numbers faxed recently.
    expect(names(await call('contacts.search', { text: '' }))).toEqual(['Zed River', '+12015550999', '+12015550140']);
    expect((await call('contacts.list', {})).contacts.map((c) => c.name)).toEqual(['Zed River', 'Amelia Okafor', 'London office']);
    expect(fav.favourite).toBe(true);
  });

  it('says which numbers no real account has faxed before (Demo faxes are not transmitted, so they do not count)', async () => {
    sentTo('+12015550100', 'real', false, '2025-01-01T00:00:00.000Z');
    sentTo('+12015550101', 'demo', true, '2025-01-01T00:00:00.000Z');
    expect(await call('contacts.newNumbers', { numbers: ['+12015550100', '+12015550101', '+12015550102'] }))
      .toEqual({ numbers: ['+12015550101', '+12015550102'] });
  });

  it('keeps groups: members in order, a deleted contact leaves its groups, and search offers the group with its members', async () => {
    const a = await call('contacts.add', { name: 'Ann', faxNumber: '+12015550101' });
    const b = await call('contacts.add', { name: 'Ben', faxNumber: '+12015550102' });
    const group = await call('groups.add', { name: 'Referral partners', memberIds: [b.id, a.id, 'gone'] });
    expect(group.memberIds).toEqual([b.id, a.id]);
    const [suggestion] = await call('contacts.search', { text: 'referral' });
    expect(suggestion).toMatchObject({ kind: 'group', group: { name: 'Referral partners' } });
    expect(suggestion?.kind === 'group' && suggestion.members.map((m) => m.name)).toEqual(['Ben', 'Ann']);
    await call('contacts.remove', { id: b.id });
    expect((await call('groups.list', {}))[0]!.memberIds).toEqual([a.id]);
    expect((await call('groups.update', { id: group.id, draft: { name: 'Partners', memberIds: [] } })).name).toBe('Partners');
    expect(await call('groups.remove', { id: group.id })).toEqual({ removed: true });
  });
});

describe('contacts import', () => {
  it('previews a file (in the worker pool), then imports exactly the previewed rows; a second import of the file skips them', async () => {
    const preview = await call('contacts.importPreview', { name: 'outlook.csv', bytes: fixture('outlook.csv') });
    expect(preview).toMatchObject({ format: 'csv', rowCount: 3, skippedCount: 2 });
    expect((await call('contacts.list', {})).total).toBe(0); // a preview stores nothing
    expect(await call('contacts.import', { previewId: preview.previewId })).toEqual({ imported: 3 });
    expect((await call('contacts.list', {})).contacts.map((c) => c.name || c.organisation).sort()).toEqual(['Amelia Okafor', 'Hudson Imaging', 'Jürgen Weiß']);
    expect(await refusal('contacts.import', { previewId: preview.previewId })).toMatchObject({ code: 'not_found' });

    const again = await call('contacts.importPreview', { name: 'outlook.csv', bytes: fixture('outlook.csv') });
    expect(again.rowCount).toBe(0);
    expect(again.skipped.filter((s) => s.reason === 'Already in your contacts')).toHaveLength(3);
  });

  it('refuses a bad file with the reason and the next step', async () => {
    expect(await refusal('contacts.importPreview', { name: 'empty.csv', bytes: fixture('empty.csv') }))
      .toMatchObject({ code: 'unsupported_file', message: 'empty.csv: The file is empty.' });
  });

  it('imports all or nothing: a failure on row 7,000 of 10,000 leaves no contact, and the same preview then imports all', async () => {
    const lines = ['Name,Organisation,Fax'];
    for (let i = 0; i < 10_000; i += 1) lines.push(`Person ${i},Clinic ${i % 40},+1 201 555 ${String(i).padStart(4, '0')}`);
    const preview = await call('contacts.importPreview', { name: 'big.csv', bytes: new TextEncoder().encode(lines.join('\n')) });
    expect(preview.rowCount).toBe(10_000);
    expect(preview.rows).toHaveLength(500); // the counts are whole; the list shown is cut
    // The disk fills up (or anything else fails) in the middle of the import.
    h.services.db.exec(`CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON contacts WHEN new.name = 'Person 6999'
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    expect((await refusal('contacts.import', { previewId: preview.previewId })).code).toBe('internal');
    expect((await call('contacts.list', {})).total).toBe(0);
    expect(h.services.db.prepare('SELECT COUNT(*) AS n FROM contacts_fts').get()).toEqual({ n: 0 });
    h.services.db.exec('DROP TRIGGER fail_midway');
    expect(await call('contacts.import', { previewId: preview.previewId })).toEqual({ imported: 10_000 });
    expect((await call('contacts.search', { text: 'Person 6999' })).map((s) => s.kind === 'contact' && s.contact.faxNumber)).toEqual(['+12015556999']);
   }, 90_000); // a 10,000-row file on a busy machine

  it('exports CSV and vCard that Faxdesk (and the parsers for Outlook and Google) read back the same', async () => {
    await call('contacts.add', { name: 'Märta Ångström', organisation: 'Göteborg; Vårdcentral', faxNumber: '+46 31 123 45 67', notes: 'Line one\nline, two', favourite: true });
    await call('contacts.add', { organisation: 'Hudson Imaging', faxNumber: '+1 201 555 0160' });
    const csv = await call('contacts.export', { format: 'csv' });
    expect(csv.name).toMatch(/^Faxdesk contacts \d{4}-\d{2}-\d{2}\.csv$/);
    const vcf = await call('contacts.export', { format: 'vcard' });
    const fromCsv = parseContacts({ bytes: csv.bytes, fileName: csv.name, region: 'US' });
    const fromVcf = parseContacts({ bytes: vcf.bytes, fileName: vcf.name, region: 'US' });
    const expected = [
      { name: '', organisation: 'Hudson Imaging', faxNumber: '+12015550160', notes: '' },
      { name: 'Märta Ångström', organisation: 'Göteborg; Vårdcentral', faxNumber: '+46311234567', notes: 'Line one\nline, two' },
    ];
    expect(fromCsv.ok && fromCsv.rows.map(({ name, organisation, faxNumber, notes }) => ({ name, organisation, faxNumber, notes }))).toEqual(expected);
    expect(fromCsv.ok && fromCsv.rows.map((r) => r.favourite)).toEqual([false, true]);
    expect(fromVcf.ok && fromVcf.rows.map(({ organisation, faxNumber, notes }) => ({ organisation, faxNumber, notes })))
      .toEqual(expected.map(({ organisation, faxNumber, notes }) => ({ organisation, faxNumber, notes })));
    expect(new TextDecoder().decode(vcf.bytes)).toContain('TEL;TYPE=WORK,FAX:+46311234567');
  });
});
