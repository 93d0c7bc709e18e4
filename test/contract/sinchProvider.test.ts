import { beforeEach, describe, expect, it } from 'vitest';
import type { SinchProvider } from '../../main/core/providers/sinch/sinchProvider';
import { useSinchEmulator } from '../support/emulatorSuite';
import { sinchProviderFor } from '../support/providerKit';
import { NUMBERS } from '../support/providerTargets';
import { readAll, waitFor } from '../support/testKit';

/** Sinch's free test number: runs the whole lifecycle to COMPLETED. */
const TEST_NUMBER = NUMBERS.delivered;
const BUSY_NUMBER = NUMBERS.busy;


let provider: SinchProvider;

const suite = useSinchEmulator({ speed: 1000 });
beforeEach(() => {
  // A fresh provider each test, so each test signs in afresh.
  provider = sinchProviderFor(suite.url);
});

describe('Sinch provider: send', () => {
  it('sends several files to several recipients with every option, one RemoteFax per recipient in order', async () => {
    const services = await provider.admin.services.list();
    const serviceId = services.items[0]?.id;
    expect(serviceId).toBeTruthy();
    const cover = await provider.admin.coverPages.add('Clinic cover', (await suite.files.pdf('cover.pdf')).path, serviceId);
    const first = await suite.files.pdf('letter.pdf', 2);
    const second = await suite.files.pdf('labs.pdf', 1);
    const recipients = ['+12015550111', TEST_NUMBER, '+447700900123'];

    const sent = await provider.send({
      to: recipients,
      documents: [first, second],
      from: '+12015550100',
      headerText: 'Faxdesk test header',
      resolution: 'SUPERFINE',
      maxRetries: 2,
      retryDelaySeconds: 30,
      coverPageId: cover.id,
      coverPageData: { name: 'Dr. Who', note: 'Urgent' },
      labels: { outboxJob: 'job-123', batch: 'b 1' },
      serviceId,
    });

    expect(sent.map((fax) => fax.to)).toEqual(recipients);
    for (const fax of sent) {
      expect(fax.direction).toBe('outbound');
      expect(['queued', 'sending', 'sent']).toContain(fax.status);
      expect(fax.labels).toEqual({ outboxJob: 'job-123', batch: 'b 1' });
    }
    const stored = await suite.control.faxes();
    expect(stored).toHaveLength(3);
    const wire = stored.find((fax) => fax.to === TEST_NUMBER) ?? {};
    expect(wire).toMatchObject({
      from: '+12015550100', headerText: 'Faxdesk test header', resolution: 'SUPERFINE', maxRetries: 2,
      retryDelaySeconds: 30, coverPageId: cover.id, coverPageData: { name: 'Dr. Who', note: 'Urgent' }, serviceId,
      labels: { outboxJob: 'job-123', batch: 'b 1' },
    });
  });

  it('sends one file to one recipient and follows the lifecycle to sent, with pages and pagesSent', async () => {
    const doc = await suite.files.pdf('one.pdf', 3);
    const [fax] = await provider.send({ to: [TEST_NUMBER], documents: [doc] });
    expect(fax?.to).toBe(TEST_NUMBER);
    const done = await waitFor(async () => {
      const current = await provider.getFax(fax?.id ?? '');
      return current.status === 'sent' ? current : undefined;
    });
    expect(done).toMatchObject({ status: 'sent', pages: 3, pagesSent: 3, hasFile: true });
    expect(done.completedAt).toBeTruthy();
  });

  it('reports a busy line as line_busy, keeping the Sinch code for the log', async () => {
    const [fax] = await provider.send({ to: [BUSY_NUMBER], documents: [await suite.files.pdf('busy.pdf')], maxRetries: 0 });
    const failed = await waitFor(async () => {
      const current = await provider.getFax(fax?.id ?? '');
      return current.status === 'failed' ? current : undefined;
    });
    expect(failed.failure).toEqual({ code: 'line_busy', provider: 'sinch', providerReason: 'CALL_ERROR 17 Busy' });
  });

  it('finds a sent fax by the outbox reference in its labels', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    await provider.send({ to: [TEST_NUMBER], documents: [await suite.files.pdf('ref.pdf')], labels: { outboxJob: 'job-A' } });
    await provider.send({ to: ['+12015550112', '+12015550113'], documents: [await suite.files.pdf('ref2.pdf')], clientReference: 'job-B' });
    expect((await provider.findByReference('job-A', since)).map((fax) => fax.to)).toEqual([TEST_NUMBER]);
    expect((await provider.findByReference('job-B', since)).map((fax) => fax.to).sort()).toEqual(['+12015550112', '+12015550113']);
    expect(await provider.findByReference('job-none', since)).toEqual([]);
  });

  describe('rejects bad input before any request', () => {
    it.each([
      ['an invalid number', { to: ['12015550111'] }, /not a valid fax number/],
      ['a short number', { to: ['+1201'] }, /not a valid fax number/],
      ['no recipients', { to: [] }, /at least one recipient/],
      ['header text over 50 characters', { headerText: 'x'.repeat(51) }, /50/],
      ['maxRetries over 5', { maxRetries: 6 }, /0 to 5/],
      ['upper-case cover page keys', { coverPageId: 'cp', coverPageData: { Name: 'x' } }, /lower case/],
    ])('%s', async (_name, override, message) => {
      const doc = await suite.files.pdf('ok.pdf');
      await expect(provider.send({ to: [TEST_NUMBER], documents: [doc], ...override }))
        .rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
      expect(await suite.control.faxes()).toHaveLength(0);
    });

    it('an unsupported file type', async () => {
      const exe = await suite.files.file('setup.exe', Buffer.from('MZ...'), 'application/octet-stream');
      await expect(provider.send({ to: [TEST_NUMBER], documents: [exe] }))
        .rejects.toMatchObject({ code: 'unsupported_file', detail: expect.stringMatching(/file type Sinch cannot fax/) });
      expect(await suite.control.faxes()).toHaveLength(0);
    });

    it('a file over 20 MB', async () => {
      const big = await suite.files.file('big.pdf', Buffer.alloc(20 * 1024 * 1024 + 1, 0x20), 'application/pdf');
      await expect(provider.send({ to: [TEST_NUMBER], documents: [big] }))
        .rejects.toMatchObject({ code: 'files_too_large', detail: expect.stringMatching(/20\.0 MB; Sinch accepts files up to 20 MB/) });
      expect(await suite.control.faxes()).toHaveLength(0);
    });

    it('a missing file', async () => {
      const gone = { path: `${suite.files.path}/missing.pdf`, name: 'missing.pdf', contentType: 'application/pdf', sizeBytes: 10 };
      await expect(provider.send({ to: [TEST_NUMBER], documents: [gone] })).rejects.toMatchObject({ code: 'unsupported_file' });
      expect(await suite.control.faxes()).toHaveLength(0);
    });
  });
});

