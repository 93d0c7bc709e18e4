import { describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../common/domain/fax';
import { errorInfo } from '../../common/errors';
import { connectNotifications, notificationFor } from '../../main/shell/notify';

const job = (state: OutboxJob['state']): OutboxJob => ({
  id: 'j1', batchId: 'b1', accountId: 'a1', to: '+12015555555', pages: 2, state, attempts: 1,
  documents: [{ id: 'd1', name: 'Referral - Jane Smith.pdf', kind: 'pdf', pages: 2, sizeBytes: 10, sentAs: 'pdf', contentType: 'application/pdf', sentBytes: 10, warnings: [] }],
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  ...(state === 'failed' ? { error: errorInfo('line_busy') } : {}),
});

describe('OS notifications', () => {
  it('announce failures and uncertain faxes, once, with no PHI', () => {
    const shown: Array<{ title: string; body: string }> = [];
    let emit: (j: OutboxJob) => void = () => {};
    connectNotifications((listener) => { emit = listener; return () => {}; }, { isSupported: () => true, show: (title, body) => shown.push({ title, body }) });
    emit(job('submitting'));
    emit(job('failed'));
    emit(job('failed'));
    emit(job('uncertain'));
    expect(shown.map((n) => n.title)).toEqual(['A fax failed', 'A fax needs checking']);
    const text = JSON.stringify(shown);
    for (const phi of ['2015555555', '555', 'Jane', 'Smith', 'Referral']) expect(text).not.toContain(phi);
  });

  it('stays quiet for progress and success', () => {
    expect(notificationFor(job('sent'), 'sending')).toBeUndefined();
    expect(notificationFor(job('queued'), undefined)).toBeUndefined();
  });
});
