import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { useSinchEmulator } from '../support/emulatorSuite';
import { api, apiJson, jsonInit, sendJsonFax, type WireFax } from '../support/sinchApi';
import { pdfBuffer } from '../support/testKit';

const h = useSinchEmulator();

describe('Sinch emulator: fax content', () => {
  it('downloads the uploaded bytes from /file and /file.pdf with the attachment headers', async () => {
    const pdf = await pdfBuffer({ pages: 2 });
    const { body: fax } = await apiJson<WireFax>(h.url, '/faxes', jsonInit('POST', { to: '+12015555555', files: [{ file: pdf.toString('base64'), fileType: 'PDF' }] }));
    for (const path of [`/faxes/${fax.id}/file`, `/faxes/${fax.id}/file.pdf`]) {
      const response = await api(h.url, path, { headers: { Accept: 'application/pdf' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${fax.id}.pdf"`);
      expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
    }
    expect((await apiJson(h.url, `/faxes/${fax.id}/file.tiff`)).status).toBe(422);
  });

  it('serves a generated PDF for a contentUrl fax (the URL is never fetched)', async () => {
    const fax = await sendJsonFax(h.url, { to: '+12015555555', contentUrl: ['https://unreachable.invalid/a.pdf', 'https://unreachable.invalid/b.pdf'] });
    const response = await api(h.url, `/faxes/${fax.id}/file`);
    expect(response.status).toBe(200);
    const doc = await PDFDocument.load(new Uint8Array(await response.arrayBuffer()));
    expect(doc.getPageCount()).toBe(2);
  });

  it('DELETE /file removes only the document: 204, hasFile false, download 404', async () => {
    const fax = await sendJsonFax(h.url, { to: '+12015555555' });
    const deleted = await api(h.url, `/faxes/${fax.id}/file`, { method: 'DELETE', headers: { 'Content-Type': 'application/json' } });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    const after = await apiJson<WireFax>(h.url, `/faxes/${fax.id}`);
    expect(after.body).toMatchObject({ id: fax.id, hasFile: false });
    const download = await apiJson(h.url, `/faxes/${fax.id}/file`);
    expect(download.status).toBe(404);
    expect(download.body).toMatchObject({ code: '404', error: 'Not found' });
    const [held] = (await h.control.faxes());
    expect(held).toMatchObject({ documentBytes: 0 });
  });

  it('answers unknown fax ids with 404 envelopes', async () => {
    for (const [method, path] of [['GET', '/faxes/01NOPE'], ['GET', '/faxes/01NOPE/file'], ['DELETE', '/faxes/01NOPE/file']]) {
      const response = await apiJson(h.url, path ?? '', { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body).toMatchObject({ code: '404' });
    }
  });

  it('prepends a service cover page to the document', async () => {
    const services = await apiJson<{ services: Array<{ id: string }> }>(h.url, '/services');
    const serviceId = services.body.services[0]?.id ?? '';
    const cover = await apiJson<{ id: string }>(h.url, `/services/${serviceId}/coverPages`, jsonInit('POST', {
      name: 'Cover', file: { fileContent: (await pdfBuffer({ pages: 1 })).toString('base64'), fileType: 'PDF' },
    }));
    const pdf = await pdfBuffer({ pages: 2 });
    const { body: fax } = await apiJson<WireFax>(h.url, '/faxes', jsonInit('POST', {
      to: '+12015555555', coverPageId: cover.body.id, coverPageData: { name: 'Ann' }, files: [{ file: pdf.toString('base64'), fileType: 'PDF' }],
    }));
    expect(fax).toMatchObject({ coverPageId: cover.body.id, coverPageData: { name: 'Ann' } });
    const response = await api(h.url, `/faxes/${fax.id}/file`);
    expect((await PDFDocument.load(new Uint8Array(await response.arrayBuffer()))).getPageCount()).toBe(3);
  });
});