describe('Sinch provider: list, get, download, delete content', () => {
  it('lists with every filter, pages 1-based, and iterates over all pages', async () => {
    const docs = [await suite.files.pdf('list.pdf')];
    const sent = await provider.send({ to: ['+12015550121', '+12015550122', '+13035550123'], documents: docs });
    await suite.control.inbound({ from: '+14155550199', to: '+12015550100', pages: 2 });
    // The emulator's clock runs fast, so bounds come from its own createTime, not from Date.now().
    const created = Date.parse(sent[0]?.createdAt ?? '');
    const since = new Date(created - 1_000).toISOString();
    const until = new Date(created + 1_000).toISOString();

    const outbound = await provider.listFaxes({ direction: 'outbound', createdAfter: since, createdBefore: until });
    expect(outbound.totalItems).toBe(3);
    const inbound = await provider.listFaxes({ direction: 'inbound' });
    expect(inbound.faxes).toHaveLength(1);
    expect(inbound.faxes[0]).toMatchObject({ direction: 'inbound', from: '+14155550199', status: 'received', hasFile: true });
    expect((await provider.listFaxes({ toPrefix: '+1201' })).totalItems).toBe(3); // two sent + the inbound one
    expect((await provider.listFaxes({ toPrefix: '+1201', direction: 'outbound' })).totalItems).toBe(2);
    expect((await provider.listFaxes({ fromPrefix: '+1415' })).totalItems).toBe(1);
    expect((await provider.listFaxes({ status: 'received' })).totalItems).toBe(1);
    expect((await provider.listFaxes({ status: 'draft' })).totalItems).toBe(0);
    expect((await provider.listFaxes({ createdBefore: '2000-01-01T00:00:00Z' })).totalItems).toBe(0);
    expect((await provider.listFaxes({ createdAfter: new Date(created + 3_600_000 * 24 * 365).toISOString() })).totalItems).toBe(0);

    const page2 = await provider.listFaxes({ pageSize: 3, page: 2 });
    expect(page2).toMatchObject({ page: 2, pageSize: 3, totalItems: 4, totalPages: 2 });
    expect(page2.faxes).toHaveLength(1);
    const all = [];
    for await (const fax of provider.iterateFaxes({ pageSize: 1 })) all.push(fax.id);
    expect(new Set(all).size).toBe(4);
  });

  it('gets, downloads as a stream, and deletes only the content', async () => {
    const [fax] = await provider.send({ to: [TEST_NUMBER], documents: [await suite.files.pdf('dl.pdf', 2)] });
    const id = fax?.id ?? '';
    await waitFor(async () => ((await provider.getFax(id)).status === 'sent' ? true : undefined));
    const download = await provider.downloadFax(id);
    expect(download.contentType).toBe('application/pdf');
    const bytes = await readAll(download.body);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    await provider.deleteContent(id);
    const after = await provider.getFax(id);
    expect(after.hasFile).toBe(false);
    expect(after.status).toBe('sent');
    await expect(provider.downloadFax(id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('maps an unknown id to not_found', async () => {
    await expect(provider.getFax('01NOSUCHFAX0000000000000000')).rejects.toMatchObject({ code: 'not_found', retryable: false });
  });

  it('testConnection succeeds with the demo credentials', async () => {
    await expect(provider.testConnection()).resolves.toBeUndefined();
  });
});
