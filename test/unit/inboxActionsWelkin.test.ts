import { afterEach, describe, expect, it } from 'vitest';
import type { InboxFax } from '../../common/domain/inbox';
import type { Patient } from '../../common/domain/patient';
import type { WelkinFaxDump } from '../../main/emulators/welkin/app';
import { waitFor } from '../support/coreKit';
import { call, refusal, syncedFaxes } from '../support/inboxActionsKit';
import { useSinchEmulator, useWelkinEmulator } from '../support/emulatorSuite';
import { inboxList, pollOnce, startInboxCore, type InboxHarness } from '../support/inboxKit';

/**
 * The fax viewer's actions on a Welkin account, against the emulator over HTTP with a real SQLite
 * file: the reviewed flag written back (durably, retried, latest click wins), delete of the fax
 * record, document types, filing to a patient and the suggestion it leaves, and the refusals
 * (a patient no longer there, no permission) that change nothing here.
 */
const sinch = useSinchEmulator({ speed: 1 });
const welkin = useWelkinEmulator({ speed: 1 });
let harness: InboxHarness | undefined;
afterEach(async () => { await harness?.h.close(); harness = undefined; });

const ADA: Patient = { id: '283f50d3-3c4a-4d7e-9a1b-6f2e8c0d1a25', name: 'Ada Lovelace' };
const SENDER = '+14155552100';

async function start(): Promise<InboxHarness> {
  harness = await startInboxCore({ sinchUrl: sinch.url, welkinUrl: welkin.url });
  return harness;
}

async function received(senders: string[]): Promise<InboxFax[]> {
  const ids: string[] = [];
  for (const from of senders) ids.push(((await welkin.control.inbound({ from, to: '+12015550100', pages: 2 })) as { id: string }).id);
  const faxes = await syncedFaxes(harness!.h, harness!.welkin, ids.length);
  return ids.map((id) => faxes.get(id)!);
}

const atWelkin = async (providerId: string) => (await welkin.control.faxes() as WelkinFaxDump[]).find((fax) => fax.id === providerId);

describe('inbox actions (Welkin)', () => {
  it('marking reviewed is immediate here and reaches Welkin on the job runner, through network failures; the latest click wins', async () => {
    const { h } = await start();
    const [fax] = await received([SENDER]);
    // The first two PATCHes are cut off.
    await welkin.control.faults({ rate: 1, kinds: ['reset'], method: 'PATCH', count: 2 });
    const [marked] = await call<InboxFax[]>(h, 'inbox.markReviewed', { ids: [fax!.id] });
    expect(marked!.reviewed).toBe(true);
    await waitFor(async () => (await atWelkin(fax!.providerId))?.reviewed === true, 15_000, 'reviewed at Welkin');
    await waitFor(() => h.services.jobs.byKey(`inbox.writeReviewed:${fax!.id}`) === undefined, 10_000, 'write-back finished');

    // Quick clicks: one job per fax, and Welkin ends with what the last click said.
    for (const value of [false, true, false]) await call(h, 'inbox.markReviewed', { ids: [fax!.id], value });
    await waitFor(() => h.services.jobs.byKey(`inbox.writeReviewed:${fax!.id}`) === undefined, 10_000, 'write-back finished');
    expect((await atWelkin(fax!.providerId))?.reviewed).toBe(false);
    expect((await call<InboxFax>(h, 'inbox.get', { id: fax!.id })).reviewed).toBe(false);
    await call(h, 'inbox.markReviewed', { ids: [fax!.id], value: true });
    await waitFor(async () => (await atWelkin(fax!.providerId))?.reviewed === true, 10_000, 'reviewed at Welkin again');
  }, 60_000);

  it('files a received fax to a patient as a document type; the name stays after a poll; the next fax from that number suggests the patient', async () => {
    const { h } = await start();
    const [first, second, stranger] = await received([SENDER, SENDER, '+13125550199']);
    const types = await call<Array<{ id: string; name: string }>>(h, 'inbox.documentTypes', { accountId: harness!.welkin });
    const others = types.find((type) => type.name === 'Others')!;
    expect(others.id).toBeTruthy();
    expect(await call(h, 'inbox.suggestPatient', { id: second!.id })).toBeNull();

    const filed = await call<InboxFax>(h, 'inbox.fileToPatient', { id: first!.id, patient: ADA, documentTypeId: others.id });
    expect(filed).toMatchObject({ filedPatientId: ADA.id, filedTo: 'Ada Lovelace — Others' });
    expect((await atWelkin(first!.providerId))?.patientId).toBe(ADA.id);
    await pollOnce(h, harness!.welkin);
    expect((await call<InboxFax>(h, 'inbox.get', { id: first!.id })).filedTo).toBe('Ada Lovelace — Others');

    expect(await call(h, 'inbox.suggestPatient', { id: second!.id })).toEqual({ id: ADA.id, name: 'Ada Lovelace' });
    expect(await call(h, 'inbox.suggestPatient', { id: stranger!.id })).toBeNull();
    expect((await refusal(h, 'inbox.documentTypes', { accountId: harness!.sinch })).code).toBe('invalid_input');
  }, 60_000);

  it('a patient or document type no longer in Welkin: a clear refusal, and nothing changes here', async () => {
    const { h } = await start();
    const [fax] = await received([SENDER]);
    const [type] = await call<Array<{ id: string; name: string }>>(h, 'inbox.documentTypes', { accountId: harness!.welkin });
    const gonePatient = await refusal(h, 'inbox.fileToPatient', {
      id: fax!.id, patient: { id: '9d1c4a52-0f4e-4d7b-8a3e-5b2f6c7d8e90', name: 'Former Patient' }, documentTypeId: type!.id,
    });
    expect(gonePatient).toMatchObject({ code: 'not_found', message: 'That patient is no longer in Welkin.' });
    const goneType = await refusal(h, 'inbox.fileToPatient', { id: fax!.id, patient: ADA, documentTypeId: 'doc-type-removed' });
    expect(goneType).toMatchObject({ code: 'not_found', message: 'That document type is no longer in Welkin.' });
    const after = await call<InboxFax>(h, 'inbox.get', { id: fax!.id });
    expect(after.filedTo).toBeUndefined();
    expect(after.filedPatientId).toBeUndefined();
    expect((await atWelkin(fax!.providerId))?.patientId).toBeNull();
  }, 60_000);

  it('deletes the fax at Welkin, then hides it here; a refusal (no permission) keeps it everywhere', async () => {
    const { h } = await start();
    const [kept, gone] = await received([SENDER, SENDER]);
    await welkin.control.access({ faxAccess: false });
    const refused = await refusal(h, 'inbox.delete', { id: kept!.id });
    expect(refused.code).toBe('permission_denied');
    expect(refused.message).toMatch(/Welkin/);
    await welkin.control.access({ faxAccess: true });
    expect(await atWelkin(kept!.providerId)).toBeDefined();
    expect((await inboxList(h, {})).total).toBe(2);

    expect(await call(h, 'inbox.delete', { id: gone!.id })).toEqual({ deleted: true });
    expect(await atWelkin(gone!.providerId)).toBeUndefined();
    expect((await inboxList(h, {})).rows.map((row) => row.id)).toEqual([kept!.id]);
    await pollOnce(h, harness!.welkin);
    expect((await inboxList(h, {})).rows.map((row) => row.id)).toEqual([kept!.id]);
  }, 60_000);
});
