import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useSinchEmulator } from '../support/emulatorSuite';
import { apiJson, jsonInit, type WireFax } from '../support/sinchApi';
import { pdfBuffer } from '../support/testKit';

const h = useSinchEmulator();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function form(parts: Array<[string, string | Blob, string?]>): FormData {
  const data = new FormData();
  for (const [name, value, filename] of parts) {
    if (typeof value === 'string') data.append(name, value);
    else data.append(name, value, filename);
  }
  return data;
}

async function held(): Promise<Array<Record<string, unknown>>> {
  return (await h.control.faxes());
}

describe('Sinch emulator: POST /faxes (JSON)', () => {
  it('returns one Fax object for one recipient with every default field', async () => {
    const pdf = await pdfBuffer({ pages: 3 });
    const { status, body } = await apiJson<WireFax>(h.url, '/faxes', jsonInit('POST', {
      to: '+12015555555', files: [{ file: pdf.toString('base64'), fileType: 'PDF' }],
      labels: { matter: '42' }, headerText: 'Acme', maxRetries: 2, resolution: 'SUPERFINE', callbackUrl: 'https://user:pw@cb.example/fax',
    }));
    expect(status).toBe(200);
    expect(body.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(body).toMatchObject({
      direction: 'OUTBOUND', to: '+12015555555', from: '+12015550100', status: 'QUEUED', numberOfPages: 0, projectId: 'demo-project',
      headerText: 'Acme', headerPageNumbers: true, headerTimeZone: 'America/New_York', retryDelaySeconds: 60, maxRetries: 2,
      labels: { matter: '42' }, resolution: 'SUPERFINE', imageConversionMethod: 'HALFTONE', callbackUrlContentType: 'multipart/form-data',
      hasFile: true, callbackUrl: 'https://*****:*****@cb.example/fax',
    });
    expect(body.createTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(typeof body.serviceId).toBe('string');
    const [stored] = await held();
    expect(stored).toMatchObject({ id: body.id, documentSha256: sha256(pdf), documentBytes: pdf.length });
  });

  it('a one-element array still gives one Fax; several give {faxes:[…]} in order', async () => {
    const one = await apiJson<WireFax>(h.url, '/faxes', jsonInit('POST', { to: ['+12015555555'], contentUrl: 'https://a.example/1.pdf' }));
    expect(one.body.id).toBeDefined();
    const many = await apiJson<{ faxes: WireFax[] }>(h.url, '/faxes', jsonInit('POST', {
      to: ['+12015555555', '+12016666666'], contentUrl: ['https://a.example/1.pdf', 'https://a.example/2.pdf'],
    }));
    expect(many.status).toBe(200);
    expect(many.body.faxes.map((fax) => fax.to)).toEqual(['+12015555555', '+12016666666']);
    expect(many.body.faxes[0]?.contentUrl).toEqual(['https://a.example/1.pdf', 'https://a.example/2.pdf']);
    expect(await held()).toHaveLength(3);
  });

  it('rejects bad input with 422 fieldViolations and creates nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ contentUrl: 'https://a.example/1.pdf' }, 'to'],
      [{ to: '+1555', contentUrl: 'https://a.example/1.pdf' }, 'to'],
      [{ to: '2015555555', contentUrl: 'https://a.example/1.pdf' }, 'to'],
      [{ to: '+12015555555' }, 'contentUrl'],
      [{ to: '+12015555555', contentUrl: 'https://a.example/1.pdf', headerText: 'x'.repeat(51) }, 'headerText'],
      [{ to: '+12015555555', contentUrl: 'https://a.example/1.pdf', maxRetries: 6 }, 'maxRetries'],
      [{ to: '+12015555555', contentUrl: 'https://a.example/1.pdf', resolution: 'ULTRA' }, 'resolution'],
      [{ to: '+12015555555', contentUrl: 'https://a.example/1.pdf', imageConversionMethod: 'COLOR' }, 'imageConversionMethod'],
      [{ to: '+12015555555', files: [{ file: 'JVBERi0=', fileType: 'EXE' }] }, 'files[0].fileType'],
      [{ to: '+12015555555', contentUrl: 'https://a.example/1.pdf', serviceId: '01NOSUCHSERVICE0000000000' }, 'serviceId'],
      [{ to: '+12015555555', contentUrl: 'https://a.example/1.pdf', coverPageId: '01NOSUCHCOVER000000000000' }, 'coverPageId'],
      [{ to: '+12015555555', contentUrl: 'not a url' }, 'contentUrl[0]'],
    ];
    for (const [body, field] of cases) {
      const response = await apiJson<Record<string, unknown>>(h.url, '/faxes', jsonInit('POST', body));
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.body).toMatchObject({ code: '422', error: 'Invalid parameters' });
      const violations = (response.body.details as { fieldViolations: Array<{ field: string }> }).fieldViolations;
      expect(violations.map((v) => v.field), JSON.stringify(body)).toContain(field);
    }
    expect(await held()).toHaveLength(0);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await apiJson(h.url, '/faxes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"to":' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: '400', error: 'Bad Request' });
  });
});

