import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SINCH_TEST_NUMBERS, type WebhookDelivery } from '../../main/emulators/sinch/index';
import { useSinchEmulator } from '../support/emulatorSuite';
import { api, apiJson, jsonInit, sendJsonFax, tokenRequest, type WireFax } from '../support/sinchApi';
import { pdfBuffer } from '../support/testKit';

const h = useSinchEmulator();

describe('Sinch emulator: faults through the control API', () => {
  it('injects 500 and 429 (with Retry-After) in the Sinch envelope, then stops after count', async () => {
    await h.control.faults({ rate: 1, kinds: ['500'], count: 1 });
    const failed = await apiJson(h.url, '/faxes');
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ code: '500' });
    expect((await apiJson(h.url, '/faxes')).status).toBe(200);
    await h.control.faults({ rate: 1, kinds: ['429'], retryAfterSeconds: 7, pathPattern: '/faxes$', method: 'POST', count: 1 });
    expect((await apiJson(h.url, '/services')).status).toBe(200);
    const limited = await apiJson(h.url, '/faxes', jsonInit('POST', { to: '+12015555555', contentUrl: 'https://a.example/a.pdf' }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body).toMatchObject({ code: '429', error: 'Too many requests' });
    // The faulted send created nothing.
    expect((await h.control.faxes())).toHaveLength(0);
  });

  it('injects malformed JSON, connection resets and timeouts', async () => {
    await h.control.faults({ rate: 1, kinds: ['malformed'], count: 1 });
    const malformed = await api(h.url, '/faxes');
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    await h.control.faults({ rate: 1, kinds: ['reset'], count: 1 });
    await expect(api(h.url, '/faxes')).rejects.toThrow();
    await h.control.faults({ rate: 1, kinds: ['timeout'], count: 1 });
    await expect(api(h.url, '/faxes', { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect((await apiJson(h.url, '/faxes')).status).toBe(200);
  });

  it('leaves the control API and the token endpoint alone when only API paths match', async () => {
    await h.control.faults({ rate: 1, kinds: ['500'], pathPattern: '^/v3/' });
    expect((await h.control.faxes())).toEqual([]);
    const tokenResponse = await tokenRequest(h.url);
    expect(tokenResponse.status).toBe(200);
    await h.control.reset();
    expect((await apiJson(h.url, '/faxes')).status).toBe(200);
  });
});

describe('Sinch emulator: inbound, reset and extras', () => {
  it('creates a COMPLETED inbound fax with a generated PDF of the given pages', async () => {
    const created = await h.control.inbound({ from: '+13125550000', to: '+12015550100', pages: 3 });
    expect(created).toMatchObject({ direction: 'INBOUND', status: 'COMPLETED', from: '+13125550000', to: '+12015550100', numberOfPages: 3, hasFile: true });
    expect(created.createTime).toBe(created.completedTime);
    const file = await api(h.url, `/faxes/${created.id}/file`);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('stores a given pdfBase64 byte for byte and counts its pages', async () => {
    const pdf = await pdfBuffer({ pages: 2 });
    const created = await h.control.inbound({ from: '+13125550000', to: '+12015550100', pdfBase64: pdf.toString('base64') });
    expect(created.numberOfPages).toBe(2);
    const held = (await h.control.faxes());
    expect(held[0]?.documentSha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const bad = await fetch(`${h.url}/__emulator/inbound`, jsonInit('POST', { from: '+13125550000', to: '+12015550100', pdfBase64: 'bm90IGEgcGRm' }));
    expect(bad.status).toBe(400);
  });

  it('routes inbound faxes to the service owning the number (POST /__emulator/numbers)', async () => {
    const service = await apiJson<{ id: string }>(h.url, '/services', jsonInit('POST', { name: 'Clinic' }));
    await h.control.addNumber({ phoneNumber: '+12015550999', serviceId: service.body.id });
    const created = await h.control.inbound({ from: '+13125550000', to: '+12015550999' });
    expect(created.serviceId).toBe(service.body.id);
    const numbers = await apiJson<{ numbers: Array<{ phoneNumber: string }> }>(h.url, `/services/${service.body.id}/numbers`);
    expect(numbers.body.numbers.map((n) => n.phoneNumber)).toEqual(['+12015550999']);
  });

  it('reset drops faxes and extra services but keeps tokens valid', async () => {
    const tokenResponse = await tokenRequest(h.url);
    const jwt = ((await tokenResponse.json()) as { access_token: string }).access_token;
    await sendJsonFax(h.url, { to: '+12015555555' });
    await apiJson(h.url, '/services', jsonInit('POST', { name: 'Extra' }));
    await h.control.reset();
    expect((await h.control.faxes())).toEqual([]);
    const services = await apiJson<{ totalItems: number }>(h.url, '/services', { headers: { Authorization: `Bearer ${jwt}` } });
    expect(services.status).toBe(200);
    expect(services.body.totalItems).toBe(1);
  });

  it('publishes the special-number table', async () => {
    expect(await h.control.testNumbers()).toEqual(SINCH_TEST_NUMBERS);
  });
});

describe('Sinch emulator: webhooks', () => {
  async function receiver(): Promise<{ url: string; received: Array<{ type: string; body: Buffer }>; close(): Promise<void> }> {
    const received: Array<{ type: string; body: Buffer }> = [];
    const server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ type: req.headers['content-type'] ?? '', body: Buffer.concat(chunks) });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    return { url, received, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
  }

  async function until(check: () => boolean): Promise<void> {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  it('posts FAX_COMPLETED as JSON and multipart, and INCOMING_FAX to the service webhook', async () => {
    const hook = await receiver();
    try {
      const jsonFax = await sendJsonFax(h.url, { to: '+12015555555', callbackUrl: hook.url, callbackUrlContentType: 'application/json' });
      await sendJsonFax(h.url, { to: '+19898989801', callbackUrl: hook.url });
      await h.control.advance(60_000);
      await until(() => hook.received.length >= 2);
      const json = hook.received.find((entry) => entry.type.startsWith('application/json'));
      const parsed = JSON.parse(json?.body.toString() ?? '{}') as { event: string; fax: WireFax; fileType: string; file: string };
      expect(parsed).toMatchObject({ event: 'FAX_COMPLETED', fax: { id: jsonFax.id, status: 'COMPLETED' }, fileType: 'PDF' });
      expect(Buffer.from(parsed.file, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      const multipart = hook.received.find((entry) => entry.type.startsWith('multipart/form-data'));
      expect(multipart?.body.toString('latin1')).toContain('name="event"\r\n\r\nFAX_COMPLETED');
      expect(multipart?.body.toString('latin1')).toContain('"errorCode":17');

      const sid = (await apiJson<{ services: Array<{ id: string }> }>(h.url, '/services')).body.services[0]?.id;
      await apiJson(h.url, `/services/${sid}`, jsonInit('PATCH', { incomingWebhookUrl: hook.url, webhookContentType: 'application/json' }));
      await h.control.inbound({ from: '+13125550000', to: '+12015550100' });
      await until(() => hook.received.length >= 3);
      expect(JSON.parse(hook.received[2]?.body.toString() ?? '{}')).toMatchObject({ event: 'INCOMING_FAX', fax: { direction: 'INBOUND' } });
      const deliveries = await h.control.webhooks();
      expect(deliveries.map((entry) => entry.status)).toEqual([200, 200, 200]);
    } finally {
      await hook.close();
    }
  });

  it('does not call non-loopback webhook URLs by default', async () => {
    await sendJsonFax(h.url, { to: '+12015555555', callbackUrl: 'https://example.com/hook' });
    await h.control.advance(60_000);
    let deliveries: WebhookDelivery[] = [];
    for (let i = 0; i < 40 && deliveries.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      deliveries = await h.control.webhooks();
    }
    expect(deliveries[0]).toMatchObject({ attempts: 0 });
    expect(deliveries[0]?.error).toContain('loopback');
  });
});

describe('Sinch emulator: reset keeps the default service id', () => {
  it('returns the same default service after /reset', async () => {
    const before = (await apiJson<{ services: Array<{ id: string }> }>(h.url, '/services')).body.services[0]?.id;
    await h.control.reset();
    const after = (await apiJson<{ services: Array<{ id: string }> }>(h.url, '/services')).body.services[0]?.id;
    expect(after).toBe(before);
  });
});
