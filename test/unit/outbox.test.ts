import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../common/domain/fax';
import { openDatabase } from '../../main/core/store/database';
import { FaxJobsRepo } from '../../main/core/store/faxJobsRepo';
import type { SecretStore } from '../../main/core/accounts/secretStore';
import { startTestCore, waitFor, type CoreHarness } from '../support/coreKit';
import { useSinchEmulator, useWelkinEmulator } from '../support/emulatorSuite';
import { addPdf, addSinchAccount, addWelkinAccount, fastFactory, faxOf, outboxList, sendFax, waitForFax } from '../support/outboxKit';
import { readDocumentContent } from '../support/documentContent';
import { masterKeyFrom } from '../../main/core/crypto/masterKey';
import { SealedFiles } from '../../main/core/crypto/sealedFiles';

/** Real core, real SQLite, a Sinch emulator over real HTTP (it outlives core restarts); short timeouts. */
const suite = useSinchEmulator({ speed: 20 });
const emulator = { get url() { return suite.url; } };
let h: CoreHarness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

/** A core on a fresh data folder, or restarted on `restart`'s folder with its keychain. */
async function start(restart?: { dataDir: string; secrets: SecretStore }) {
  h = startTestCore({ demo: false, providerFactory: fastFactory(), ...(restart ? { dataDir: restart.dataDir, secretStore: restart.secrets } : {}) });
  return h;
}

const faults = (request: Parameters<typeof suite.control.faults>[0]) => suite.control.faults(request);
const emulatorFaxes = () => suite.control.faxes();

