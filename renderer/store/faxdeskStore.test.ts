import { describe, expect, it } from 'vitest';
import type { Account } from '../../common/domain/account';
import type { OutboxJob } from '../../common/domain/fax';
import { errorInfo } from '../../common/errors';
import { createFaxdeskStore, connectFaxdeskStore } from './createFaxdeskStore';
import { fakeApi, type Handler } from './fakeApi';
import { computeSendPlan } from './sendPlan';
import { isNewer } from './outboxSlice';

const demo: Account = {
  id: 'acc-demo', name: 'Demo', demo: true, hasSecret: true, status: 'connected', capabilities: [], limits: {},
  settings: { provider: 'sinch', sinch: { projectId: 'demo-project', keyId: 'demo-key', authMode: 'oauth2', region: 'global' } },
};

const job = (over: Partial<OutboxJob> = {}): OutboxJob => ({
  id: 'job-1', batchId: 'b1', accountId: demo.id, to: '+19898989898', documents: [], pages: 2, state: 'queued', demo: true,
  attempts: 0, createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-01T10:00:00.000Z', ...over,
});

const pdfInfo = (name: string, pages: number) => ({
  id: `doc-${name}`, name, kind: 'pdf', pages, sizeBytes: 10, sentAs: 'pdf', contentType: 'application/pdf', sentBytes: 10, sha256: 'a'.repeat(64), warnings: [],
});
const pdfFile = (name: string, text = '%PDF-1.7 fake') => new File([text], name, { type: 'application/pdf' });
const baseHandlers: Record<string, Handler> = {
  'accounts.list': () => ({ ok: true, value: [demo] }),
  'outbox.list': () => ({ ok: true, value: [] }),
  'documents.add': (i) => ({ ok: true, value: pdfInfo(String(i.name), 3) }),
  'documents.remove': () => ({ ok: true, value: { removed: true } }),
};

async function ready(handlers: Record<string, Handler> = {}) {
  const fake = fakeApi({ ...baseHandlers, ...handlers });
  const store = createFaxdeskStore(fake.api);
  connectFaxdeskStore(store, fake.api);
  await new Promise((r) => setTimeout(r, 0));
  return { ...fake, store };
}

