import { beforeEach, describe, expect, it } from 'vitest';
import type { WelkinProvider } from '../../main/core/providers/welkin/welkinProvider';
import { useWelkinEmulator } from '../support/emulatorSuite';
import { welkinProviderFor } from '../support/providerKit';
import { readAll } from '../support/testKit';

// Every Welkin endpoint the client uses, end to end against the emulator over real HTTP.

const ADA = '283f50d3-3c4a-4d7e-9a1b-6f2e8c0d1a25';
const DELIVERED = '+19898989898';
const BUSY_ONCE = '+19898989805';

let provider: WelkinProvider;

const suite = useWelkinEmulator();
beforeEach(() => { provider = welkinProviderFor(suite.url); });

const finishProcessing = () => suite.control.clock({ advanceMs: 60_000 });

describe('Welkin provider: outgoing', () => {
  it('checks the connection and declares its capabilities', async () => {
    await expect(provider.testConnection()).resolves.toBeUndefined();
    expect([...provider.capabilities].sort()).toEqual(['assignToPatient', 'deleteFax', 'retryOnServer', 'reviewedFlag', 'serverDrafts']);
    expect(provider.kind).toBe('welkin');
  });

  it('sends: draft → upload → send, then follows the fax to SENT', async () => {
    const document = await suite.files.pdf('referral.pdf', 2);
    const created: string[] = [];
    const [fax] = await provider.send({ to: [DELIVERED], documents: [document], clientReference: 'job-1', subject: 'Referral', onCreated: (id) => { created.push(id); } });
    expect(fax).toMatchObject({ direction: 'outbound', status: 'sending', to: DELIVERED, subject: 'Referral', hasFile: true });
    expect(created).toEqual([fax!.id]); // the draft's id, known before the upload
    const held = await suite.control.faxes();
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ status: 'PROCESSING', subject: 'Referral' });
    await finishProcessing();
    expect(await provider.getFax(fax!.id)).toMatchObject({ status: 'sent', pages: 2 });
  });

  it('sends one fax per recipient, in order', async () => {
    const document = await suite.files.pdf('memo.pdf');
    const created: string[] = [];
    const faxes = await provider.send({ to: [DELIVERED, '+15551230001'], documents: [document], labels: { jobId: 'job-2' }, onCreated: (id) => { created.push(id); } });
    expect(faxes.map((fax) => fax.to)).toEqual([DELIVERED, '+15551230001']);
    expect(created).toEqual(faxes.map((fax) => fax.id));
    // Faxdesk's reference never takes the subject's place.
    expect(faxes.every((fax) => fax.subject === undefined)).toBe(true);
    expect((await suite.control.faxes()).filter((fax) => fax.status === 'PROCESSING')).toHaveLength(2);
  });

  it('finds faxes an earlier Faxdesk marked with its reference in the subject, and ignores other subjects', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const document = await suite.files.pdf('a.pdf');
    await provider.send({ to: [DELIVERED], documents: [document], subject: 'other' });
    const [mine] = await provider.send({ to: [DELIVERED], documents: [document], subject: 'job-3' });
    const found = await provider.findByReference('job-3', since);
    expect(found.map((fax) => fax.id)).toEqual([mine!.id]);
    expect(await provider.findByReference('job-404', since)).toEqual([]);
  });

  it('covers every draft endpoint: create, update, upload, delete a file, send, list, delete', async () => {
    const client = provider.client;
    const draft = await client.createDraft({ receiverFaxNumber: '+15551234567', subject: 'First' });
    expect(draft).toMatchObject({ status: 'DRAFT', direction: 'OUTGOING', subject: 'First' });
    const updated = await client.updateFax(draft.id, { receiverFaxNumber: DELIVERED, subject: 'Second', patientId: ADA });
    expect(updated).toMatchObject({ receiverFaxNumber: DELIVERED, subject: 'Second', patientId: ADA });

    const uploaded = await client.uploadFiles(draft.id, [await suite.files.pdf('one.pdf'), await suite.files.pdf('two.pdf', 3)]);
    expect(uploaded.files).toHaveLength(2);
    await client.deleteFile(draft.id, uploaded.files[0]!.id);
    expect((await client.getFax(draft.id)).files).toHaveLength(1);

    const sent = await client.sendFax(draft.id);
    expect(sent.status).toBe('PROCESSING');
    await expect(client.sendFax(draft.id)).rejects.toMatchObject({ code: 'conflict', providerCode: 'FAX_INVALID_STATUS' });
    await expect(client.deleteFax(draft.id)).rejects.toMatchObject({ providerCode: 'FAX_INVALID_STATUS' });

    const other = await client.createDraft({ subject: 'Throwaway' });
    await client.deleteFax(other.id);
    await expect(provider.getFax(other.id)).rejects.toMatchObject({ code: 'not_found', providerCode: 'FAX_NOT_FOUND' });
  });

  it('pages the list with page, size, sort and direction', async () => {
    for (const subject of ['s1', 's2', 's3']) await provider.client.createDraft({ subject });
    const newest = await provider.client.listFaxes({ page: 0, size: 2 });
    expect(newest).toMatchObject({ page: 0, size: 2, totalItems: 3, totalPages: 2, last: false });
    expect(newest.items.map((fax) => fax.subject)).toEqual(['s3', 's2']);
    const oldestFirst = await provider.client.listFaxes({ page: 0, size: 10, sort: 'createdAt', direction: 'ASC' });
    expect(oldestFirst.items.map((fax) => fax.subject)).toEqual(['s1', 's2', 's3']);
    const domainPage = await provider.listFaxes({ page: 2, pageSize: 2 });
    expect(domainPage).toMatchObject({ page: 2, pageSize: 2, totalItems: 3, totalPages: 2 });
    expect(domainPage.faxes.map((fax) => fax.status)).toEqual(['draft']);
  });

  it('retries a failed fax on the server and assigns an outgoing fax to a patient', async () => {
    const [fax] = await provider.send({ to: [BUSY_ONCE], documents: [await suite.files.pdf('x.pdf')], clientReference: 'job-4' });
    await finishProcessing();
    expect(await provider.getFax(fax!.id)).toMatchObject({ status: 'failed', failure: { code: 'line_busy', providerReason: 'Failed - Busy' } });
    expect(await provider.retry(fax!.id)).toMatchObject({ status: 'sending' });
    await finishProcessing();
    expect((await provider.getFax(fax!.id)).status).toBe('sent');
    expect(await provider.assignToPatient(fax!.id, { patientId: ADA })).toMatchObject({ patientId: ADA });
  });

  it('forces a completion through the control route and maps FAILED with its reason', async () => {
    const [fax] = await provider.send({ to: [DELIVERED], documents: [await suite.files.pdf('y.pdf')], clientReference: 'job-5' });
    await suite.control.complete(fax!.id, { outcome: 'FAILED', failureReason: 'Failed - No Answer', pages: 0 });
    expect(await provider.getFax(fax!.id)).toMatchObject({ status: 'failed', failure: { code: 'no_answer', provider: 'welkin', providerReason: 'Failed - No Answer' } });
    await provider.deleteFax(fax!.id);
    expect(await suite.control.faxes()).toEqual([]);
  });
});

