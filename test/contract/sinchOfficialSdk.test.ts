import { readFile } from 'node:fs/promises';
import { SinchClient } from '@sinch/sdk-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { SINCH_DEMO_CREDENTIALS as DEMO } from '../../main/emulators/sinch/constants';
import { useSinchEmulator } from '../support/emulatorSuite';
import { NUMBERS } from '../support/providerTargets';
import { waitFor } from '../support/testKit';

/** Sinch's free test number: runs the whole lifecycle to COMPLETED. */
const TEST_NUMBER = NUMBERS.delivered;


/**
 * Acceptance: the official @sinch/fax 1.4.0 SDK (via @sinch/sdk-core 1.4.0) against our emulator,
 * pointed at it as reference §14.1 describes. What the SDK sends, quirks included, must be accepted.
 */

let sdk: SinchClient;
let serviceId: string;

const suite = useSinchEmulator({ speed: 1000 });
beforeEach(async () => {
  sdk = new SinchClient({ projectId: DEMO.projectId, keyId: DEMO.keyId, keySecret: DEMO.keySecret, authHostname: suite.url, faxHostname: suite.url });
  const services = await sdk.fax.services.list({});
  serviceId = services.data.find((service) => service.defaultForProject)?.id ?? '';
  expect(serviceId).not.toBe('');
});

describe('official SDK: faxes', () => {
  it('sends a file from disk (filePaths, multipart) to one recipient', async () => {
    const pdf = await suite.files.pdf('sdk-one.pdf', 2);
    const sent = await sdk.fax.faxes.send({ sendFaxRequestBody: { to: TEST_NUMBER, filePaths: pdf.path, maxRetries: 2, serviceId } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: TEST_NUMBER, direction: 'OUTBOUND', maxRetries: 2, serviceId });
  });

  it('sends several files to several recipients (repeated to/file parts) and gets one fax each', async () => {
    const a = await suite.files.pdf('sdk-a.pdf');
    const b = await suite.files.pdf('sdk-b.pdf', 3);
    const sent = await sdk.fax.faxes.send({ sendFaxRequestBody: { to: [TEST_NUMBER, '+12015550131'], filePaths: [a.path, b.path] } });
    expect(sent.map((fax) => fax.to)).toEqual([TEST_NUMBER, '+12015550131']);
    const done = await waitFor(async () => {
      const fax = await sdk.fax.faxes.get({ id: sent[0]?.id ?? '' });
      return fax.status === 'COMPLETED' ? fax : undefined;
    });
    expect(done.numberOfPages).toBe(4);
  });

  it('sends base64 files as JSON with labels, cover page data and resolution', async () => {
    const pdf = await readFile((await suite.files.pdf('sdk-b64.pdf')).path);
    const cover = await sdk.fax.coverPages.add({
      serviceId, addCoverPageRequestBody: { name: 'SDK cover', file: { fileContent: pdf.toString('base64'), fileType: 'PDF' } },
    });
    const sent = await sdk.fax.faxes.send({
      sendFaxRequestBody: {
        to: [TEST_NUMBER, '+12015550132'],
        files: [{ file: pdf.toString('base64'), fileType: 'PDF' }],
        labels: { job: 'sdk-1' }, coverPageId: cover.id, coverPageData: { name: 'x' }, resolution: 'SUPERFINE',
      },
    });
    expect(sent).toHaveLength(2);
    expect(sent[0]?.labels).toEqual({ job: 'sdk-1' });
    expect(sent[0]).toMatchObject({ resolution: 'SUPERFINE', coverPageId: cover.id });
  });

  it('sends by contentUrl (multipart, single string) to one and several recipients', async () => {
    const one = await sdk.fax.faxes.send({ sendFaxRequestBody: { to: TEST_NUMBER, contentUrl: 'https://developers.sinch.com/fax/fax.pdf' } });
    expect(one).toHaveLength(1);
    const many = await sdk.fax.faxes.send({ sendFaxRequestBody: { to: ['+12015550133', '+12015550134'], contentUrl: 'https://example.com/a.pdf' } });
    expect(many.map((fax) => fax.to)).toEqual(['+12015550133', '+12015550134']);
    expect(many[0]?.contentUrl).toEqual(['https://example.com/a.pdf']);
  });

  it('lists with filters (raw + in to/from, createTime range) and auto-paginates with for await', async () => {
    const pdf = await suite.files.pdf('sdk-list.pdf');
    const sent = await sdk.fax.faxes.send({ sendFaxRequestBody: { to: ['+12015550141', '+12015550142', '+13035550143'], filePaths: pdf.path } });
    await suite.control.inbound({ from: '+14155550100', to: '+12015550100' });
    const created = sent[0]?.createTime ?? new Date();

    const byPrefix = await sdk.fax.faxes.list({ to: '+1201', direction: 'OUTBOUND' });
    expect(byPrefix.data.map((fax) => fax.to).sort()).toEqual(['+12015550141', '+12015550142']);
    const inbound = await sdk.fax.faxes.list({ direction: 'INBOUND', status: 'COMPLETED', from: '+1415' });
    expect(inbound.data).toHaveLength(1);
    const ranged = await sdk.fax.faxes.list({
      createTimeRange: { from: new Date(created.getTime() - 2_000), to: new Date(created.getTime() + 2_000) }, direction: 'OUTBOUND',
    });
    expect(ranged.data).toHaveLength(3);

    const firstPage = await sdk.fax.faxes.list({ pageSize: 1 });
    expect(firstPage.data).toHaveLength(1);
    expect(firstPage.hasNextPage).toBe(true);
    const ids: string[] = [];
    for await (const fax of sdk.fax.faxes.list({ pageSize: 1 })) ids.push(fax.id ?? '');
    expect(new Set(ids).size).toBe(4);
  });

  it('gets, downloads (deprecated /file.pdf path in 1.4.0) and deletes content', async () => {
    const pdf = await suite.files.pdf('sdk-dl.pdf');
    const [sent] = await sdk.fax.faxes.send({ sendFaxRequestBody: { to: TEST_NUMBER, filePaths: pdf.path } });
    const id = sent?.id ?? '';
    await waitFor(async () => ((await sdk.fax.faxes.get({ id })).status === 'COMPLETED' ? true : undefined));
    const file = await sdk.fax.faxes.downloadContent({ id });
    expect(file.fileName).toMatch(/\.pdf$/);
    expect(file.buffer.subarray(0, 5).toString()).toBe('%PDF-');
    await sdk.fax.faxes.deleteContent({ id });
    expect((await sdk.fax.faxes.get({ id })).hasFile).toBeFalsy();
    await expect(sdk.fax.faxes.downloadContent({ id })).rejects.toThrow();
  });
});

