import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCESSING_MS, WELKIN_TEST_NUMBERS } from '../../main/emulators/welkin/index';
import { draftWithFile, firstError, useWelkinApi, type FaxJson } from '../support/welkinApi';

describe('Welkin emulator: send lifecycle', () => {
  const h = useWelkinApi({ speed: 0 });

  const advance = (ms: number) => h.control.advance(ms);
  const get = async (id: string) => (await h.call('GET', `/faxes/${id}`)).json as FaxJson;

  it('completes a fax to SENT within a few seconds at speed 1', async () => {
    await h.control.clock({ speed: 1 });
    const fax = await draftWithFile(h, WELKIN_TEST_NUMBERS.success.number);
    await h.call('POST', `/faxes/${fax.id}/send`);
    const started = Date.now();
    let current = await get(fax.id);
    while (current.status === 'PROCESSING' && Date.now() - started < 8000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      current = await get(fax.id);
    }
    expect(current).toMatchObject({ status: 'SENT', failureReason: null });
    expect(Date.parse(current.sentAt ?? '')).toBeGreaterThan(Date.parse(current.createdAt));
  });

  it('stays PROCESSING until the virtual delay has passed, then SENT with pages and sentAt', async () => {
    const fax = await draftWithFile(h);
    await h.call('POST', `/faxes/${fax.id}/send`);
    await advance(DEFAULT_PROCESSING_MS - 10);
    expect((await get(fax.id)).status).toBe('PROCESSING');
    await advance(20);
    const sent = await get(fax.id);
    expect(sent).toMatchObject({ status: 'SENT', pages: 1, failureReason: null });
    expect(sent.sentAt).toBe(sent.updatedAt);
    // A delivered fax cannot be deleted.
    expect(firstError((await h.call('DELETE', `/faxes/${fax.id}`)).json).errorCode).toBe('FAX_INVALID_STATUS');
  });

  it.each([
    ['busy', WELKIN_TEST_NUMBERS.busy],
    ['no answer', WELKIN_TEST_NUMBERS.noAnswer],
    ['partial', WELKIN_TEST_NUMBERS.partial],
    ['not a fax machine', WELKIN_TEST_NUMBERS.notFax],
  ])('fails a fax to the %s number with its failure reason', async (_label, entry) => {
    const fax = await draftWithFile(h, entry.number);
    // Two more pages so the partial number has something to deliver.
    await h.upload(fax.id, [{ name: 'b.jpg', data: 'jpg' }, { name: 'c.png', data: 'png' }]);
    await h.call('POST', `/faxes/${fax.id}/send`);
    await advance(DEFAULT_PROCESSING_MS);
    const failed = await get(fax.id);
    expect(failed).toMatchObject({ status: 'FAILED', failureReason: entry.failureReason, sentAt: null });
    expect(failed.pages).toBe(Math.floor(3 * entry.pagesDeliveredRatio));
  });

  it('retries a FAILED fax: PROCESSING again, same id; busy-once then succeeds', async () => {
    const fax = await draftWithFile(h, WELKIN_TEST_NUMBERS.busyOnce.number);
    await h.call('POST', `/faxes/${fax.id}/send`);
    await advance(DEFAULT_PROCESSING_MS);
    expect((await get(fax.id)).status).toBe('FAILED');
    const retried = await h.call('POST', `/faxes/${fax.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.json).toMatchObject({ id: fax.id, status: 'PROCESSING', failureReason: null });
    await advance(DEFAULT_PROCESSING_MS);
    expect((await get(fax.id)).status).toBe('SENT');
    const dump = await h.control.faxes();
    expect(dump).toEqual([expect.objectContaining({ id: fax.id, attempts: 2 })]);
    // A draft cannot be retried.
    const draft = (await h.call('POST', '/faxes')).json as FaxJson;
    expect(firstError((await h.call('POST', `/faxes/${draft.id}/retry`)).json).errorCode).toBe('FAX_INVALID_STATUS');
  });

  it('lets a FAILED fax be deleted', async () => {
    const fax = await draftWithFile(h, WELKIN_TEST_NUMBERS.busy.number);
    await h.call('POST', `/faxes/${fax.id}/send`);
    await advance(DEFAULT_PROCESSING_MS);
    expect((await h.call('DELETE', `/faxes/${fax.id}`)).status).toBe(200);
  });

  it('force-completes a PROCESSING fax through the control API', async () => {
    const fax = await draftWithFile(h);
    await h.call('POST', `/faxes/${fax.id}/send`);
    const forced = await h.control.request('POST', `/faxes/${fax.id}/complete`, { outcome: 'FAILED', failureReason: 'Failed - Line dropped' });
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({ status: 'FAILED', failureReason: 'Failed - Line dropped' });
    expect(await get(fax.id)).toMatchObject({ status: 'FAILED', failureReason: 'Failed - Line dropped' });
    expect((await h.control.request('POST', `/faxes/${fax.id}/complete`, { outcome: 'SENT' })).status).toBe(409);
    await h.call('POST', `/faxes/${fax.id}/retry`);
    const viaScoped = await h.control.request('POST', `/demo/live/faxes/${fax.id}/complete`, { outcome: 'SENT' });
    expect(viaScoped.body).toMatchObject({ status: 'SENT' });
    expect((await h.control.request('POST', '/faxes/00000000-0000-4000-8000-000000000000/complete', { outcome: 'SENT' })).status).toBe(404);
    expect((await h.control.request('POST', `/faxes/${fax.id}/complete`, { outcome: 'MAYBE' })).status).toBe(400);
  });

  it('applies lifecycle settings: processing time and default outcome for ordinary numbers', async () => {
    await h.control.lifecycle({ processingMs: 100, defaultOutcome: 'FAILED', defaultFailureReason: 'Failed - Carrier error' });
    const fax = await draftWithFile(h, '+15551234567');
    await h.call('POST', `/faxes/${fax.id}/send`);
    await advance(100);
    expect(await get(fax.id)).toMatchObject({ status: 'FAILED', failureReason: 'Failed - Carrier error' });
  });
});

describe('Welkin emulator: inbound, assign, patients, faults, reset', () => {
  const h = useWelkinApi({ speed: 0 });

  const inbound = (pages = 3) => h.control.inbound({ from: '+15559870000', to: '+15557654321', pages });
  const ADA = '283f50d3-3c4a-4d7e-9a1b-6f2e8c0d1a25';
  const OTHERS = '19b62276-8b19-4662-aa95-a1c65ce8dfe6';

  it('creates an INCOMING RECEIVED unreviewed fax with a generated PDF', async () => {
    const fax = await inbound(3);
    expect(fax).toMatchObject({ direction: 'INCOMING', status: 'RECEIVED', reviewed: false, patientId: null, documentTypeId: null,
      senderFaxNumber: '+15559870000', receiverFaxNumber: '+15557654321', subject: null, pages: 3, createdBy: null });
    expect(fax.receivedAt).toBe(fax.createdAt);
    const file = fax.files[0];
    expect(file?.contentType).toBe('application/pdf');
    const bytes = Buffer.from(await (await fetch(`${h.base}/faxes/${fax.id}/files/${file?.id}`, { headers: { Authorization: `Bearer ${h.token}` } })).arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBe(file?.size);
    expect(((await h.call('GET', '/faxes')).json as { content: FaxJson[] }).content[0]?.id).toBe(fax.id);
  });

  it('uses a given PDF for inbound, and accepts the multipart incoming route', async () => {
    const pdf = Buffer.from('%PDF-1.4 not really\n');
    const fax = await h.control.inbound({ from: '+15559870000', to: '+15557654321', pdfBase64: pdf.toString('base64') });
    expect(fax.files[0]?.size).toBe(pdf.length);
    const form = new FormData();
    form.append('senderFaxNumber', '+15559870001');
    form.append('pages', '2');
    form.append('files', new Blob([pdf]), 'scan.pdf');
    const response = await fetch(`${h.emulator.url}/__emulator/demo/live/faxes/incoming`, { method: 'POST', body: form });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ senderFaxNumber: '+15559870001', receiverFaxNumber: '+15557654321', pages: 2, files: [{ originalName: 'scan.pdf' }] });
    expect((await h.control.request('POST', '/inbound', { from: '', to: 'x' })).status).toBe(400);
  });

  it('marks an incoming fax reviewed, refuses draft-only changes on it, and deletes it', async () => {
    const fax = await inbound();
    expect((await h.call('PATCH', `/faxes/${fax.id}`, { reviewed: true })).json).toMatchObject({ reviewed: true, updatedByName: 'API_CLIENT:demo-client' });
    expect(firstError((await h.call('PATCH', `/faxes/${fax.id}`, { subject: 'x' })).json).errorCode).toBe('FAX_INVALID_STATUS');
    expect(firstError((await h.call('PATCH', `/faxes/${fax.id}`, { patientId: ADA })).json).errorCode).toBe('VALIDATION_ERROR');
    expect(firstError((await h.call('POST', `/faxes/${fax.id}/send`)).json).errorCode).toBe('FAX_INVALID_STATUS');
    expect(firstError((await h.upload(fax.id, [{ name: 'a.pdf', data: 'x' }])).json).errorCode).toBe('FAX_INVALID_STATUS');
    expect((await h.call('DELETE', `/faxes/${fax.id}`)).status).toBe(200);
  });

  it('assigns an incoming fax: patient + document type, filed as a _document_summary record', async () => {
    const fax = await inbound();
    const missingType = await h.call('POST', `/faxes/${fax.id}/assign`, { patientId: ADA });
    expect(missingType.status).toBe(400);
    expect(firstError((await h.call('POST', `/faxes/${fax.id}/assign`, { patientId: '00000000-0000-4000-8000-000000000000', documentTypeId: OTHERS })).json).errorCode).toBe('PATIENT_NOT_FOUND');
    const badType = await h.call('POST', `/faxes/${fax.id}/assign`, { patientId: ADA, documentTypeId: 'no-such-type' });
    expect(badType.status).toBe(404);
    expect(firstError(badType.json)).toMatchObject({ errorCode: 'DOCUMENT_TYPE_NOT_FOUND', componentType: 'DOCUMENT_TYPE' });

    const assigned = await h.call('POST', `/faxes/${fax.id}/assign`, { patientId: ADA, documentTypeId: OTHERS });
    expect(assigned.status).toBe(200);
    const result = assigned.json as FaxJson;
    expect(result).toMatchObject({ patientId: ADA, documentTypeId: OTHERS, reviewed: false, status: 'RECEIVED' });
    expect(result.documentSummaryId).toMatch(/^[0-9a-f-]{36}$/);

    const list = (await h.call('GET', `/patients/${ADA}/document-summary?sourceId=${fax.id}`)).json as { name: string; data: { content: Array<{ id: string; jsonBody: Record<string, unknown> }>; totalElements: number } };
    expect(list.name).toBe('_document_summary');
    expect(list.data.totalElements).toBe(1);
    const record = (await h.call('GET', `/patients/${ADA}/document-summary/${result.documentSummaryId}`)).json as { cdtName: string; patientId: string; jsonBody: { type: string; source_type: string; source_id: string; files: Array<{ id: string }> } };
    expect(record).toMatchObject({ cdtName: '_document_summary', patientId: ADA, jsonBody: { type: 'doc-type-others', source_type: 'FAX', source_id: fax.id } });
    expect(record.jsonBody.files.map((file) => file.id)).toEqual(fax.files.map((file) => file.id));
    const bytes = await fetch(`${h.base}/patients/${ADA}/document-summary/${result.documentSummaryId}/files/${fax.files[0]?.id}`, { headers: { Authorization: `Bearer ${h.token}` } });
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get('content-type')).toBe('application/pdf');

    // Re-assign by document type *name* to another patient moves the document.
    const GRACE = '4b7d2e91-8f3c-4a6b-b2d5-9e0f1a2b3c40';
    const moved = (await h.call('POST', `/faxes/${fax.id}/assign`, { patientId: GRACE, documentTypeId: 'medical-records' })).json as FaxJson;
    expect(moved).toMatchObject({ patientId: GRACE, documentTypeId: '3d914fa0-5c7e-4b1d-8f60-8e0c2b4d6f04' });
    const gone = await h.call('GET', `/patients/${ADA}/document-summary/${result.documentSummaryId}`);
    expect(gone.status).toBe(404);
    expect(firstError(gone.json)).toMatchObject({ errorCode: 'DT_RECORD_NOT_FOUND', componentType: 'CDT' });
    expect(((await h.call('GET', `/patients/${GRACE}/document-summary`)).json as { data: { totalElements: number } }).data.totalElements).toBe(1);
  });

  it('assigns an outgoing fax with only a patient id (no document record)', async () => {
    const fax = await draftWithFile(h);
    const assigned = await h.call('POST', `/faxes/${fax.id}/assign`, { patientId: ADA });
    expect(assigned.json).toMatchObject({ patientId: ADA, documentSummaryId: null, status: 'DRAFT' });
    expect(firstError((await h.call('POST', `/faxes/${fax.id}/assign`, {})).json).errorCode).toBe('VALIDATION_ERROR');
    expect(((await h.call('GET', `/patients/${ADA}/document-summary`)).json as { data: { empty: boolean } }).data.empty).toBe(true);
  });

  it('finds patients by id, alternate ids, query and by-filter, as Spring Pages', async () => {
    const ada = await h.call('GET', `/patients/${ADA}`);
    expect(ada.json).toMatchObject({ id: ADA, firstName: 'Ada', lastName: 'Lovelace', gender: 'FEMALE', patientPrograms: [] });
    expect((await h.call('GET', '/patients/MRN-1001?type=MRN')).json).toMatchObject({ id: ADA });
    const missing = await h.call('GET', '/patients/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(firstError(missing.json)).toMatchObject({ errorCode: 'PATIENT_NOT_FOUND', componentType: 'PATIENT' });
    const all = (await h.call('GET', '/patients?size=4')).json as { content: unknown[]; totalElements: number; totalPages: number; last: boolean };
    expect(all).toMatchObject({ totalElements: 6, totalPages: 2, last: false });
    expect(all.content).toHaveLength(4);
    const search = (await h.call('GET', '/patients?query=LOVE')).json as { content: Array<{ id: string }> };
    expect(search.content.map((patient) => patient.id)).toEqual([ADA]);
    const byPhone = (await h.call('GET', '/patients?query=5550103')).json as { content: Array<{ firstName: string }> };
    expect(byPhone.content.map((patient) => patient.firstName)).toEqual(['Alan']);
    const sorted = (await h.call('GET', '/patients?sort=firstName,desc')).json as { content: Array<{ firstName: string }> };
    expect(sorted.content[0]?.firstName).toBe('Katherine');
    const filterAll = (await h.call('POST', '/by-filter/patients?page=0', {})).json as { totalElements: number };
    expect(filterAll.totalElements).toBe(6);
    const filtered = (await h.call('POST', '/by-filter/patients', { searchText: 'grace' })).json as { content: Array<{ lastName: string }> };
    expect(filtered.content.map((patient) => patient.lastName)).toEqual(['Hopper']);
  });

  it('lists document types as a plain array (defaults + customer types) and gets one by name', async () => {
    const types = (await h.call('GET', '/formations/current/document-types?page=0')).json as Array<{ name: string; id: string; type: string }>;
    expect(Array.isArray(types)).toBe(true);
    expect(types.map((type) => type.name)).toEqual(expect.arrayContaining(['doc-type-assessment', 'doc-type-docusign', 'doc-type-others', 'dt-insurance-card', 'medical-records']));
    expect((await h.call('GET', '/formations/current/document-types/doc-type-others')).json).toMatchObject({ id: OTHERS, title: 'Others', type: 'MULTI_RECORD', relation: 'DOCUMENT_TYPE' });
    expect(firstError((await h.call('GET', '/formations/current/document-types/nope')).json).errorCode).toBe('DOCUMENT_TYPE_NOT_FOUND');
  });

  it('injects faults through the control API with Welkin error bodies, and stops after count', async () => {
    expect((await h.control.request('POST', '/faults', { rate: 1, kinds: ['500'], pathPattern: '/faxes$', method: 'POST', count: 1 })).status).toBe(200);
    const failed = await h.call('POST', '/faxes');
    expect(failed.status).toBe(500);
    expect(firstError(failed.json)).toMatchObject({ errorCode: 'INTERNAL_SERVER_ERROR' });
    expect((await h.call('POST', '/faxes')).status).toBe(201);
    await h.control.faults({ rate: 1, kinds: ['429'], count: 1 });
    const limited = await h.call('GET', '/faxes');
    expect(limited.status).toBe(429);
    expect(firstError(limited.json).errorCode).toBe('TOO_MANY_REQUESTS');
    await h.control.faults({ rate: 1, kinds: ['malformed'], count: 1 });
    await expect((await fetch(`${h.base}/faxes`, { headers: { Authorization: `Bearer ${h.token}` } })).json()).rejects.toThrow();
    await h.control.faults({ rate: 1, kinds: ['reset'], count: 1 });
    await expect(fetch(`${h.base}/faxes`, { headers: { Authorization: `Bearer ${h.token}` } })).rejects.toThrow();
    // Only one fax was created: the injected 500 created nothing.
    expect(await h.control.faxes()).toHaveLength(1);
  });

  it('resets faxes, documents and faults but keeps issued tokens valid', async () => {
    await inbound();
    await draftWithFile(h);
    await h.control.faults({ rate: 1, kinds: ['500'], pathPattern: '^/never$' });
    expect((await h.control.request('POST', '/reset')).status).toBe(200);
    expect(await h.control.faxes()).toEqual([]);
    expect(((await h.call('GET', '/faxes')).json as { totalElements: number }).totalElements).toBe(0);
  });

  it('answers unknown control routes with 404', async () => {
    expect((await h.control.request('POST', '/nope')).status).toBe(404);
  });
});
