import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../common/domain/fax';
import type { ProviderFactory } from '../../main/core/accounts/accountRegistry';
import { defaultProviderFactory } from '../../main/core/providers/providerFactory';
import { SinchProvider } from '../../main/core/providers/sinch/sinchProvider';
import { makePdfBytes, startTestCore, waitFor, type CoreHarness } from '../support/coreKit';

/** Real core, real SQLite, the demo Sinch emulator over real HTTP; short timeouts for fault tests. */
const fastFactory: ProviderFactory = {
  create: (settings, secret) => settings.provider === 'sinch'
    ? new SinchProvider({ settings: settings.sinch, secret, timeoutMs: 800, policy: { retries: 2, baseDelayMs: 20, maxDelayMs: 50, maxRetryAfterMs: 2000 } })
    : defaultProviderFactory.create(settings, secret),
  capabilitiesOf: defaultProviderFactory.capabilitiesOf,
};

let h: CoreHarness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

async function start() {
  h = startTestCore({ providerFactory: fastFactory });
  const url = await h.core.demo!.sinchUrl();
  const accounts = await h.core.dispatch('accounts.list', {});
  const demo = (accounts as { value: Array<{ id: string; demo: boolean }> }).value.find((a) => a.demo)!;
  return { core: h.core, url, accountId: demo.id };
}

async function addPdf(pages = 2) {
  const bytes = await makePdfBytes(pages);
  const sha256 = createHash('sha256').update(bytes).digest('hex'); // before: the core may take over the buffer
  const result = await h!.core.dispatch('documents.add', { name: 'letter.pdf', bytes });
  return { id: (result as { value: { id: string } }).value.id, sha256 };
}

