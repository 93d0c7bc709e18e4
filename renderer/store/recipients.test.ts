import { describe, expect, it } from 'vitest';
import type { Account } from '../../common/domain/account';
import { createFaxdeskStore } from './createFaxdeskStore';
import { fakeApi, type Handler } from './fakeApi';

const account = (demo: boolean): Account => ({
  id: demo ? 'demo' : 'real', name: demo ? 'Demo' : 'Clinic', demo, hasSecret: true, status: 'connected', capabilities: [], limits: {},
  settings: { provider: 'sinch', sinch: { projectId: 'p', keyId: 'k', authMode: 'oauth2', region: 'global' } },
});

function setup(demo: boolean, extra: Record<string, Handler> = {}) {
  const fake = fakeApi({
    'documents.add': (i) => ({ ok: true, value: {
      id: `id-${String(i.name)}`, name: String(i.name), kind: 'pdf', pages: 1, sizeBytes: 100, sentAs: 'pdf', sentBytes: 100, sha256: '0'.repeat(64), warnings: [], contentType: 'application/pdf',
    } }),
    'fax.send': () => ({ ok: true, value: [] }),
    'contacts.newNumbers': (i) => ({ ok: true, value: { numbers: (i.numbers as string[]).filter((n) => n !== '+12015550100') } }),
    ...extra,
  });
  const store = createFaxdeskStore(fake.api);
  store.setState({ accounts: [account(demo)], appSettings: { paperSize: 'auto', hideDemoAccounts: false, inboxPollSeconds: 30, newFaxSound: true, markReadOnOpen: true, hotFolderEnabled: false, openAtLogin: false, hotFolderPath: '/tmp/hot', keepReceivedFor: 'forever', keepSentFor: 'forever', lockAfterMinutes: 5, updateFeedUrl: '', region: 'GB' } });
  return { ...fake, store };
}

describe('recipients in compose', () => {
  it('a pasted list (newlines, commas, semicolons; 00 and national numbers in the office’s region) becomes chips; duplicates are dropped and said', () => {
    const { store } = setup(true);
    store.getState().setNumberText('020 7946 0000\n0012015550100; +1 201 555 0101, not a number');
    expect(store.getState().recipients.map((r) => r.e164)).toEqual(['+442079460000', '+12015550100', '+12015550101']);
    expect(store.getState().numberText).toBe('not a number');
    expect(store.getState().recipientNotice).toBeNull();
    expect(store.getState().addNumberList('+1 201 555 0100\n+1 201 555 0102\n+1 201 555 0102')).toEqual([]);
    expect(store.getState().recipients).toHaveLength(4);
    expect(store.getState().recipientNotice).toBe('+1 201 555 0100 and +1 201 555 0102 were already in the list.');
  });

  it('a picked contact keeps its name on the chip; picking it again says it was already there', () => {
    const { store } = setup(true);
    store.getState().pickRecipients([{ e164: '+12015550140', display: '+1 201 555 0140', name: 'Amelia Okafor' }]);
    store.getState().pickRecipients([{ e164: '+12015550140', display: '+1 201 555 0140', name: 'Amelia Okafor' }]);
    expect(store.getState().recipients).toEqual([{ e164: '+12015550140', display: '+1 201 555 0140', name: 'Amelia Okafor' }]);
    expect(store.getState().recipientNotice).toBe('+1 201 555 0140 was already in the list.');
  });

  it('a real account’s first fax to a new number asks first, and sends once the person confirms; a known number goes at once', async () => {
    const { store, callsTo } = setup(false);
    await store.getState().addFiles([new File(['x'], 'a.pdf')]);
    store.getState().setNumberText('+1 201 555 0100, +1 201 555 0177,');
    expect(await store.getState().send()).toBe(false);
    expect(store.getState().newNumbers).toEqual(['+12015550177']);
    expect(callsTo('fax.send')).toHaveLength(0);
    expect(await store.getState().send(false, true)).toBe(true);
    expect(callsTo('fax.send')).toHaveLength(1);
  });

  it('Demo accounts transmit nothing, so they never ask', async () => {
    const { store, callsTo } = setup(true);
    await store.getState().addFiles([new File(['x'], 'a.pdf')]);
    store.getState().setNumberText('+1 201 555 0177');
    expect(await store.getState().send()).toBe(true);
    expect(callsTo('contacts.newNumbers')).toHaveLength(0);
  });
});
