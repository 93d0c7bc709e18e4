import { describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../common/domain/fax';
import type { Result } from '../../common/ipc/result';
import { errorInfo } from '../../common/errors';
import { shownJobs } from '../features/outbox/jobStatus';
import { createFaxdeskStore, connectFaxdeskStore } from './createFaxdeskStore';
import { fakeApi, type Handler } from './fakeApi';

/** The Sent pane while a search is being answered: what it shows, and a tag added meanwhile. */

const sent = (id: string, over: Partial<OutboxJob> = {}): OutboxJob => ({
  id, batchId: id, accountId: 'acc', to: '+19898989898', documents: [], pages: 1, state: 'sent', demo: true,
  attempts: 1, createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:05.000Z', ...over,
});
const walrus = sent('walrus');
const other = sent('other', { to: '+12015550100' });

/** A core whose search answers only when the test says so (a slow search over a long history). */
function slowSearch(extra: Record<string, Handler> = {}) {
  let answer: (r: Result<OutboxJob[]>) => void = () => {};
  const handlers: Record<string, Handler> = {
    'accounts.list': () => ({ ok: true, value: [] }),
    'outbox.list': (input) => (input.text || input.since ? new Promise((resolve) => { answer = resolve; }) : { ok: true, value: [walrus, other] }),
    ...extra,
  };
  return { handlers, answer: (r: Result<OutboxJob[]>) => answer(r) };
}

async function ready(handlers: Record<string, Handler>) {
  const fake = fakeApi(handlers);
  const store = createFaxdeskStore(fake.api);
  connectFaxdeskStore(store, fake.api);
  await new Promise((r) => setTimeout(r, 0));
  const shown = () => { const s = store.getState(); return shownJobs('sent', s.jobs, s.foundJobIds, s.jobQuery).map((j) => j.id).sort(); };
  return { ...fake, store, shown };
}

describe('the Sent pane while a search is answered', () => {
  it('keeps the list and the open fax until the answer, and a tag added meanwhile survives the answer', async () => {
    const slow = slowSearch({
      'outbox.annotate': (input) => ({ ok: true, value: { ...walrus, tags: input.tags as string[], updatedAt: '2026-12-01T10:05:00.000Z' } }),
    });
    const { store, shown } = await ready(slow.handlers);
    store.getState().selectJob('walrus');
    expect(shown()).toEqual(['other', 'walrus']);

    store.getState().setJobQuery({ text: 'walrus' });
    // Asked, not answered: the open fax stays in the list (an empty list would close its detail).
    expect(shown()).toEqual(['other', 'walrus']);
    expect(await store.getState().annotateJob('walrus', { tags: ['consent-filed'] })).toBeNull();
    expect(store.getState().jobs.walrus?.tags).toEqual(['consent-filed']);

    // The answer carries the copy read before the tag: it narrows the list but does not undo the tag.
    slow.answer({ ok: true, value: [walrus] });
    await new Promise((r) => setTimeout(r, 0));
    expect(shown()).toEqual(['walrus']);
    expect(store.getState().jobs.walrus?.tags).toEqual(['consent-filed']);

    // Clearing the search shows everything again at once (nothing to ask).
    store.getState().setJobQuery({ text: '' });
    expect(shown()).toEqual(['other', 'walrus']);
  });

  it('the next search keeps the last answer until it is answered', async () => {
    const slow = slowSearch();
    const { store, shown } = await ready(slow.handlers);
    store.getState().setJobQuery({ text: 'walrus' });
    slow.answer({ ok: true, value: [walrus] });
    await new Promise((r) => setTimeout(r, 0));
    store.getState().setJobQuery({ text: 'nothing like it' });
    expect(shown()).toEqual(['walrus']);
    slow.answer({ ok: true, value: [] });
    await new Promise((r) => setTimeout(r, 0));
    expect(shown()).toEqual([]);
  });

  it('an impossible date range and a failed search show no fax, and say why', async () => {
    const slow = slowSearch();
    const { store, shown } = await ready(slow.handlers);
    store.getState().setJobQuery({ since: '2026-12-02', until: '2026-12-01' });
    expect(shown()).toEqual([]);

    store.getState().setJobQuery({ since: '2026-11-01' });
    slow.answer({ ok: false, error: errorInfo('internal', { message: 'The search could not be run.' }) });
    await new Promise((r) => setTimeout(r, 0));
    expect(shown()).toEqual([]);
    expect(store.getState().outboxError).toBe('The search could not be run.');
  });
});
