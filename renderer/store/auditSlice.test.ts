import { describe, expect, it } from 'vitest';
import { dayRange } from './auditSlice';
import { createFaxdeskStore } from './createFaxdeskStore';
import { fakeApi } from './fakeApi';

describe('audit slice', () => {
  it('a day range runs from the first day\'s local midnight to the midnight after the last day', () => {
    const { from, to } = dayRange('2026-03-01', '2026-03-02');
    expect(new Date(from!).getTime()).toBe(new Date(2026, 2, 1).getTime());
    expect(new Date(to!).getTime()).toBe(new Date(2026, 2, 3).getTime());
    expect(dayRange('', '')).toEqual({});
  });

  it('lists with the filter\'s days and action; the newest answer wins; a refusal is said', async () => {
    const { api, callsTo } = fakeApi({
      'audit.list': (q) => (q.actions && (q.actions as string[])[0] === 'printed'
        ? { ok: false, error: { code: 'invalid_input', message: 'The range ends before it starts.', nextStep: '', retryable: false, action: { kind: 'none' } } }
        : { ok: true, value: { total: 0, entries: [] } }),
    });
    const store = createFaxdeskStore(api);
    await store.getState().loadAudit({ fromDay: '2026-03-01', toDay: '2026-03-01', action: 'saved' }, 50);
    expect(callsTo('audit.list')[0]).toEqual({ ...dayRange('2026-03-01', '2026-03-01'), actions: ['saved'], limit: 50, offset: 50 });
    expect(store.getState().auditPage).toEqual({ total: 0, entries: [] });
    await store.getState().loadAudit({ fromDay: '', toDay: '', action: 'printed' });
    expect(store.getState().auditProblem).toMatch(/ends before it starts/);
  });

  it('export needs both days; it asks for them before calling the core', async () => {
    const { api, callsTo } = fakeApi({ 'audit.list': () => ({ ok: true, value: { total: 0, entries: [] } }) });
    const store = createFaxdeskStore(api);
    await store.getState().loadAudit({ fromDay: '2026-03-01', toDay: '', action: '' });
    expect(await store.getState().exportAudit()).toBe('Choose the first and last day to export.');
    expect(callsTo('audit.export')).toEqual([]);
  });
});
