import { describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../common/domain/fax';
import { errorInfo } from '../../common/errors';
import { connectNotifications, noticeFor, type Notice } from '../../main/core/outbox/notifications';

const job = (state: OutboxJob['state'], over: Partial<OutboxJob> = {}): OutboxJob => ({
  id: 'j1', batchId: 'b1', accountId: 'a1', to: '+12015550142', pages: 2, state, attempts: 1, demo: false,
  subject: 'Referral for Jane Smith',
  documents: [{ id: 'd1', name: 'Referral - Jane Smith.pdf', kind: 'pdf', pages: 2, sizeBytes: 10, sentAs: 'pdf', contentType: 'application/pdf', sentBytes: 10, warnings: [], sha256: 'x' }],
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  ...(state === 'failed' ? { error: errorInfo('line_busy') } : {}),
  ...over,
});

function collect(): { shown: Notice[]; emit: (j: OutboxJob) => void } {
  const shown: Notice[] = [];
  let emit: (j: OutboxJob) => void = () => {};
  connectNotifications((listener) => { emit = listener; return () => {}; }, { isSupported: () => true, show: (notice) => shown.push(notice) });
  return { shown, get emit() { return emit; } };
}

describe('OS notifications', () => {
  it('tell of delivered, failed, uncertain and stuck faxes, once each, with the last four digits and no PHI', () => {
    const { shown, emit } = collect();
    emit(job('submitting'));
    emit(job('sending'));
    emit(job('sending', { stuckSince: '2026-01-01T00:20:00Z' }));
    emit(job('sending', { stuckSince: '2026-01-01T00:20:00Z' }));
    emit(job('failed'));
    emit(job('failed'));
    emit(job('uncertain'));
    emit(job('sent'));
    expect(shown.map((n) => n.title)).toEqual(['A fax is taking longer than usual', 'A fax failed', 'A fax needs checking', 'A fax was delivered']);
    expect(shown.every((n) => n.faxId === 'j1' && n.body.includes('…0142'))).toBe(true);
    const text = JSON.stringify(shown);
    for (const phi of ['2015550142', '201555', 'Jane', 'Smith', 'Referral']) expect(text).not.toContain(phi);
  });

  it('marks demo faxes, and stays quiet for progress and for a person\'s own decision', () => {
    expect(noticeFor(job('failed', { demo: true }), undefined)?.body).toContain('(Demo — not transmitted)');
    expect(noticeFor(job('queued'), undefined)).toBeUndefined();
    expect(noticeFor(job('sent', { decision: 'confirmed_by_person' }), job('uncertain'))).toBeUndefined();
  });
});