describe('Sinch emulator: POST /faxes (multipart)', () => {
  it('takes repeated to and file parts, string booleans/numbers, bracket keys', async () => {
    const first = await pdfBuffer({ pages: 2 });
    const second = await pdfBuffer({ pages: 1 });
    const data = form([
      ['to', '+12015555555'], ['to', '+12016666666;+12017777777'],
      ['file', new Blob([new Uint8Array(first)], { type: 'application/pdf' }), 'a.pdf'],
      ['file', new Blob([new Uint8Array(second)], { type: 'application/pdf' }), 'b.pdf'],
      ['headerPageNumbers', 'false'], ['maxRetries', '5'], ['retryDelaySeconds', '30'],
      ['labels[case]', 'A-1'], ['coverPageData[name]', 'Ann'], ['from', '+12015550100'],
    ]);
    const { status, body } = await apiJson<{ faxes: WireFax[] }>(h.url, '/faxes', { method: 'POST', body: data });
    expect(status).toBe(200);
    expect(body.faxes.map((fax) => fax.to)).toEqual(['+12015555555', '+12016666666', '+12017777777']);
    expect(body.faxes[0]).toMatchObject({ headerPageNumbers: false, maxRetries: 5, retryDelaySeconds: 30, labels: { case: 'A-1' }, coverPageData: { name: 'Ann' } });
    const stored = await held();
    expect(stored[0]?.uploads).toEqual([
      expect.objectContaining({ filename: 'a.pdf', sha256: sha256(first), bytes: first.length, fileType: 'PDF' }),
      expect.objectContaining({ filename: 'b.pdf', sha256: sha256(second) }),
    ]);
    // Two files are merged into one 3-page document.
    await h.control.clock({ advanceMs: 1_500 });
    const fax = await apiJson<WireFax>(h.url, `/faxes/${body.faxes[0]?.id}`);
    expect(fax.body.numberOfPages).toBe(3);
  });

  it('takes a comma-separated contentUrl and the SDK defaults; one recipient gives one Fax', async () => {
    const data = form([
      ['to', '+12015555555'], ['contentUrl', 'https://a.example/1.pdf, https://a.example/2.pdf'],
      ['headerPageNumbers', 'true'], ['headerTimeZone', 'America/New_York'], ['retryDelaySeconds', '60'],
      ['callbackUrlContentType', 'multipart/form-data'], ['imageConversionMethod', 'HALFTONE'],
    ]);
    const { status, body } = await apiJson<WireFax>(h.url, '/faxes', { method: 'POST', body: data });
    expect(status).toBe(200);
    expect(body.contentUrl).toEqual(['https://a.example/1.pdf', 'https://a.example/2.pdf']);
    expect(body.hasFile).toBe(true);
  });

  it('rejects multipart without a document or with a bad number', async () => {
    const none = await apiJson(h.url, '/faxes', { method: 'POST', body: form([['to', '+12015555555']]) });
    expect(none.status).toBe(422);
    const bad = await apiJson(h.url, '/faxes', { method: 'POST', body: form([['to', 'call me'], ['contentUrl', 'https://a.example/1.pdf']]) });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('The (call me) is not a valid phone number');
    expect(await held()).toHaveLength(0);
  });

  it('accepts a corrupt PDF but fails the fax with DOCUMENT_CONVERSION_ERROR 133', async () => {
    const data = form([['to', '+12015555555'], ['file', new Blob(['%PDF-1.7 garbage'], { type: 'application/pdf' }), 'bad.pdf']]);
    const { status, body } = await apiJson<WireFax>(h.url, '/faxes', { method: 'POST', body: data });
    expect(status).toBe(200);
    await h.control.clock({ advanceMs: 1_500 });
    const fax = await apiJson<WireFax>(h.url, `/faxes/${body.id}`);
    expect(fax.body).toMatchObject({ status: 'FAILURE', errorType: 'DOCUMENT_CONVERSION_ERROR', errorCode: 133, numberOfPages: 0, hasFile: false });
  });
});
