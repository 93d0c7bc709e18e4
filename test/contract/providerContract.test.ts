import { describe, expect, it } from 'vitest';
import { CAPABILITIES, type FaxProvider, type RemoteFax, type RemoteStatus } from '../../main/core/providers/faxProvider';
import type { FaultKind } from '../../main/emulators/shared/faults';
import { FAST_RETRY_POLICY, providerErrorOf, recordingFetch } from '../support/providerKit';
import { NUMBERS, PROVIDER_TARGETS, useTarget, type RunningTarget } from '../support/providerTargets';
import type { TempFolder } from '../support/tempFolder';
import { readAll, waitFor } from '../support/testKit';

/**
 * The behaviour every FaxProvider owes the core, written once and run against each provider and its
 * emulator. Only the FaxProvider interface is used here; provider-specific knowledge (paths, ids,
 * numbers) lives in test/support/providerTargets.ts.
 */

const SPEED = 50;
const FINAL: ReadonlySet<RemoteStatus> = new Set(['sent', 'failed', 'received']);

describe.each(PROVIDER_TARGETS)('FaxProvider contract: $kind', (target) => {
  let emulator: RunningTarget;
  let dir: TempFolder;
  let provider: FaxProvider;

  useTarget(target, SPEED, (e, d, p) => { emulator = e; dir = d; provider = p; });

  async function sendOne(to: string, pages = 1, reference?: string): Promise<RemoteFax> {
    const document = await dir.pdf(`letter-${pages}p.pdf`, pages);
    const faxes = await provider.send({
      to: [to], documents: [document], clientReference: reference, labels: reference ? { faxdeskRef: reference } : undefined,
    });
    expect(faxes).toHaveLength(1);
    return faxes[0] as RemoteFax;
  }

  function untilFinal(id: string): Promise<RemoteFax> {
    return waitFor(async () => {
      const fax = await provider.getFax(id);
      return FINAL.has(fax.status) ? fax : undefined;
    }, 5_000, `fax ${id} final`);
  }

  describe('identity and connection', () => {
    it('declares its kind and a Set of known capabilities only', () => {
      expect(provider.kind).toBe(target.kind);
      expect(provider.capabilities).toBeInstanceOf(Set);
      for (const capability of provider.capabilities) expect(CAPABILITIES).toContain(capability);
    });

    it('testConnection resolves with the right credentials', async () => {
      await expect(provider.testConnection()).resolves.toBeUndefined();
    });

    it('testConnection fails unauthorized with a wrong secret', async () => {
      const error = await providerErrorOf(emulator.provider({ secret: 'wrong-secret' }).testConnection());
      expect(error.code).toBe('unauthorized');
      expect(error.retryable).toBe(false);
    });
  });

  describe('sending and the lifecycle', () => {
    it('send returns one outbound fax that getFax follows to sent, with pages reported', async () => {
      const fax = await sendOne(NUMBERS.delivered, 2);
      expect(fax.id).toEqual(expect.any(String));
      expect(fax.id).not.toBe('');
      expect(fax).toMatchObject({ direction: 'outbound', to: NUMBERS.delivered });
      expect(['queued', 'sending', 'sent']).toContain(fax.status);

      const done = await untilFinal(fax.id);
      expect(done).toMatchObject({ id: fax.id, direction: 'outbound', status: 'sent', to: NUMBERS.delivered, pages: 2, pagesSent: 2 });
      expect(done.failure).toBeUndefined();
      expect(Number.isNaN(Date.parse(done.createdAt))).toBe(false);
    });

    it('a busy number ends failed with the line_busy code, not the provider\'s words', async () => {
      const fax = await sendOne(NUMBERS.busy);
      const done = await untilFinal(fax.id);
      expect(done.status).toBe('failed');
      expect(done.failure).toMatchObject({ code: 'line_busy', provider: target.kind });
    });

    it('a partial delivery ends failed with fewer pages sent than the document has', async () => {
      const fax = await sendOne(NUMBERS.partial, 3);
      const done = await untilFinal(fax.id);
      expect(done.status).toBe('failed');
      expect(done.failure?.code).toBe('partial_delivery');
      // Welkin reports only the pages delivered on a failed fax; the total is then unknown.
      if (done.pages !== undefined) expect(done.pages).toBe(3);
      expect(done.pagesSent).toEqual(expect.any(Number));
      expect(done.pagesSent).toBeGreaterThan(0);
      expect(done.pagesSent).toBeLessThan(3);
    });
  });

  describe('listing, inbound and download', () => {
    it('listFaxes filters by direction and pages 1-based with consistent totals', async () => {
      const first = await sendOne(NUMBERS.delivered);
      const second = await sendOne(NUMBERS.delivered);
      const inboundId = (await emulator.control.inbound({ from: NUMBERS.sender, to: target.ownNumber })).id;

      const page1 = await provider.listFaxes({ direction: 'outbound', page: 1, pageSize: 1 });
      const page2 = await provider.listFaxes({ direction: 'outbound', page: 2, pageSize: 1 });
      expect(page1).toMatchObject({ page: 1, pageSize: 1, totalItems: 2, totalPages: 2 });
      expect(page2).toMatchObject({ page: 2, pageSize: 1, totalItems: 2, totalPages: 2 });
      expect(page1.faxes).toHaveLength(1);
      expect(page2.faxes).toHaveLength(1);
      const ids = [...page1.faxes, ...page2.faxes].map((fax) => fax.id);
      expect(new Set(ids)).toEqual(new Set([first.id, second.id]));
      for (const fax of [...page1.faxes, ...page2.faxes]) expect(fax.direction).toBe('outbound');

      const inbound = await provider.listFaxes({ direction: 'inbound' });
      expect(inbound.totalItems).toBe(1);
      expect(inbound.faxes.map((fax) => fax.id)).toEqual([inboundId]);

      const everything = await provider.listFaxes({ page: 1, pageSize: 10 });
      expect(everything.totalItems).toBe(3);
      expect(everything.faxes.map((fax) => fax.id).sort()).toEqual([first.id, second.id, inboundId].sort());
    });

    it('an inbound fax shows as received and downloads as a real PDF', async () => {
      const id = (await emulator.control.inbound({ from: NUMBERS.sender, to: target.ownNumber, pages: 2 })).id;
      const fax = await provider.getFax(id);
      expect(fax).toMatchObject({ id, direction: 'inbound', status: 'received', from: NUMBERS.sender, hasFile: true });

      const file = await provider.downloadFax(id);
      expect(file.contentType).toMatch(/pdf/i);
      const bytes = await readAll(file.body);
      expect(bytes.length).toBeGreaterThan(0);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (file.sizeBytes !== undefined) expect(file.sizeBytes).toBe(bytes.length);
    });
  });

  describe('reconciliation and lookups', () => {
    it.runIf(target.capabilities.has('referenceLabels'))('findByReference finds a sent fax by its reference and nothing for an unknown one', async () => {
      const since = new Date(Date.now() - 60_000).toISOString();
      const reference = `job-${Date.now()}`;
      const fax = await sendOne(NUMBERS.delivered, 1, reference);
      await sendOne(NUMBERS.delivered, 1, `${reference}-other`);

      const found = await provider.findByReference(reference, since);
      expect(found.map((match) => match.id)).toEqual([fax.id]);
      expect(found[0]).toMatchObject({ direction: 'outbound', to: NUMBERS.delivered });
      expect(await provider.findByReference('job-that-was-never-sent', since)).toEqual([]);
    });

    it('reports the fax\'s id as soon as it exists, and keeps the person\'s subject', async () => {
      const created: string[] = [];
      const document = await dir.pdf('subject.pdf', 1);
      const [fax] = await provider.send({
        to: [NUMBERS.delivered], documents: [document], clientReference: 'job-1.1', labels: { faxdeskRef: 'job-1.1' },
        subject: 'Referral for J. Smith', onCreated: (id) => { created.push(id); },
      });
      // Providers with drafts (Welkin) say the id before uploading; the others answer it with the send.
      if (target.capabilities.has('serverDrafts')) expect(created).toEqual([fax!.id]);
      else expect(created).toEqual([]);
      const read = await provider.getFax(fax!.id);
      if (read.subject !== undefined) expect(read.subject).toBe('Referral for J. Smith');
    });

    it('getFax of an unknown id fails not_found', async () => {
      const error = await providerErrorOf(provider.getFax(target.unknownFaxId));
      expect(error.code).toBe('not_found');
      expect(error.retryable).toBe(false);
    });
  });

  describe('bad input changes nothing at the provider', () => {
    it('an invalid E.164 recipient fails invalid_input and creates no fax', async () => {
      const document = await dir.pdf('bad-number.pdf');
      const error = await providerErrorOf(provider.send({ to: ['555-0100'], documents: [document] }));
      expect(error.code).toBe('invalid_input');
      expect(error.detail).toContain('555-0100');
      expect(await emulator.control.faxes()).toHaveLength(0);
    });

    it('a document that does not exist fails with a clear error and creates no fax', async () => {
      const missing = { path: `${dir.path}/gone/missing.pdf`, name: 'missing.pdf', contentType: 'application/pdf', sizeBytes: 1234 };
      const error = await providerErrorOf(provider.send({ to: [NUMBERS.delivered], documents: [missing] }));
      expect(error.code).toBe('unsupported_file');
      expect(error.detail).toContain('missing.pdf');
      expect(await emulator.control.faxes()).toHaveLength(0);
    });
  });

  describe('faults', () => {
    async function seededFax(): Promise<string> {
      return (await emulator.control.inbound({ from: NUMBERS.sender, to: target.ownNumber })).id;
    }

    it.each([
      ['500', 2],
      ['429', 1],
      ['malformed', 1],
      ['reset', 1],
    ] as Array<[FaultKind, number]>)('reads survive %s ×%i', async (kind, count) => {
      const id = await seededFax();
      const recorder = recordingFetch();
      const reader = emulator.provider({ fetch: recorder.fetch });
      await reader.testConnection();
      const before = recorder.count(new RegExp(target.readPathPattern), 'GET');

      await emulator.control.faults({ rate: 1, kinds: [kind], count, method: 'GET', pathPattern: target.readPathPattern, retryAfterSeconds: 1 });
      expect((await reader.getFax(id)).id).toBe(id);
      // Every injected fault was met and retried: the faults really happened.
      expect(recorder.count(new RegExp(target.readPathPattern), 'GET') - before).toBe(count + 1);

      await emulator.control.faults({ rate: 1, kinds: [kind], count, method: 'GET', pathPattern: target.readPathPattern, retryAfterSeconds: 1 });
      const page = await reader.listFaxes({ page: 1, pageSize: 10 });
      expect(page.faxes.map((fax) => fax.id)).toContain(id);
    });

    it.each([
      ['500', 'provider_unavailable'],
      ['malformed', 'provider_unavailable'],
      ['429', 'rate_limited'],
      ['reset', 'network'],
      ['timeout', 'network'],
    ] as Array<[FaultKind, string]>)('a read facing %s every time fails %s after bounded retries', async (kind, code) => {
      const id = await seededFax();
      const recorder = recordingFetch();
      const reader = emulator.provider({ fetch: recorder.fetch, timeoutMs: 300 });
      await reader.testConnection();
      const before = recorder.count(new RegExp(target.readPathPattern), 'GET');

      await emulator.control.faults({ rate: 1, kinds: [kind], method: 'GET', pathPattern: target.readPathPattern, retryAfterSeconds: 0 });
      const error = await providerErrorOf(reader.getFax(id));
      expect(error.code).toBe(code);
      expect(error.retryable).toBe(true);
      expect(recorder.count(new RegExp(target.readPathPattern), 'GET') - before).toBe(FAST_RETRY_POLICY.retries + 1);
    });

    async function sendFacing500(): Promise<void> {
      const document = await dir.pdf('fault-500.pdf');
      const recorder = recordingFetch();
      const sender = emulator.provider({ fetch: recorder.fetch });
      await sender.testConnection();
      // count 1: a repeated submit would succeed, so the send would resolve and a fax be sent.
      await emulator.control.faults({ rate: 1, kinds: ['500'], count: 1, method: 'POST', pathPattern: target.sendPathPattern });
      const error = await providerErrorOf(sender.send({ to: [NUMBERS.delivered], documents: [document], clientReference: 'job-500' }));
      expect(error.code).toBe('provider_unavailable');
      expect(recorder.count(new RegExp(target.sendPathPattern), 'POST')).toBe(1);
    }

    it('a send facing a 500 fails and is never repeated: nothing is submitted', async () => {
      await sendFacing500();
      const left = await provider.listFaxes({ page: 1, pageSize: 10 });
      expect(left.faxes.filter((fax) => fax.status !== 'draft')).toEqual([]);
    });

    it('a send refused with a 500 leaves no fax at the provider', async () => {
      await sendFacing500();
      expect(await emulator.control.faxes()).toHaveLength(0);
    });

    it('a send that times out fails maybeAccepted and is not repeated', async () => {
      const document = await dir.pdf('fault-timeout.pdf');
      const recorder = recordingFetch();
      const sender = emulator.provider({ fetch: recorder.fetch, timeoutMs: 400 });
      await sender.testConnection();

      await emulator.control.faults({ rate: 1, kinds: ['timeout'], count: 1, method: 'POST', pathPattern: target.sendPathPattern });
      const error = await providerErrorOf(sender.send({ to: [NUMBERS.delivered], documents: [document], clientReference: 'job-timeout' }));
      expect(error.code).toBe('network');
      expect(error.maybeAccepted).toBe(true);
      expect(recorder.count(new RegExp(target.sendPathPattern), 'POST')).toBe(1);
    });
  });
});