describe('renderer store', () => {
  it('loads accounts and outbox, and follows events', async () => {
    const { store, emit } = await ready();
    expect(store.getState().accounts).toEqual([demo]);
    emit('outbox.jobChanged', job({ state: 'sending', updatedAt: '2026-01-01T10:00:01.000Z' }));
    expect(store.getState().jobs['job-1']?.state).toBe('sending');
    emit('outbox.jobChanged', job({ state: 'sent', updatedAt: '2026-01-01T10:00:02.000Z' }));
    expect(store.getState().justDelivered).toBe('job-1');
  });

  it('never lets a stale copy of a job overwrite a newer one', () => {
    const sent = job({ state: 'sent', updatedAt: '2026-01-01T10:00:05.000Z' });
    expect(isNewer(sent, job({ state: 'queued' }))).toBe(false);
    expect(isNewer(job({ state: 'submitting' }), job({ state: 'queued' }))).toBe(false);
    expect(isNewer(sent, job({ state: 'queued', attempts: 1, updatedAt: '2026-01-01T10:00:09.000Z' }))).toBe(true);
  });

  it('leaves judging a file to the core, refuses only empty files itself, and names the file in core refusals', async () => {
    const { store, calls } = await ready({
      'documents.add': () => ({ ok: false, error: errorInfo('unsupported_file', { message: 'This is not a file Faxdesk can fax.', nextStep: 'Save it as a PDF.' }) }),
    });
    await store.getState().addFiles([new File([], 'empty.pdf'), new File(['MZ'], 'notes.exe')]);
    const messages = store.getState().fileRefusals.map((r) => r.message);
    expect(messages).toEqual(['empty.pdf is empty.', 'notes.exe: This is not a file Faxdesk can fax. Save it as a PDF.']);
    expect(calls.filter((c) => c.channel === 'files.add').map((c) => c.input)).toEqual(['notes.exe']);
    expect(store.getState().docs).toEqual([]);
    expect(store.getState().pane).toBe('compose');
  });

  it('plans the send in words and sends typed + chipped numbers', async () => {
    const sent: OutboxJob[] = [job({ id: 'j1' }), job({ id: 'j2', to: '+12015550123' })];
    const { store, calls } = await ready({ 'fax.send': () => ({ ok: true, value: sent }) });
    await store.getState().addFiles([pdfFile('a.pdf'), pdfFile('b.pdf')]);
    store.getState().setNumberText('(201) 555-0123,');
    store.getState().setNumberText('+1 989 898 9898');
    const plan = computeSendPlan(store.getState());
    expect(plan).toMatchObject({ canSend: true, label: 'Send 6 pages to 2 recipients', to: ['+12015550123', '+19898989898'] });
    expect(await store.getState().send()).toBe(true);
    expect(calls.find((c) => c.channel === 'fax.send')?.input).toMatchObject({
      accountId: demo.id, to: ['+12015550123', '+19898989898'], documentIds: ['doc-a.pdf', 'doc-b.pdf'],
      parts: [0, 1, 2].map((page) => ({ type: 'page', documentId: 'doc-a.pdf', page, rotation: 0 }))
        .concat([0, 1, 2].map((page) => ({ type: 'page', documentId: 'doc-b.pdf', page, rotation: 0 }))),
    });
    const s = store.getState();
    expect([s.pane, s.docs.length, s.recipients.length, s.numberText, s.selectedJobId]).toEqual(['outbox', 0, 0, '', 'j1']);
    expect(Object.keys(s.jobs)).toEqual(['j1', 'j2']);
  });

  it('keeps everything when the send fails, and explains why Send is disabled', async () => {
    const { store } = await ready({ 'fax.send': () => ({ ok: false, error: errorInfo('network', { message: 'The core is not answering.' }) }) });
    expect(computeSendPlan(store.getState()).reason).toBe('Add a document to send.');
    await store.getState().addFiles([pdfFile('a.pdf')]);
    store.getState().setNumberText('12');
    expect(computeSendPlan(store.getState())).toMatchObject({ canSend: false, reason: 'Fix the fax number to send.' });
    store.getState().setNumberText('+19898989898');
    expect(await store.getState().send()).toBe(false);
    const s = store.getState();
    expect(s.sendError?.message).toBe('The core is not answering.');
    expect([s.pane, s.docs.length, s.numberText]).toEqual(['compose', 1, '+19898989898']);
  });

  it('announces a fax changing state to screen readers, but not the person’s own action twice', async () => {
    const { store } = await ready();
    store.getState().applyJob(job());
    store.getState().applyJob(job({ state: 'sent', updatedAt: '2026-01-01T10:01:00.000Z' }));
    await Promise.resolve();
    expect(store.getState().announcement.text).toBe('Fax to …9898: Completed');
    const seq = store.getState().announcement.seq;
    store.getState().applyJob(job({ state: 'failed', updatedAt: '2026-01-01T10:02:00.000Z' }), true);
    await Promise.resolve();
    expect(store.getState().announcement.seq).toBe(seq);
  });

  it('Resend starts compose with the sent fax’s documents and number; Forward leaves the number to the person', async () => {
    const { store } = await ready();
    const sent = job({ state: 'sent', documents: [pdfInfo('lease.pdf', 2) as OutboxJob['documents'][number]] });
    store.getState().composeFromJob(sent, 'resend');
    expect(store.getState().pane).toBe('compose');
    expect(store.getState().recipients.map((r) => r.e164)).toEqual(['+19898989898']);
    expect(store.getState().pages).toHaveLength(2);
    expect(store.getState().composeAccountId).toBe(demo.id);
    store.getState().composeFromJob(sent, 'forward');
    expect(store.getState().recipients).toEqual([]);
    expect(store.getState().docs.map((d) => d.name)).toEqual(['lease.pdf']);
  });
});