describe('Welkin provider: incoming', () => {
  it('lists, downloads, marks reviewed, files to a patient and deletes a received fax', async () => {
    await suite.control.inbound({ from: '+15559870000', to: '+15557654321', pages: 2 });
    await provider.client.createDraft({ subject: 'an outgoing draft in the same list' });
    const inbox = await provider.listFaxes({ direction: 'inbound' });
    expect(inbox.totalItems).toBe(1);
    const fax = inbox.faxes[0]!;
    expect(fax).toMatchObject({ direction: 'inbound', status: 'received', from: '+15559870000', reviewed: false, hasFile: true });

    const file = await provider.downloadFax(fax.id);
    expect(file.contentType).toMatch(/pdf/);
    const bytes = await readAll(file.body);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    expect(await provider.setReviewed(fax.id, true)).toMatchObject({ reviewed: true });
    const types = await provider.listDocumentTypes();
    const others = types.find((type) => type.name === 'doc-type-others');
    expect(others).toEqual({ id: '19b62276-8b19-4662-aa95-a1c65ce8dfe6', name: 'doc-type-others', title: 'Others' });
    const [ada] = await provider.searchPatients('lovelace');
    expect(ada).toMatchObject({ id: ADA, firstName: 'Ada', lastName: 'Lovelace', mrn: 'MRN-1001' });

    await expect(provider.assignToPatient(fax.id, { patientId: ADA })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(provider.assignToPatient(fax.id, { patientId: ADA, documentTypeId: 'no-such-type' }))
      .rejects.toMatchObject({ code: 'not_found', providerCode: 'DOCUMENT_TYPE_NOT_FOUND' });
    expect(await provider.assignToPatient(fax.id, { patientId: ADA, documentTypeId: others!.id })).toMatchObject({ patientId: ADA, reviewed: true });

    await provider.deleteFax(fax.id);
    expect((await provider.listFaxes({ direction: 'inbound' })).totalItems).toBe(0);
  });

  it('filters the list by date on the client, since Welkin has no filters', async () => {
    await suite.control.inbound({ from: '+15559870001', to: '+15557654321' });
    const future = new Date(Date.now() + 24 * 3_600_000).toISOString();
    expect((await provider.listFaxes({ createdAfter: future })).faxes).toEqual([]);
    expect((await provider.listFaxes({ createdBefore: future, status: 'received' })).totalItems).toBe(1);
  });
});