describe('outbox with the Sinch emulator', () => {
  it('persists the job, sends it once and follows it to sent, emitting changes', async () => {
    const core = await start();
    const accountId = await addSinchAccount(core, emulator.url);
    const seen: string[] = [];
    core.core.events.subscribe((event, payload) => { if (event === 'outbox.jobChanged') seen.push((payload as OutboxJob).state); });
    const doc = await addPdf(core, 2);
    const queued = await sendFax(core, accountId, doc.id);
    expect(queued).toMatchObject({ state: 'queued', to: '+19898989898', pages: 2, attempts: 0 });
    const done = await waitForFax(core, queued.id, ['sent']);
    expect(done).toMatchObject({ attempts: 1, providerFaxId: expect.any(String), completedAt: expect.any(String) });
    expect(seen).toEqual(expect.arrayContaining(['queued', 'submitting', 'sent']));
    const faxes = await emulatorFaxes();
    expect(faxes).toHaveLength(1);
    // What the emulator holds is exactly the file Faxdesk prepared (the normalised PDF).
    const sent = (await readDocumentContent(core.core, done.documents[0]!.id))!;
    expect(JSON.stringify(faxes[0])).toContain(createHash('sha256').update(sent).digest('hex'));
    // Finished work leaves no job behind.
    expect(core.services.db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE queue != 'maintenance' AND kind NOT LIKE 'inbox.sync%'").get()).toEqual({ n: 0 });
  });

  it('marks a 5xx during send as failed with a reason, sends nothing, and retries only when asked', async () => {
    const core = await start();
    const accountId = await addSinchAccount(core, emulator.url);
    await faults({ rate: 1, kinds: ['500'], method: 'POST', pathPattern: '/faxes$', count: 1 });
    const doc = await addPdf(core, 1);
    const queued = await sendFax(core, accountId, doc.id);
    const failed = await waitForFax(core, queued.id, ['failed']);
    expect(failed.error).toMatchObject({ code: 'provider_unavailable', retryable: true, nextStep: expect.any(String) });
    expect(failed.error!.message).toMatch(/did not take the fax/);
    await new Promise((r) => setTimeout(r, 600)); // several runner polls: nothing is re-sent on its own
    expect(await emulatorFaxes()).toHaveLength(0);
    expect((await faxOf(core, queued.id))!.attempts).toBe(1);

    await core.core.dispatch('outbox.retry', { id: queued.id });
    await waitForFax(core, queued.id, ['sent']);
    expect(await emulatorFaxes()).toHaveLength(1);
    expect((await faxOf(core, queued.id))!.attempts).toBe(2);
  });

  it('never re-sends on its own when the reply is unreadable (malformed JSON after the request)', async () => {
    const core = await start();
    const accountId = await addSinchAccount(core, emulator.url);
    await faults({ rate: 1, kinds: ['malformed'], method: 'POST', pathPattern: '/faxes$', count: 1 });
    const doc = await addPdf(core, 1);
    const queued = await sendFax(core, accountId, doc.id);
    const settled = await waitForFax(core, queued.id, ['uncertain', 'sent', 'failed']);
    // Injected faults act before the emulator stores anything, so the provider has no such fax:
    // the job must never be re-sent on its own, whatever state it settles in.
    expect(['uncertain', 'failed']).toContain(settled.state);
    expect(await emulatorFaxes()).toHaveLength(0);
  });

  it('turns a timeout into uncertain, and an uncertain job is re-sent only after confirmation', async () => {
    const core = await start();
    const accountId = await addSinchAccount(core, emulator.url);
    await faults({ rate: 1, kinds: ['timeout'], method: 'POST', pathPattern: '/faxes$', count: 1 });
    const doc = await addPdf(core, 1);
    const queued = await sendFax(core, accountId, doc.id);
    const uncertain = await waitForFax(core, queued.id, ['uncertain']);
    expect(uncertain.error).toMatchObject({ code: 'uncertain', nextStep: expect.stringMatching(/Check with the recipient/) });
    expect(await core.core.dispatch('outbox.retry', { id: queued.id })).toMatchObject({ ok: false, error: { code: 'pages_may_have_arrived' } });
    expect(await emulatorFaxes()).toHaveLength(0);
    expect(await core.core.dispatch('outbox.retry', { id: queued.id, confirm: true })).toMatchObject({ ok: true });
    await waitForFax(core, queued.id, ['sent']);
    expect(await emulatorFaxes()).toHaveLength(1);
  });

  it('waits out a 429 (Retry-After honoured) and then sends once, with no person needed', async () => {
    h = startTestCore({ demo: false, providerFactory: fastFactory({ policy: { retries: 0, baseDelayMs: 10, maxDelayMs: 10, maxRetryAfterMs: 0 } }) });
    const accountId = await addSinchAccount(h, emulator.url);
    await faults({ rate: 1, kinds: ['429'], method: 'POST', pathPattern: '/faxes$', count: 1, retryAfterSeconds: 2 });
    const doc = await addPdf(h, 1);
    const started = Date.now();
    const queued = await sendFax(h, accountId, doc.id);
    const waiting = await waitFor(async () => {
      const fax = await faxOf(h!, queued.id);
      return fax?.state === 'queued' && fax.attempts === 1 ? fax : undefined;
    }, 5_000, 'back in the queue after the 429');
    expect(waiting.error?.code).toBe('rate_limited');
    const sent = await waitForFax(h, queued.id, ['sent'], 20_000);
    expect(sent.attempts).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(await emulatorFaxes()).toHaveLength(1);
  });

  it('holds faxes while the network is gone and sends them as soon as it is back', async () => {
    const core = await start();
    const accountId = await addSinchAccount(core, emulator.url);
    const doc = await addPdf(core, 1);
    core.core.onOnlineChanged(false);
    const queued = await sendFax(core, accountId, doc.id);
    await new Promise((r) => setTimeout(r, 500)); // longer than the runner's poll
    expect((await faxOf(core, queued.id))!.state).toBe('queued');
    expect(await emulatorFaxes()).toHaveLength(0);
    core.core.onOnlineChanged(true);
    await waitForFax(core, queued.id, ['sent']);
    expect(await emulatorFaxes()).toHaveLength(1);
  });

  it('shows the provider failure reason for a busy line', async () => {
    const core = await start();
    const accountId = await addSinchAccount(core, emulator.url);
    const doc = await addPdf(core, 1);
    const queued = await sendFax(core, accountId, doc.id, '+19898989801');
    const failed = await waitForFax(core, queued.id, ['failed'], 20_000);
    expect(failed.error!.message.toLowerCase()).toContain('busy');
  });

  it('refuses a send for a missing document or account without creating jobs', async () => {
    const core = await start();
    const accountId = await addSinchAccount(core, emulator.url);
    expect(await core.core.dispatch('fax.send', { accountId, to: ['+19898989898'], documentIds: ['00000000-0000-0000-0000-000000000000'] }))
      .toMatchObject({ ok: false, error: { code: 'not_found' } });
    const doc = await addPdf(core, 1);
    expect(await core.core.dispatch('fax.send', { accountId: 'nope', to: ['+19898989898'], documentIds: [doc.id] }))
      .toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.core.dispatch('fax.send', { accountId, to: ['12'], documentIds: [doc.id] }))
      .toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await outboxList(core)).toHaveLength(0);
    expect(core.services.db.prepare("SELECT COUNT(*) AS n FROM jobs WHERE queue != 'maintenance' AND kind NOT LIKE 'inbox.sync%'").get()).toEqual({ n: 0 });
  });

  it('keeps a document that a fax still uses', async () => {
    const core = await start();
    const accountId = await addSinchAccount(core, emulator.url);
    const doc = await addPdf(core, 1);
    await sendFax(core, accountId, doc.id);
    expect(await core.core.dispatch('documents.remove', { id: doc.id })).toEqual({ ok: true, value: { removed: false } });
  });
});

