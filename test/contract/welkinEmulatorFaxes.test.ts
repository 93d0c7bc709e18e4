import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { draftWithFile, firstError, PDF_BYTES, useWelkinApi, type FaxJson } from '../support/welkinApi';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

interface PageJson<T> {
  content: T[];
  pageable: { sort: { sorted: boolean; unsorted: boolean; empty: boolean }; pageNumber: number; pageSize: number; offset: number; paged: boolean; unpaged: boolean };
  last: boolean; totalElements: number; totalPages: number; first: boolean; number: number; numberOfElements: number; size: number; empty: boolean;
  sort: { sorted: boolean; unsorted: boolean; empty: boolean };
}

describe('Welkin emulator: fax endpoints', () => {
  // Frozen clock: nothing completes by itself in these tests.
  const h = useWelkinApi({ speed: 0 });

  it('creates a draft: 201, OUTGOING DRAFT, UUID v4, ISO timestamps, audit fields', async () => {
    const created = await h.call('POST', '/faxes', { receiverFaxNumber: '+15551234567', subject: 'Patient Records' });
    expect(created.status).toBe(201);
    const fax = created.json as FaxJson;
    expect(fax).toMatchObject({
      direction: 'OUTGOING', status: 'DRAFT', receiverFaxNumber: '+15551234567', senderFaxNumber: '+15557654321', subject: 'Patient Records',
      reviewed: false, patientId: null, documentTypeId: null, documentSummaryId: null, files: [], pages: null, failureReason: null,
      sentAt: null, receivedAt: null, createdByName: 'API_CLIENT:demo-client', updatedByName: 'API_CLIENT:demo-client',
    });
    expect(fax.id).toMatch(UUID_V4);
    expect(fax.createdAt).toMatch(ISO_MS);
    expect(fax.updatedAt).toMatch(ISO_MS);
    expect((await h.call('GET', `/faxes/${fax.id}`)).json).toEqual(fax);
  });

  it('creates a draft with no body and rejects a bad E.164 number', async () => {
    const empty = await h.call('POST', '/faxes');
    expect(empty.status).toBe(201);
    expect((empty.json as FaxJson).receiverFaxNumber).toBeNull();
    for (const receiverFaxNumber of ['5551234567', '+0123456789', '+1 555 123 4567', 'fax me']) {
      const bad = await h.call('POST', '/faxes', { receiverFaxNumber });
      expect(bad.status).toBe(400);
      expect(firstError(bad.json)).toMatchObject({ errorCode: 'VALIDATION_ERROR', componentType: 'FAX' });
    }
    const badJson = await fetch(`${h.base}/faxes`, { method: 'POST', headers: { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' }, body: '{nope' });
    expect(badJson.status).toBe(400);
    expect(firstError(await badJson.json()).errorCode).toBe('VALIDATION_ERROR');
  });

  it('answers an unknown fax with 404 FAX_NOT_FOUND', async () => {
    const missing = await h.call('GET', '/faxes/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(firstError(missing.json)).toMatchObject({ errorCode: 'FAX_NOT_FOUND', componentType: 'FAX', details: { faxId: '00000000-0000-4000-8000-000000000000' } });
  });

  it('lists faxes as a Spring Page, newest first by default, with paging and sorting', async () => {
    const ids: string[] = [];
    for (const subject of ['c', 'a', 'b']) ids.push(((await h.call('POST', '/faxes', { subject })).json as FaxJson).id);
    const page = (await h.call('GET', '/faxes')).json as PageJson<FaxJson>;
    expect(page.content.map((fax) => fax.id)).toEqual([...ids].reverse());
    expect(page).toMatchObject({ totalElements: 3, totalPages: 1, first: true, last: true, number: 0, size: 20, numberOfElements: 3, empty: false });
    expect(page.pageable).toEqual({ sort: { sorted: true, unsorted: false, empty: false }, pageNumber: 0, pageSize: 20, offset: 0, paged: true, unpaged: false });
    const second = (await h.call('GET', '/faxes?page=1&size=2')).json as PageJson<FaxJson>;
    expect(second).toMatchObject({ number: 1, size: 2, numberOfElements: 1, totalPages: 2, first: false, last: true });
    expect(second.content[0]?.id).toBe(ids[0]);
    const bySubject = (await h.call('GET', '/faxes?sort=subject&direction=ASC')).json as PageJson<FaxJson>;
    expect(bySubject.content.map((fax) => fax.subject)).toEqual(['a', 'b', 'c']);
    const springStyle = (await h.call('GET', '/faxes?sort=subject,desc')).json as PageJson<FaxJson>;
    expect(springStyle.content.map((fax) => fax.subject)).toEqual(['c', 'b', 'a']);
    const ascending = (await h.call('GET', '/faxes?direction=ASC&sort=unknownField')).json as PageJson<FaxJson>;
    expect(ascending.content.map((fax) => fax.id)).toEqual(ids);
    const beyond = (await h.call('GET', '/faxes?page=5')).json as PageJson<FaxJson>;
    expect(beyond).toMatchObject({ content: [], empty: true, numberOfElements: 0, last: true });
    for (const query of ['page=-1', 'size=0', 'size=abc', 'direction=UP']) expect((await h.call('GET', `/faxes?${query}`)).status).toBe(400);
    expect(((await h.call('GET', '/faxes?size=5000')).json as PageJson<FaxJson>).size).toBe(1000);
  });

  it('returns an empty Spring Page when there are no faxes', async () => {
    const page = (await h.call('GET', '/faxes')).json as PageJson<FaxJson>;
    expect(page).toMatchObject({ content: [], totalElements: 0, totalPages: 0, empty: true, first: true, last: true });
  });

  it('PATCHes a draft partially and validates', async () => {
    const fax = (await h.call('POST', '/faxes', { receiverFaxNumber: '+15551234567', subject: 'Old' })).json as FaxJson;
    const patched = await h.call('PATCH', `/faxes/${fax.id}`, { subject: 'New' });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ subject: 'New', receiverFaxNumber: '+15551234567' });
    const cleared = await h.call('PATCH', `/faxes/${fax.id}`, { subject: null, receiverFaxNumber: '+442071234567' });
    expect(cleared.json).toMatchObject({ subject: null, receiverFaxNumber: '+442071234567' });
    expect((await h.call('PATCH', `/faxes/${fax.id}`, { receiverFaxNumber: '555' })).status).toBe(400);
    const reviewed = await h.call('PATCH', `/faxes/${fax.id}`, { reviewed: true });
    expect(reviewed.status).toBe(400);
    expect(firstError(reviewed.json).errorCode).toBe('VALIDATION_ERROR');
    const patient = await h.call('PATCH', `/faxes/${fax.id}`, { patientId: '283f50d3-3c4a-4d7e-9a1b-6f2e8c0d1a25' });
    expect((patient.json as FaxJson).patientId).toBe('283f50d3-3c4a-4d7e-9a1b-6f2e8c0d1a25');
    const unknown = await h.call('PATCH', `/faxes/${fax.id}`, { patientId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect(firstError(unknown.json)).toMatchObject({ errorCode: 'PATIENT_NOT_FOUND', componentType: 'PATIENT' });
  });

  it('uploads files under files, files[] and file, stores bytes, and downloads them', async () => {
    const fax = (await h.call('POST', '/faxes', { receiverFaxNumber: '+15551234567' })).json as FaxJson;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const uploaded = await h.upload(fax.id, [
      { name: 'a.pdf', data: PDF_BYTES, type: 'application/pdf' },
      { name: 'b.PNG', data: png, type: 'image/png', field: 'files[]' },
      { name: 'c.docx', data: 'docx', field: 'file' },
      { name: 'd.JPEG', data: 'jpeg' },
    ]);
    expect(uploaded.status).toBe(200);
    const files = (uploaded.json as FaxJson).files;
    expect(files.map((file) => [file.originalName, file.contentType, file.size])).toEqual([
      ['a.pdf', 'application/pdf', PDF_BYTES.length],
      ['b.PNG', 'image/png', png.length],
      ['c.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 4],
      ['d.JPEG', 'image/jpeg', 4],
    ]);
    for (const file of files) expect(file.id).toMatch(/^[0-9a-f-]{36}$/);
    const download = await fetch(`${h.base}/faxes/${fax.id}/files/${files[1]?.id}`, { headers: { Authorization: `Bearer ${h.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toBeNull();
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(png);
    const dump = await h.control.faxes();
    expect(dump[0]?.files[1]).toMatchObject({ size: png.length, sha256: createHash('sha256').update(png).digest('hex') });
  });

  it('rejects an unsupported type, an 11th file, more than 100 MB and an empty upload', async () => {
    const fax = (await h.call('POST', '/faxes', { receiverFaxNumber: '+15551234567' })).json as FaxJson;
    const badType = await h.upload(fax.id, [{ name: 'notes.txt', data: 'hi' }]);
    expect(badType.status).toBe(400);
    expect(firstError(badType.json)).toMatchObject({ errorCode: 'FAX_FILE_TYPE_NOT_SUPPORTED', componentType: 'FAX' });
    const noExtension = await h.upload(fax.id, [{ name: 'scan', data: 'hi', type: 'application/pdf' }]);
    expect(firstError(noExtension.json).errorCode).toBe('FAX_FILE_TYPE_NOT_SUPPORTED');

    const ten = Array.from({ length: 10 }, (_, index) => ({ name: `p${index}.pdf`, data: PDF_BYTES }));
    expect((await h.upload(fax.id, ten)).status).toBe(200);
    const eleventh = await h.upload(fax.id, [{ name: 'p10.pdf', data: PDF_BYTES }]);
    expect(eleventh.status).toBe(400);
    expect(firstError(eleventh.json)).toMatchObject({ errorCode: 'FAX_FILES_LIMIT_EXCEEDED', componentType: 'FAX' });
    expect(((await h.call('GET', `/faxes/${fax.id}`)).json as FaxJson).files).toHaveLength(10);

    const big = (await h.call('POST', '/faxes')).json as FaxJson;
    const zeros = new Uint8Array(60 * 1024 * 1024);
    const tooBig = await h.upload(big.id, [{ name: 'a.pdf', data: zeros }, { name: 'b.pdf', data: zeros }]);
    expect(tooBig.status).toBe(400);
    expect(firstError(tooBig.json)).toMatchObject({ errorCode: 'FAX_FILES_SIZE_LIMIT_EXCEEDED', componentType: 'FAX' });
    // The limit is per fax: 60 MB now, then 60 MB more is refused.
    expect((await h.upload(big.id, [{ name: 'a.pdf', data: zeros }])).status).toBe(200);
    expect(firstError((await h.upload(big.id, [{ name: 'b.pdf', data: zeros }])).json).errorCode).toBe('FAX_FILES_SIZE_LIMIT_EXCEEDED');

    const form = new FormData();
    form.append('subject', 'no files');
    const none = await fetch(`${h.base}/faxes/${fax.id}/files`, { method: 'POST', headers: { Authorization: `Bearer ${h.token}` }, body: form });
    expect(none.status).toBe(400);
    const notMultipart = await h.call('POST', `/faxes/${fax.id}/files`, { files: [] });
    expect(notMultipart.status).toBe(400);
    const empty = await h.upload(big.id, [{ name: 'empty.pdf', data: new Uint8Array(0) }]);
    expect(firstError(empty.json).errorCode).toBe('VALIDATION_ERROR');
  }, 90_000); // uploads over 100 MB: slow on a loaded machine

  it('deletes a file from a draft (200 empty) and answers unknown files with 404', async () => {
    const fax = await draftWithFile(h);
    const fileId = fax.files[0]?.id ?? '';
    const deleted = await h.call('DELETE', `/faxes/${fax.id}/files/${fileId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json).toBeUndefined();
    expect(deleted.response.headers.get('content-length')).toBe('0');
    expect(((await h.call('GET', `/faxes/${fax.id}`)).json as FaxJson).files).toEqual([]);
    const again = await h.call('DELETE', `/faxes/${fax.id}/files/${fileId}`);
    expect(again.status).toBe(404);
    expect(firstError(again.json)).toMatchObject({ errorCode: 'FAX_FILE_NOT_FOUND', details: { faxId: fax.id, fileId } });
    expect((await h.call('GET', `/faxes/${fax.id}/files/${fileId}`)).status).toBe(404);
  });

  it('sends a draft: 200 PROCESSING; refuses a second send, and sends without receiver or files', async () => {
    const noReceiver = (await h.call('POST', '/faxes')).json as FaxJson;
    await h.upload(noReceiver.id, [{ name: 'a.pdf', data: PDF_BYTES }]);
    const r1 = await h.call('POST', `/faxes/${noReceiver.id}/send`);
    expect(r1.status).toBe(400);
    expect(firstError(r1.json)).toMatchObject({ errorCode: 'VALIDATION_ERROR', details: { field: 'receiverFaxNumber' } });
    const noFiles = (await h.call('POST', '/faxes', { receiverFaxNumber: '+15551234567' })).json as FaxJson;
    const r2 = await h.call('POST', `/faxes/${noFiles.id}/send`);
    expect(r2.status).toBe(400);
    expect(firstError(r2.json).details).toMatchObject({ field: 'files' });

    const fax = await draftWithFile(h);
    const sent = await h.call('POST', `/faxes/${fax.id}/send`);
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({ status: 'PROCESSING', sentAt: null });
    const twice = await h.call('POST', `/faxes/${fax.id}/send`);
    expect(twice.status).toBe(400);
    expect(firstError(twice.json)).toMatchObject({ errorCode: 'FAX_INVALID_STATUS', details: { status: 'PROCESSING' } });
    // Nothing else may change once it is in flight.
    expect(firstError((await h.call('PATCH', `/faxes/${fax.id}`, { subject: 'x' })).json).errorCode).toBe('FAX_INVALID_STATUS');
    expect(firstError((await h.upload(fax.id, [{ name: 'b.pdf', data: PDF_BYTES }])).json).errorCode).toBe('FAX_INVALID_STATUS');
    expect(firstError((await h.call('DELETE', `/faxes/${fax.id}/files/${fax.files[0]?.id}`)).json).errorCode).toBe('FAX_INVALID_STATUS');
    expect(firstError((await h.call('POST', `/faxes/${fax.id}/retry`)).json).errorCode).toBe('FAX_INVALID_STATUS');
    const del = await h.call('DELETE', `/faxes/${fax.id}`);
    expect(del.status).toBe(400);
    expect(firstError(del.json).errorCode).toBe('FAX_INVALID_STATUS');
    // patientId may still change on an outgoing fax in any status.
    expect((await h.call('PATCH', `/faxes/${fax.id}`, { patientId: '4b7d2e91-8f3c-4a6b-b2d5-9e0f1a2b3c40' })).status).toBe(200);
  });

  it('deletes a draft with 200 and an empty body', async () => {
    const fax = await draftWithFile(h);
    const deleted = await h.call('DELETE', `/faxes/${fax.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json).toBeUndefined();
    expect((await h.call('GET', `/faxes/${fax.id}`)).status).toBe(404);
    expect((await h.call('DELETE', `/faxes/${fax.id}`)).status).toBe(404);
  });
});
