import { describe, expect, it } from 'vitest';
import type { InboxFax, InboxSyncState } from '../../../common/domain/inbox';
import { errorInfo } from '../../../common/errors';
import { faxStatus, syncWords, untilWords } from './faxStatus';

const fax = (over: Partial<InboxFax> = {}): InboxFax => ({
  id: 'f1', accountId: 'a1', direction: 'inbound', providerId: 'p1', from: '+14155550101', status: 'received', createdAt: '2026-01-01T10:00:00.000Z',
  fileNames: [], read: false, reviewed: false, notes: '', tags: [], archived: false, demo: false, document: { state: 'ready' }, rotations: {}, parts: [], ...over,
});
const sync = (over: Partial<InboxSyncState>): InboxSyncState => ({ accountId: 'a1', state: 'ok', skipped: 0, initialSyncDone: true, ...over });
const now = Date.parse('2026-01-01T10:00:00.000Z');

describe('inbox words', () => {
  it('gives a received fax one status: unavailable first, then new, to review, reviewed', () => {
    expect(faxStatus(fax({ document: { state: 'unavailable', problem: 'missing' } })).text).toBe('Document unavailable — retry');
    expect(faxStatus(fax()).text).toBe('New');
    expect(faxStatus(fax({ read: true })).text).toBe('To review');
    expect(faxStatus(fax({ read: true, reviewed: true })).text).toBe('Reviewed');
  });

  it('says how an account’s sync stands in plain words, with when it tries again', () => {
    const in40 = new Date(now + 40_000).toISOString();
    expect(syncWords(sync({ state: 'retrying', nextTryAt: in40, error: errorInfo('network') }), now).text).toBe('Offline — retrying in 40 s');
    expect(syncWords(sync({ state: 'retrying', nextTryAt: new Date(now + 300_000).toISOString(), error: errorInfo('rate_limited') }), now).text).toBe('Service busy — retrying in 5 min');
    const out = syncWords(sync({ state: 'signed_out' }), now);
    expect(out).toMatchObject({ text: 'Signed out — open settings', needsSettings: true });
    expect(syncWords(sync({ state: 'ok' }), now).text).toBe('Inbox up to date');
    expect(syncWords(undefined, now).text).toBe('Inbox not checked yet');
    expect(untilWords(new Date(now - 5).toISOString(), now)).toBe('now');
  });
});
