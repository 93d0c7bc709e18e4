import { describe, expect, it } from 'vitest';
import type { OutboxJob } from '../../../common/domain/fax';
import { EMPTY_JOB_QUERY, groupByBatch, isNarrowed, rangeProblem, sortJobs, toOutboxQuery } from './jobQuery';
import { jobStatus, jobsFor, minutesSince } from './jobStatus';

const job = (id: string, over: Partial<OutboxJob> = {}): OutboxJob => ({
  id, batchId: id, accountId: 'a', to: '+12015550100', documents: [], pages: 1, state: 'sent', attempts: 1,
  createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z', demo: false, ...over,
});

describe('outbox and sent lists', () => {
  it('asks the core only when something narrows the list, with local days as instants', () => {
    expect(isNarrowed(EMPTY_JOB_QUERY)).toBe(false);
    expect(isNarrowed({ ...EMPTY_JOB_QUERY, sort: 'oldest' })).toBe(false);
    const q = toOutboxQuery({ ...EMPTY_JOB_QUERY, text: '  lease ', status: 'active', since: '2026-11-02', until: '2026-11-02' });
    expect(q.text).toBe('lease');
    expect(q.states).toEqual(['queued', 'submitting', 'submitted', 'sending']);
    expect(new Date(q.since!).getDate()).toBe(2);
    expect(Date.parse(q.until!) - Date.parse(q.since!)).toBeGreaterThanOrEqual(23 * 3_600_000); // the whole day
    expect(toOutboxQuery({ ...EMPTY_JOB_QUERY, since: 'not a day' }).since).toBeUndefined();
    expect(rangeProblem({ ...EMPTY_JOB_QUERY, since: '2026-11-03', until: '2026-11-02' })).toMatch(/before/);
  });

  it('sorts by time either way, by recipient, and by what needs attention first', () => {
    const a = job('a', { createdAt: '2026-12-01T09:00:00.000Z', to: '+12015550300', state: 'sent' });
    const b = job('b', { createdAt: '2026-12-01T11:00:00.000Z', to: '+12015550100', state: 'failed' });
    const c = job('c', { createdAt: '2026-12-01T10:00:00.000Z', to: '+12015550200', state: 'uncertain' });
    expect(sortJobs([a, b, c], 'newest').map((j) => j.id)).toEqual(['b', 'c', 'a']);
    expect(sortJobs([a, b, c], 'oldest').map((j) => j.id)).toEqual(['a', 'c', 'b']);
    expect(sortJobs([a, b, c], 'recipient').map((j) => j.id)).toEqual(['b', 'c', 'a']);
    expect(sortJobs([a, b, c], 'status').map((j) => j.id)).toEqual(['b', 'c', 'a']);
  });

  it('groups the faxes of one send where the first of them stands', () => {
    const groups = groupByBatch([job('x1', { batchId: 'x' }), job('y'), job('x2', { batchId: 'x' })]);
    expect(groups.map((g) => g.jobs.map((j) => j.id))).toEqual([['x1', 'x2'], ['y']]);
  });

  it('moves delivered faxes to Sent, and keeps archived ones out of the Outbox but in search', () => {
    const jobs = {
      done: job('done'), failed: job('failed', { state: 'failed' }),
      archived: job('archived', { state: 'failed', archivedAt: '2026-12-01T12:00:00.000Z' }),
    };
    expect(jobsFor('outbox', jobs).map((j) => j.id)).toEqual(['failed']);
    expect(jobsFor('sent', jobs).map((j) => j.id)).toEqual(['done']);
    expect(jobsFor('outbox', jobs, ['archived', 'failed', 'done']).map((j) => j.id)).toEqual(['archived', 'failed']);
    expect(jobsFor('outbox', jobs, ['archived', 'failed'], true).map((j) => j.id)).toEqual(['archived']);
  });

  it('says a stuck fax is taking longer, and a fax a person confirmed as theirs', () => {
    const now = Date.parse('2026-12-01T10:14:00.000Z');
    expect(minutesSince('2026-12-01T10:00:00.000Z', now)).toBe(14);
    expect(jobStatus(job('s', { state: 'sending', stuckSince: '2026-12-01T10:05:00.000Z' })).text).toMatch(/^Taking longer than usual — \d+ min$/);
    expect(jobStatus(job('c', { decision: 'confirmed_by_person' })).text).toBe('Arrived — confirmed by you');
  });
});