async function control(url: string, path: string, body: unknown) {
  const res = await fetch(`${url}/__emulator/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.ok).toBe(true);
}

async function emulatorFaxes(url: string): Promise<Array<Record<string, unknown>>> {
  return ((await (await fetch(`${url}/__emulator/faxes`)).json()) as { faxes: Array<Record<string, unknown>> }).faxes;
}

const job = (id: string): OutboxJob | undefined =>
  (h!.core.outbox.list().find((j) => j.id === id));

const sendOne = async (accountId: string, documentId: string, to = '+19898989898') => {
  const result = await h!.core.dispatch('fax.send', { accountId, to: [to], documentIds: [documentId] });
  expect(result.ok).toBe(true);
  return (result as { value: OutboxJob[] }).value[0]!;
};

describe('outbox with the Sinch demo emulator', () => {
  it('persists the job, sends it once and follows it to sent, emitting changes', async () => {
    const { core, url, accountId } = await start();
    const seen: string[] = [];
    core.events.subscribe((event, payload) => { if (event === 'outbox.jobChanged') seen.push((payload as OutboxJob).state); });
    const doc = await addPdf(2);
    const queued = await sendOne(accountId, doc.id);
    expect(queued).toMatchObject({ state: 'queued', to: '+19898989898', pages: 2, attempts: 0 });
    const done = await waitFor(() => (job(queued.id)?.state === 'sent' ? job(queued.id) : undefined), 15_000, 'sent');
    expect(done).toMatchObject({ attempts: 1, providerFaxId: expect.any(String), completedAt: expect.any(String) });
    expect(seen).toEqual(expect.arrayContaining(['queued', 'submitting', 'sent']));
    const faxes = await emulatorFaxes(url);
    expect(faxes).toHaveLength(1);
    expect(JSON.stringify(faxes[0])).toContain(doc.sha256);
  });

  it('marks a 5xx during send as failed with a reason, sends nothing, and retries only when asked', async () => {
    const { url, accountId } = await start();
    await control(url, 'faults', { rate: 1, kinds: ['500'], method: 'POST', pathPattern: '/faxes$', count: 1 });
    const doc = await addPdf(1);
    const queued = await sendOne(accountId, doc.id);
    const failed = await waitFor(() => (job(queued.id)?.state === 'failed' ? job(queued.id) : undefined), 10_000, 'failed');
    expect(failed.error).toMatchObject({ code: 'provider_unavailable', retryable: true, nextStep: expect.any(String) });
    expect(failed.error!.message).toMatch(/did not take the fax/);
    await new Promise((r) => setTimeout(r, 400)); // several poll ticks: nothing is re-sent on its own
    expect(await emulatorFaxes(url)).toHaveLength(0);
    expect(job(queued.id)!.attempts).toBe(1);

    await h!.core.dispatch('outbox.retry', { id: queued.id });
    await waitFor(() => (job(queued.id)?.state === 'sent' ? true : undefined), 15_000, 'sent after retry');
    expect(await emulatorFaxes(url)).toHaveLength(1);
    expect(job(queued.id)!.attempts).toBe(2);
  });

  it('adopts the fax when the reply is lost but the provider took it (reset after acceptance is reconciled)', async () => {
    const { url, accountId } = await start();
    // The emulator answers the send with malformed JSON: the fax exists, the reply is unreadable.
    await control(url, 'faults', { rate: 1, kinds: ['malformed'], method: 'POST', pathPattern: '/faxes$', count: 1 });
    const doc = await addPdf(1);
    const queued = await sendOne(accountId, doc.id);
    const settled = await waitFor(() => {
      const state = job(queued.id)?.state;
      return state === 'uncertain' || state === 'sent' || state === 'failed' ? job(queued.id) : undefined;
    }, 15_000, 'settled');
    // Injected faults act before the emulator stores anything, so the provider has no such fax:
    // the job must never be re-sent on its own, whatever state it settles in.
    expect(['uncertain', 'failed']).toContain(settled.state);
    expect(await emulatorFaxes(url)).toHaveLength(0);
  });

  it('turns a timeout into uncertain, and an uncertain job is re-sent only after confirmation', async () => {
    const { url, accountId } = await start();
    await control(url, 'faults', { rate: 1, kinds: ['timeout'], method: 'POST', pathPattern: '/faxes$', count: 1 });
    const doc = await addPdf(1);
    const queued = await sendOne(accountId, doc.id);
    const uncertain = await waitFor(() => (job(queued.id)?.state === 'uncertain' ? job(queued.id) : undefined), 15_000, 'uncertain');
    expect(uncertain.error).toMatchObject({ code: 'uncertain', nextStep: expect.stringMatching(/Check with the recipient/) });
    expect(await h!.core.dispatch('outbox.retry', { id: queued.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await emulatorFaxes(url)).toHaveLength(0);
    expect(await h!.core.dispatch('outbox.retry', { id: queued.id, confirmUncertain: true })).toMatchObject({ ok: true });
    await waitFor(() => (job(queued.id)?.state === 'sent' ? true : undefined), 15_000, 'sent after confirmed retry');
    expect(await emulatorFaxes(url)).toHaveLength(1);
  });

  it('shows the provider failure reason for a busy line', async () => {
    const { accountId } = await start();
    const doc = await addPdf(1);
    const queued = await sendOne(accountId, doc.id, '+19898989801');
    const failed = await waitFor(() => (job(queued.id)?.state === 'failed' ? job(queued.id) : undefined), 20_000, 'failed');
    expect(failed.error!.message.toLowerCase()).toContain('busy');
  });

  it('refuses a send for a missing document or account without creating jobs', async () => {
    const { accountId } = await start();
    expect(await h!.core.dispatch('fax.send', { accountId, to: ['+19898989898'], documentIds: ['00000000-0000-0000-0000-000000000000'] }))
      .toMatchObject({ ok: false, error: { code: 'not_found' } });
    const doc = await addPdf(1);
    expect(await h!.core.dispatch('fax.send', { accountId: 'nope', to: ['+19898989898'], documentIds: [doc.id] }))
      .toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await h!.core.dispatch('fax.send', { accountId, to: ['12'], documentIds: [doc.id] }))
      .toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(h!.core.outbox.list()).toHaveLength(0);
  });
});

describe('outbox after a crash mid-submission', () => {
  async function interruptedJob(accountId: string, documentId: string, dataDir: string) {
    const { openDatabase } = await import('../../main/core/store/database');
    const { JobsRepo } = await import('../../main/core/store/jobsRepo');
    const db = openDatabase(`${dataDir}/faxdesk.sqlite`);
    const now = new Date().toISOString();
    const id = crypto.randomUUID();
    new JobsRepo(db).insert({
      id, batchId: id, accountId, to: '+19898989898', documentIds: [documentId], options: {}, pages: 1,
      state: 'submitting', attempts: 1, submittedAt: now, createdAt: now, updatedAt: now,
    });
    db.close();
    return id;
  }

  it('adopts the fax the provider already has, without sending it again', async () => {
    const { url, accountId } = await start();
    const doc = await addPdf(1);
    const jobId = await interruptedJob(accountId, doc.id, h!.dataDir);
    // The request had reached the provider before the crash: it holds a fax with this attempt's reference.
    const provider = await h!.core.accounts.providerFor(accountId);
    await provider.send({
      to: ['+19898989898'],
      documents: [{ path: `${h!.dataDir}/documents/${doc.id}.pdf`, name: 'letter.pdf', contentType: 'application/pdf', sizeBytes: 1 }],
      labels: { faxdeskRef: `${jobId}.1` },
    });
    await h!.core.outbox.tick();
    await waitFor(() => (job(jobId)?.state === 'sent' ? true : undefined), 15_000, 'adopted and sent');
    expect(await emulatorFaxes(url)).toHaveLength(1);
  });

  it('marks it failed (not sent) when the provider has no such fax, and never re-sends on its own', async () => {
    const { url, accountId } = await start();
    const doc = await addPdf(1);
    const jobId = await interruptedJob(accountId, doc.id, h!.dataDir);
    await h!.core.outbox.tick();
    const failed = await waitFor(() => (job(jobId)?.state === 'failed' ? job(jobId) : undefined), 10_000, 'failed');
    expect(failed.error).toMatchObject({ code: 'interrupted', retryable: true });
    expect(await emulatorFaxes(url)).toHaveLength(0);
  });
});
