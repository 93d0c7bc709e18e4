import { describe, expect, it, vi } from 'vitest';
import type { Account } from '../../common/domain/account';
import type { DocumentInfo } from '../../common/domain/document';
import { createFaxdeskStore } from './createFaxdeskStore';
import { fakeApi, type Handler } from './fakeApi';
import { computeSendPlan } from './sendPlan';

const sinch: Account = {
  id: 'acc-sinch', name: 'Demo', demo: true, hasSecret: true, status: 'connected', capabilities: ['headerText'], limits: {},
  settings: { provider: 'sinch', sinch: { projectId: 'demo-project', keyId: 'demo-key', authMode: 'oauth2', region: 'global' } },
};

/** What the core answers for each file name: "<n>p.pdf" has n pages; ".docx" is sent as it is. */
function infoFor(name: string): DocumentInfo {
  const docx = name.endsWith('.docx');
  return {
    id: `id-${name}`, name, kind: docx ? 'docx' : 'pdf', pages: docx ? null : Number(/(\d+)p/.exec(name)?.[1] ?? 1),
    // Files named "copy of X" hold X's bytes.
    sizeBytes: 100, sentAs: docx ? 'original' : 'pdf', sentBytes: 100, sha256: name.replace(/^copy of /, '').padEnd(64, '0'), warnings: [],
    contentType: docx ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf',
  };
}

function setup(extra: Record<string, Handler> = {}) {
  const fake = fakeApi({
    'documents.add': (i) => ({ ok: true, value: infoFor(String(i.name)) }),
    'documents.remove': () => ({ ok: true, value: { removed: true } }),
    'fax.send': () => ({ ok: true, value: [] }),
    ...extra,
  });
  const store = createFaxdeskStore(fake.api);
  store.setState({ accounts: [sinch], numberText: '+19898989898' });
  const add = (...names: string[]) => store.getState().addFiles(names.map((n) => new File(['x'], n)));
  /** The page list as "<file>:<page>@<rotation>" (or "<file>" for a file sent as it is). */
  const list = () => store.getState().pages.map((p) => {
    const doc = store.getState().docs.find((d) => d.key === p.docKey)!;
    return p.kind === 'page' ? `${doc.name}:${p.page}${p.rotation ? `@${p.rotation}` : ''}` : doc.name;
  });
  const idOf = (n: number) => store.getState().pages[n]!.id;
  return { ...fake, store, add, list, idOf };
}