describe('outbox after a crash mid-submission (restart on the same data folder)', () => {
  /** A core that stopped between "submitting" and the reply: the row says submitting, no job is left. */
  async function crashedMidSubmission() {
    const first = await start();
    const accountId = await addSinchAccount(first, emulator.url);
    const doc = await addPdf(first, 1);
    const { dataDir, secrets } = first;
    await first.core.close();
    h = undefined;
    const db = openDatabase(`${dataDir}/faxdesk.sqlite`);
    const now = new Date().toISOString();
    const id = crypto.randomUUID();
    new FaxJobsRepo(db).insert({
      id, batchId: id, accountId, to: '+19898989898', documentIds: [doc.id], options: {}, pages: 1,
      state: 'submitting', attempts: 1, submittedAt: now, createdAt: now, updatedAt: now,
    });
    db.close();
    return { id, accountId, doc, dataDir, secrets };
  }

  it('adopts the fax the provider already has, without sending it again', async () => {
    const crashed = await crashedMidSubmission();
    // The request had reached the provider before the crash: it holds a fax with this attempt's reference.
    const provider = fastFactory().create({ provider: 'sinch', sinch: { projectId: 'demo-project', keyId: 'demo-key', authMode: 'oauth2', region: 'global', baseUrl: emulator.url, authUrl: emulator.url } }, 'demo-secret');
    // The stored document is sealed: it is uploaded decrypted, as the outbox uploads it.
    const stored = `${crashed.dataDir}/documents/${crashed.doc.id}.pdf`;
    const sealed = new SealedFiles(masterKeyFrom(crashed.secrets));
    await provider.send({
      to: ['+19898989898'],
      documents: [{ path: stored, name: 'letter.pdf', contentType: 'application/pdf', sizeBytes: (await sealed.plainSize(stored))!, open: () => sealed.chunks(stored) }],
      labels: { faxdeskRef: `${crashed.id}.1` },
    });
    const restarted = await start(crashed);
    await waitForFax(restarted, crashed.id, ['sent']);
    expect(await emulatorFaxes()).toHaveLength(1);
  });

  it('marks it failed (not sent) when the provider has no such fax, and never re-sends on its own', async () => {
    const crashed = await crashedMidSubmission();
    const restarted = await start(crashed);
    const failed = await waitForFax(restarted, crashed.id, ['failed']);
    expect(failed.error).toMatchObject({ code: 'interrupted', retryable: true });
    expect(await emulatorFaxes()).toHaveLength(0);
  });

  it('sends a fax that was still queued when the app stopped, once', async () => {
    const first = await start();
    const accountId = await addSinchAccount(first, emulator.url);
    const doc = await addPdf(first, 1);
    first.services.runner.setPaused(true); // queued but not yet taken when the app stops
    const queued = await sendFax(first, accountId, doc.id);
    await first.core.close();
    h = undefined;
    const restarted = await start(first);
    await waitForFax(restarted, queued.id, ['sent']);
    expect(await emulatorFaxes()).toHaveLength(1);
  });
});

describe('Welkin: reconciled by the draft it kept, never by borrowing the subject', () => {
  const welkin = useWelkinEmulator({ speed: 20 });

  it('keeps the person\'s subject, and a send cut off before Welkin acted ends "not sent" with its draft removed', async () => {
    const core = await start();
    const accountId = await addWelkinAccount(core, welkin.url);
    const doc = await addPdf(core, 1);
    const sent = await core.core.dispatch('fax.send', { accountId, to: ['+19898989898'], documentIds: [doc.id], options: { subject: 'Referral for J. Smith' } });
    const first = (sent as { value: OutboxJob[] }).value[0]!;
    const done = await waitForFax(core, first.id, ['sent']);
    const held = (await welkin.control.faxes()).find((fax) => fax.id === done.providerFaxId);
    expect(held).toMatchObject({ subject: 'Referral for J. Smith' });

    await welkin.control.faults({ rate: 1, kinds: ['timeout'], method: 'POST', pathPattern: '/send$', count: 1 });
    const cut = await sendFax(core, accountId, doc.id, '+12015550199');
    const failed = await waitForFax(core, cut.id, ['failed', 'uncertain', 'sent']);
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe('network');
    // The draft it made was read, found unsent and removed: nothing is left to go out later.
    expect((await welkin.control.faxes()).filter((fax) => fax.status === 'DRAFT')).toEqual([]);
  });
});
