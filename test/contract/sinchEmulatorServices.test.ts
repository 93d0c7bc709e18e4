import { describe, expect, it } from 'vitest';
import { useSinchEmulator } from '../support/emulatorSuite';
import { api, apiJson, jsonInit } from '../support/sinchApi';
import { pdfBuffer } from '../support/testKit';

const h = useSinchEmulator();

type Json = Record<string, unknown>;

async function defaultServiceId(): Promise<string> {
  const { body } = await apiJson<{ services: Json[] }>(h.url, '/services');
  return String(body.services.find((service) => service.defaultForProject)?.id);
}

describe('Sinch emulator: services', () => {
  it('has a default service with a demo number', async () => {
    const { body } = await apiJson<{ services: Json[]; totalItems: number }>(h.url, '/services');
    expect(body.totalItems).toBe(1);
    expect(body.services[0]).toMatchObject({ name: 'Default service', defaultForProject: true, projectId: 'demo-project', numberOfRetries: 3 });
    expect(String(body.services[0]?.id)).toHaveLength(26);
    const numbers = await apiJson<{ numbers: Json[] }>(h.url, `/services/${body.services[0]?.id}/numbers`);
    expect(numbers.body.numbers).toEqual([{ phoneNumber: '+12015550100', projectId: 'demo-project', serviceId: body.services[0]?.id }]);
  });

  it('creates, reads, patches, lists and deletes services', async () => {
    const created = await apiJson<Json>(h.url, '/services', jsonInit('POST', {
      name: 'Second', webhookContentType: 'application/json', numberOfRetries: 2, retryDelaySeconds: 30,
      imageConversionMethod: 'MONOCHROME', saveOutboundFaxDocuments: false, resolution: 'SUPERFINE',
    }));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'Second', defaultForProject: false, numberOfRetries: 2, resolution: 'SUPERFINE' });
    const id = String(created.body.id);
    expect((await apiJson(h.url, `/services/${id}`)).body).toMatchObject({ id, name: 'Second' });
    const patched = await apiJson<Json>(h.url, `/services/${id}`, jsonInit('PATCH', { name: 'Renamed' }));
    expect(patched.body).toMatchObject({ name: 'Renamed', numberOfRetries: 2 });
    expect((await apiJson<{ services: Json[]; totalPages: number }>(h.url, '/services?pageSize=1')).body.totalPages).toBe(2);
    // A fax on this service inherits its settings and stores no document.
    const fax = await apiJson<Json>(h.url, '/faxes', jsonInit('POST', { to: '+12015555555', contentUrl: 'https://a.example/x.pdf', serviceId: id }));
    expect(fax.body).toMatchObject({ serviceId: id, maxRetries: 2, imageConversionMethod: 'MONOCHROME', hasFile: false, resolution: 'SUPERFINE' });
    expect((await api(h.url, `/services/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await apiJson(h.url, `/services/${id}`)).status).toBe(404);
  });

  it('validates service input and protects the default service', async () => {
    const long = await apiJson<Json>(h.url, '/services', jsonInit('POST', { name: 'x'.repeat(61) }));
    expect(long.status).toBe(422);
    expect((await apiJson(h.url, '/services', jsonInit('POST', { numberOfRetries: 9 }))).status).toBe(422);
    expect((await apiJson(h.url, `/services/${await defaultServiceId()}`, { method: 'DELETE' })).status).toBe(422);
  });

  it('moves defaultForProject to a new default service', async () => {
    const old = await defaultServiceId();
    const created = await apiJson<Json>(h.url, '/services', jsonInit('POST', { name: 'New default', defaultForProject: true }));
    expect(await defaultServiceId()).toBe(created.body.id);
    expect((await apiJson(h.url, `/services/${old}`)).body).toMatchObject({ defaultForProject: false });
  });
});

describe('Sinch emulator: cover pages', () => {
  it('adds, lists, gets and deletes cover pages (response fileType is the MIME type)', async () => {
    const sid = await defaultServiceId();
    const content = (await pdfBuffer({ pages: 1 })).toString('base64');
    const added = await apiJson<Json>(h.url, `/services/${sid}/coverPages`, jsonInit('POST', { name: 'Letterhead', file: { fileContent: content, fileType: 'PDF' } }));
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ name: 'Letterhead', serviceId: sid, projectId: 'demo-project', file: { fileContent: content, fileType: 'application/pdf' } });
    const id = String(added.body.id);
    await apiJson(h.url, `/services/${sid}/coverPages`, jsonInit('POST', { name: 'Second', file: { fileContent: content, fileType: 'PDF' } }));
    const page1 = await apiJson<{ coverPages: Json[]; totalPages: number }>(h.url, `/services/${sid}/coverPages?pageSize=1`);
    expect(page1.body.totalPages).toBe(2);
    expect((await apiJson(h.url, `/services/${sid}/coverPages/${id}`)).body).toMatchObject({ id, name: 'Letterhead' });
    expect((await api(h.url, `/services/${sid}/coverPages/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await apiJson(h.url, `/services/${sid}/coverPages/${id}`)).status).toBe(404);
  });

  it('requires name and file', async () => {
    const sid = await defaultServiceId();
    const missing = await apiJson<Json>(h.url, `/services/${sid}/coverPages`, jsonInit('POST', { name: 'No file' }));
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body)).toContain('"field":"file"');
    expect((await apiJson(h.url, `/services/${sid}/coverPages`, jsonInit('POST', { file: { fileContent: 'JVBE', fileType: 'PDF' } }))).status).toBe(422);
    expect((await apiJson(h.url, '/services/01NOPE/coverPages')).status).toBe(404);
  });
});

