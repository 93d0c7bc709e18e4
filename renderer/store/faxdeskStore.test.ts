import { describe, expect, it } from 'vitest';
import type { Account } from '../../common/domain/account';
import type { OutboxJob } from '../../common/domain/fax';
import { errorInfo } from '../../common/errors';
import { createBridge } from '../../common/ipc/bridge';
import type { Result } from '../../common/ipc/result';
import { createFaxdeskStore, connectFaxdeskStore } from './createFaxdeskStore';
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

type Handler = (input: Record<string, unknown>) => Result<unknown>;

/** A fake core behind the real bridge shape: records calls, answers from a table. */
function fakeApi(handlers: Record<string, Handler>) {
  const calls: Array<{ channel: string; input: unknown }> = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const api = createBridge({
    async invoke(channel, input) {
      calls.push({ channel, input });
      const h = handlers[channel];
      return h ? h(input as Record<string, unknown>) : { ok: false, error: errorInfo('internal', { message: `no ${channel}` }) };
    },
    subscribe(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
    async addFile(file) {
      calls.push({ channel: 'files.add', input: file.name });
      const h = handlers['documents.add'];
      return h ? h({ name: file.name }) : { ok: false, error: errorInfo('internal', { message: 'no documents.add' }) };
    },
    documentUrl: (id) => `/documents/${id}`,
  });
  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { api, calls, emit };
}

const pdfFile = (name: string, text = '%PDF-1.7 fake') => new File([text], name, { type: 'application/pdf' });
const baseHandlers: Record<string, Handler> = {
  'accounts.list': () => ({ ok: true, value: [demo] }),
  'outbox.list': () => ({ ok: true, value: [] }),
  'documents.add': (i) => ({ ok: true, value: { id: `doc-${String(i.name)}`, name: i.name, pages: 3, sizeBytes: 10, contentType: 'application/pdf' } }),
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
    expect(store.getState().sessionJobIds['job-1']).toBe(true);
  });

  it('never lets a stale copy of a job overwrite a newer one', () => {
    const sent = job({ state: 'sent', updatedAt: '2026-01-01T10:00:05.000Z' });
    expect(isNewer(sent, job({ state: 'queued' }))).toBe(false);
    expect(isNewer(job({ state: 'submitting' }), job({ state: 'queued' }))).toBe(false);
    expect(isNewer(sent, job({ state: 'queued', attempts: 1, updatedAt: '2026-01-01T10:00:09.000Z' }))).toBe(true);
  });

  it('refuses non-PDFs by name before upload and names the file in core refusals', async () => {
    const { store, calls } = await ready({
      'documents.add': () => ({ ok: false, error: errorInfo('unsupported_file', { message: 'This is not a PDF.', nextStep: 'Print it to PDF.' }) }),
    });
    await store.getState().addFiles([new File(['MZ'], 'notes.exe'), pdfFile('notes.pdf', 'hello')]);
    const messages = store.getState().fileRefusals.map((r) => r.message);
    expect(messages[0]).toMatch(/^notes\.exe is not a PDF/);
    expect(messages[1]).toBe('notes.pdf: This is not a PDF. Print it to PDF.');
    expect(calls.filter((c) => c.channel === 'files.add')).toHaveLength(1);
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
    });
    const s = store.getState();
    expect([s.pane, s.docs.length, s.recipients.length, s.numberText, s.selectedJobId]).toEqual(['outbox', 0, 0, '', 'j1']);
    expect(Object.keys(s.jobs)).toEqual(['j1', 'j2']);
  });

  it('keeps everything when the send fails, and explains why Send is disabled', async () => {
    const { store } = await ready({ 'fax.send': () => ({ ok: false, error: errorInfo('network', { message: 'The core is not answering.' }) }) });
    expect(computeSendPlan(store.getState()).reason).toBe('Add a PDF to send.');
    await store.getState().addFiles([pdfFile('a.pdf')]);
    store.getState().setNumberText('12');
    expect(computeSendPlan(store.getState())).toMatchObject({ canSend: false, reason: 'Fix the fax number to send.' });
    store.getState().setNumberText('+19898989898');
    expect(await store.getState().send()).toBe(false);
    const s = store.getState();
    expect(s.sendError?.message).toBe('The core is not answering.');
    expect([s.pane, s.docs.length, s.numberText]).toEqual(['compose', 1, '+19898989898']);
  });
});