describe('compose page list', () => {
  it('lists every page of each file as it arrives, a Word file sent as it is as one entry, in strip order', async () => {
    let releaseFirst: () => void = () => undefined;
    const { store, add, list } = setup({
      // The first file answers last: its pages still go first, where its tile stands.
      'documents.add': async (i) => {
        if (i.name === 'a-2p.pdf') await new Promise<void>((r) => { releaseFirst = r; });
        return { ok: true, value: infoFor(String(i.name)) };
      },
    });
    const adding = store.getState().addFiles([new File(['x'], 'a-2p.pdf')]);
    await new Promise((r) => setTimeout(r, 0));
    await add('b-1p.pdf', 'letter.docx');
    expect(list()).toEqual(['b-1p.pdf:0', 'letter.docx']);
    releaseFirst();
    await adding;
    expect(list()).toEqual(['a-2p.pdf:0', 'a-2p.pdf:1', 'b-1p.pdf:0', 'letter.docx']);
    expect(computeSendPlan(store.getState()).label).toBe('Send 3 pages + 1 document to 1 recipient');
  });

  it('rotates in quarter turns either way; a file sent as it is cannot be turned', async () => {
    const { store, add, list, idOf } = setup();
    await add('a-2p.pdf', 'letter.docx');
    const s = store.getState();
    s.rotatePage(idOf(1));
    s.rotatePage(idOf(1));
    expect(list()).toEqual(['a-2p.pdf:0', 'a-2p.pdf:1@180', 'letter.docx']);
    s.rotatePage(idOf(0), -1);
    s.rotatePage(idOf(2));
    expect(list()).toEqual(['a-2p.pdf:0@270', 'a-2p.pdf:1@180', 'letter.docx']);
    expect(store.getState().history.map((h) => h.what)).toEqual(['rotate page 2', 'rotate page 2', 'rotate page 1']);
  });

  it('moves a page anywhere, and a file’s pages as a block past its neighbour’s', async () => {
    const { store, add, list, idOf } = setup();
    await add('a-2p.pdf', 'b-2p.pdf');
    store.getState().movePage(idOf(3), 0);
    expect(list()).toEqual(['b-2p.pdf:1', 'a-2p.pdf:0', 'a-2p.pdf:1', 'b-2p.pdf:0']);
    store.getState().movePage(idOf(1), 99);
    expect(list()).toEqual(['b-2p.pdf:1', 'a-2p.pdf:1', 'b-2p.pdf:0', 'a-2p.pdf:0']);
    const b = store.getState().docs[1]!.key;
    store.getState().moveDoc(b, -1);
    expect(store.getState().docs.map((d) => d.name)).toEqual(['b-2p.pdf', 'a-2p.pdf']);
    expect(list()).toEqual(['b-2p.pdf:1', 'b-2p.pdf:0', 'a-2p.pdf:1', 'a-2p.pdf:0']);
    store.getState().moveDoc(b, -1);
    expect(store.getState().history).toHaveLength(3);
  });

  it('removing a file’s last page removes its tile; undo brings back both, then each step before', async () => {
    const { store, add, list, idOf } = setup();
    await add('a-2p.pdf', 'b-1p.pdf');
    store.getState().rotatePage(idOf(0));
    store.getState().removePage(idOf(2));
    expect(store.getState().docs.map((d) => d.name)).toEqual(['a-2p.pdf']);
    expect(store.getState().history.at(-1)?.what).toBe('remove page 3');
    store.getState().undo();
    expect(list()).toEqual(['a-2p.pdf:0@90', 'a-2p.pdf:1', 'b-1p.pdf:0']);
    expect(store.getState().docs.map((d) => d.name)).toEqual(['a-2p.pdf', 'b-1p.pdf']);
    store.getState().undo();
    expect(list()).toEqual(['a-2p.pdf:0', 'a-2p.pdf:1', 'b-1p.pdf:0']);
    store.getState().undo();
    expect(list()).toEqual(['a-2p.pdf:0', 'a-2p.pdf:1', 'b-1p.pdf:0']);
  });

  it('never undoes a file’s arrival: a file added after a change survives undoing that change', async () => {
    const { store, add, list, idOf } = setup();
    await add('a-1p.pdf');
    store.getState().rotatePage(idOf(0));
    await add('b-1p.pdf');
    store.getState().undo();
    expect(list()).toEqual(['a-1p.pdf:0', 'b-1p.pdf:0']);
    expect(store.getState().docs.map((d) => d.name)).toEqual(['a-1p.pdf', 'b-1p.pdf']);
  });

  it('keeps a removed file in the core while undo can bring it back, and lets go of it after', async () => {
    const { store, add, callsTo } = setup();
    await add('a-1p.pdf', 'b-1p.pdf', 'c-1p.pdf');
    const [a, b] = store.getState().docs;
    store.getState().removeDoc(b!.key);
    expect(callsTo('documents.remove')).toEqual([]);
    store.getState().undo();
    expect(store.getState().docs.map((d) => d.name)).toEqual(['a-1p.pdf', 'b-1p.pdf', 'c-1p.pdf']);
    store.getState().removeDoc(a!.key);
    // Sent: the core keeps what the fax uses and forgets the removed file.
    expect(await store.getState().send()).toBe(true);
    expect(callsTo('documents.remove')).toEqual([{ id: 'id-a-1p.pdf' }]);
    expect(store.getState()).toMatchObject({ docs: [], pages: [], history: [] });
  });

  it('a tile removed while its file is loading leaves nothing behind', async () => {
    let answer: () => void = () => undefined;
    const { store, callsTo } = setup({
      'documents.add': async (i) => {
        await new Promise<void>((r) => { answer = r; });
        return { ok: true, value: infoFor(String(i.name)) };
      },
    });
    const adding = store.getState().addFiles([new File(['x'], 'slow-2p.pdf')]);
    // (A PDF is handed to the core once its first page is drawn, or after a moment: no page draws here.)
    await vi.waitFor(() => expect(callsTo('files.add')).toHaveLength(1), { timeout: 3_000 });
    store.getState().removeDoc(store.getState().docs[0]!.key);
    answer();
    await adding;
    expect(store.getState()).toMatchObject({ docs: [], pages: [], history: [] });
    expect(callsTo('documents.remove')).toEqual([{ id: 'id-slow-2p.pdf' }]);
  });

  it('a PDF removed while its first page is being drawn is never handed to the core', async () => {
    const { store, callsTo } = setup();
    const adding = store.getState().addFiles([new File(['%PDF-1.7'], 'referral-2p.pdf', { type: 'application/pdf' })]);
    expect(store.getState().docs).toMatchObject([{ status: 'reading', firstPage: true }]);
    store.getState().removeDoc(store.getState().docs[0]!.key);
    await adding;
    expect(store.getState()).toMatchObject({ docs: [], pages: [] });
    expect(callsTo('files.add')).toEqual([]);
  });

  it('sends exactly the page list: rotate page 2, remove page 3, move the last page first', async () => {
    const { store, add, idOf, callsTo } = setup();
    await add('a-3p.pdf', 'letter.docx', 'b-2p.pdf');
    store.getState().rotatePage(idOf(1));
    store.getState().removePage(idOf(2));
    store.getState().movePage(idOf(4), 0);
    store.getState().setHeaderText('Riverside Clinic');
    expect(await store.getState().send()).toBe(true);
    expect(callsTo('fax.send')[0]).toEqual({
      accountId: sinch.id, to: ['+19898989898'],
      documentIds: ['id-b-2p.pdf', 'id-a-3p.pdf', 'id-letter.docx'],
      parts: [
        { type: 'page', documentId: 'id-b-2p.pdf', page: 1, rotation: 0 },
        { type: 'page', documentId: 'id-a-3p.pdf', page: 0, rotation: 0 },
        { type: 'page', documentId: 'id-a-3p.pdf', page: 1, rotation: 90 },
        { type: 'original', documentId: 'id-letter.docx' },
        { type: 'page', documentId: 'id-b-2p.pdf', page: 0, rotation: 0 },
      ],
      options: { headerText: 'Riverside Clinic' }, confirmDuplicate: false,
    });
  });

  it('asks about a file added twice (the same bytes): remove the copy, or keep both', async () => {
    const { store, add } = setup();
    await add('2p.pdf', 'copy of 2p.pdf', '1p.pdf');
    expect(store.getState().duplicateFiles).toEqual([{ key: store.getState().docs[1]!.key, name: 'copy of 2p.pdf', sameAs: '2p.pdf' }]);
    store.getState().settleDuplicate(store.getState().docs[1]!.key, true);
    expect(store.getState().docs.map((d) => d.name)).toEqual(['2p.pdf', '1p.pdf']);
    expect(store.getState().duplicateFiles).toEqual([]);
    await add('copy of 1p.pdf');
    store.getState().settleDuplicate(store.getState().docs[2]!.key, false);
    expect(store.getState().docs.map((d) => d.name)).toEqual(['2p.pdf', '1p.pdf', 'copy of 1p.pdf']);
  });

  it('asks before sending the same pages to the same number again, and sends when the person confirms', async () => {
    let sends = 0;
    const { store, add, callsTo } = setup({
      'fax.send': (input) => (++sends === 1 && !input.confirmDuplicate
        ? { ok: false, error: { code: 'possible_duplicate', message: 'You sent these pages to …9898 at 9:14 AM today.', nextStep: 'Send them again only if the recipient needs them twice.', retryable: false, action: { kind: 'none' } } }
        : { ok: true, value: [] }),
    });
    await add('1p.pdf');
    expect(await store.getState().send()).toBe(false);
    expect(store.getState().sendError).toMatchObject({ code: 'possible_duplicate' });
    expect(await store.getState().send(true)).toBe(true);
    expect(callsTo('fax.send')).toMatchObject([{ confirmDuplicate: false }, { confirmDuplicate: true }]);
  });
});