describe('Sinch emulator: fax-to-email', () => {
  it('adds, lists, updates and removes emails; raw + and @ in paths', async () => {
    const sid = await defaultServiceId();
    const added = await apiJson<Json>(h.url, `/services/${sid}/emails`, jsonInit('POST', {
      email: 'me@x.io', phoneNumbers: [{ number: '+12016666666', permissions: 'both' }, '+12015550100'],
    }));
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ email: 'me@x.io', projectId: 'demo-project', phoneNumbers: [{ number: '+12016666666', permissions: 'both' }, { number: '+12015550100', permissions: 'both' }] });
    expect((await apiJson(h.url, `/services/${sid}/emails`, jsonInit('POST', { email: 'me@x.io', phoneNumbers: ['+12016666666'] }))).status).toBe(422);
    const list = await apiJson<{ emails: Json[] }>(h.url, `/services/${sid}/emails`);
    expect(list.body.emails.map((email) => email.email)).toEqual(['me@x.io']);
    const forNumber = await apiJson<{ emails: string[] }>(h.url, `/services/${sid}/numbers/+12016666666/emails`);
    expect(forNumber.body.emails).toEqual(['me@x.io']);
    const numbers = await apiJson<{ phoneNumbers: Json[] }>(h.url, `/services/${sid}/emails/me@x.io/numbers`);
    expect(numbers.body.phoneNumbers[0]).toMatchObject({ phoneNumber: '+12016666666', serviceId: sid, permissions: 'both' });
    const updated = await apiJson<Json>(h.url, `/services/${sid}/emails/me@x.io`, jsonInit('PUT', { phoneNumbers: [{ number: '+12017777777', permissions: 'receive' }] }));
    expect(updated.body).toMatchObject({ phoneNumbers: [{ number: '+12017777777', permissions: 'receive' }] });
    // The SDK quirk: the address again as a JSON string body.
    const removed = await api(h.url, `/services/${sid}/emails/me@x.io`, jsonInit('DELETE', 'me@x.io'));
    expect(removed.status).toBe(204);
    expect((await apiJson(h.url, `/services/${sid}/emails/me%40x.io/numbers`)).status).toBe(404);
  });

  it('validates email requests', async () => {
    const sid = await defaultServiceId();
    expect((await apiJson(h.url, `/services/${sid}/emails`, jsonInit('POST', { email: 'not-an-email', phoneNumbers: ['+12016666666'] }))).status).toBe(422);
    expect((await apiJson(h.url, `/services/${sid}/emails`, jsonInit('POST', { email: 'a@b.io', phoneNumbers: [{ number: '555', permissions: 'both' }] }))).status).toBe(422);
    expect((await apiJson(h.url, `/services/${sid}/emails`, jsonInit('POST', { email: 'a@b.io', phoneNumbers: [{ number: '+12016666666', permissions: 'all' }] }))).status).toBe(422);
  });
});
