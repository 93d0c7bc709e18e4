import { describe, expect, it } from 'vitest';
import type { ComposeOpenRequested } from '../../common/ipc/contract';
import { createFaxdeskStore, connectFaxdeskStore } from './createFaxdeskStore';
import { fakeApi } from './fakeApi';

const info = (name: string, pages: number, sha = name) => ({
  id: `doc-${name}`, name, kind: 'pdf' as const, pages, sizeBytes: 10, sentAs: 'pdf' as const, contentType: 'application/pdf', sentBytes: 10, sha256: sha.padEnd(64, '0'), warnings: [],
});

/** Files from the desktop reach compose through the queue the core keeps (a launch's arrive before the page listens). */
function setup(queue: ComposeOpenRequested[]) {
  const fake = fakeApi({
    'compose.takeOpenRequests': () => ({ ok: true, value: queue.splice(0) }),
    'documents.remove': () => ({ ok: true, value: { removed: true } }),
  });
  const store = createFaxdeskStore(fake.api);
  connectFaxdeskStore(store, fake.api);
  return { ...fake, store };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('compose opened from the desktop', () => {
  it('takes what arrived before the page listened: compose opens with the files, the number and the refusals', async () => {
    const { store } = setup([{ id: 'r1', documents: [info('Referral.pdf', 2)], to: '+12015550100', refusals: ['Scans was not opened: it is a folder. Open the files inside it instead.'] }]);
    await settle();
    const s = store.getState();
    expect(s.pane).toBe('compose');
    expect(s.docs.map((d) => d.name)).toEqual(['Referral.pdf']);
    expect(s.pages).toHaveLength(2);
    expect(s.recipients).toEqual([{ e164: '+12015550100', display: '+1 201 555 0100' }]);
    expect(s.fileRefusals.map((r) => r.message)).toEqual(['Scans was not opened: it is a folder. Open the files inside it instead.']);
  });

  it('each later request is taken once, after the files already in compose, in order', async () => {
    const queue: ComposeOpenRequested[] = [];
    const { store, emit, callsTo } = setup(queue);
    await settle();
    for (const name of ['Batch 1.pdf', 'Batch 2.pdf']) {
      const request = { id: name, documents: [info(name, 1)], refusals: [] };
      queue.push(request);
      emit('compose.openRequested', request);
    }
    await settle();
    expect(store.getState().docs.map((d) => d.name)).toEqual(['Batch 1.pdf', 'Batch 2.pdf']);
    expect(callsTo('compose.takeOpenRequests').length).toBeGreaterThanOrEqual(2);
    // A request the page already took is not applied again.
    emit('compose.openRequested', { id: 'Batch 2.pdf', documents: [info('Batch 2.pdf', 1)], refusals: [] });
    await settle();
    expect(store.getState().docs).toHaveLength(2);
  });

  it('the same file opened twice is asked about, like a dropped copy', async () => {
    const { store } = setup([{ id: 'r', documents: [info('a.pdf', 1, 'same'), info('b.pdf', 1, 'same')], refusals: [] }]);
    await settle();
    expect(store.getState().duplicateFiles).toEqual([expect.objectContaining({ name: 'b.pdf', sameAs: 'a.pdf' })]);
  });

  it('a print-to-fax refusal is said in the window', async () => {
    const { store, emit } = setup([]);
    emit('hotFolder.refused', { message: 'notes.txt in the print-to-fax folder is not a PDF, so it was not faxed.' });
    expect(store.getState().notice?.text).toBe('notes.txt in the print-to-fax folder is not a PDF, so it was not faxed.');
  });
});