describe('official SDK: services and cover pages', () => {
  it('creates, gets, updates, lists (paged), lists numbers and deletes a service', async () => {
    const created = await sdk.fax.services.create({ createServiceRequestBody: { name: 'SDK service', numberOfRetries: 2, resolution: 'FINE' } });
    expect(created).toMatchObject({ name: 'SDK service', numberOfRetries: 2 });
    expect((await sdk.fax.services.get({ serviceId: created.id ?? '' })).name).toBe('SDK service');
    const updated = await sdk.fax.services.update({ serviceId: created.id ?? '', updateServiceRequestBody: { name: 'Renamed' } });
    expect(updated.name).toBe('Renamed');
    const names: string[] = [];
    for await (const service of sdk.fax.services.list({ pageSize: 1 })) names.push(service.name ?? '');
    expect(names).toContain('Renamed');
    expect(names.length).toBeGreaterThanOrEqual(2);
    const numbers = await sdk.fax.services.listNumbers({ serviceId });
    expect(numbers.data.map((number) => number.phoneNumber)).toContain('+12015550100');
    await sdk.fax.services.delete({ serviceId: created.id ?? '' });
    await expect(sdk.fax.services.get({ serviceId: created.id ?? '' })).rejects.toThrow();
  });

  it('adds, lists, gets and deletes cover pages', async () => {
    const pdf = await readFile((await suite.files.pdf('sdk-cover.pdf')).path);
    const added = await sdk.fax.coverPages.add({ serviceId, addCoverPageRequestBody: { name: 'Cover A', file: { fileContent: pdf.toString('base64'), fileType: 'PDF' } } });
    expect(added.name).toBe('Cover A');
    const listed = await sdk.fax.coverPages.list({ serviceId });
    expect(listed.data.map((page) => page.id)).toEqual([added.id]);
    expect((await sdk.fax.coverPages.get({ serviceId, coverPageId: added.id ?? '' })).name).toBe('Cover A');
    await sdk.fax.coverPages.delete({ serviceId, coverPageId: added.id ?? '' });
    expect((await sdk.fax.coverPages.list({ serviceId })).data).toHaveLength(0);
  });

  it('manages fax-to-email (raw + and @ in paths, JSON-string DELETE body)', async () => {
    const email = 'sdk@clinic.example';
    await sdk.fax.faxToEmail.addToNumbers({ serviceId, emailRequestBody: { email, phoneNumbers: [{ number: '+12015550100', permissions: 'both' }] } });
    expect((await sdk.fax.faxToEmail.listForNumber({ serviceId, phoneNumber: '+12015550100' })).data).toEqual([email]);
    expect((await sdk.fax.faxToEmail.listNumbers({ serviceId, email })).data.map((n) => n.phoneNumber ?? (n as { number?: string }).number))
      .toEqual(['+12015550100']);
    const updated = await sdk.fax.faxToEmail.update({ serviceId, email, updateEmailRequestBody: { phoneNumbers: [{ number: '+12015550100', permissions: 'send' }] } });
    expect(updated.phoneNumbers?.[0]).toMatchObject({ permissions: 'send' });
    await sdk.fax.faxToEmail.delete({ serviceId, email });
    expect((await sdk.fax.faxToEmail.list({ serviceId })).data).toHaveLength(0);
  });
});
