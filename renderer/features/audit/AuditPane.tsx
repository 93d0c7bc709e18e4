import { useEffect, useId, useState } from 'react';
import { AUDIT_ACTIONS, type AuditAction } from '../../../common/domain/audit';
import { saveBytes } from '../../print/saveBytes';
import { useFaxdesk } from '../../store/StoreProvider';
import { AUDIT_PAGE, type AuditFilter } from '../../store/auditSlice';
import { formatDateTime } from '../../ui/format';
import { AuditProfileField } from './AuditProfileField';
import { AuditVerify } from './AuditVerify';
import { ACTION_WORDS, actionWords, localDay, targetWords, whoWords } from './auditWords';

/**
 * The audit log (issue 13): who did what and when on this computer, the chain check, CSV export
 * for a date range, and the desk's initials. Issue 13 puts this screen behind the lock screen,
 * which does not exist yet (item 3): until it does, anyone at the window can open it.
 */
export function AuditPane() {
  const filter = useFaxdesk((s) => s.auditFilter);
  const load = useFaxdesk((s) => s.loadAudit);
  const loadProfile = useFaxdesk((s) => s.loadAuditProfile);
  useEffect(() => {
    // The last 30 days unless the person chose other days this session.
    const days = filter.fromDay || filter.toDay ? filter
      : { ...filter, fromDay: localDay(new Date(Date.now() - 29 * 86_400_000)), toDay: localDay(new Date()) };
    void load(days, 0);
    void loadProfile();
    // Once, when the screen opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section className="pane audit" aria-labelledby="audit-title">
      <header className="pane-header">
        <h1 id="audit-title" tabIndex={-1}>Audit log</h1>
      </header>
      <div className="settings-body audit-body">
        <AuditProfileField />
        <AuditVerify />
        <AuditFilterForm />
        <AuditEntries />
      </div>
    </section>
  );
}

/** Days and action for the list; the same days are what Export CSV writes. */
function AuditFilterForm() {
  const filter = useFaxdesk((s) => s.auditFilter);
  const load = useFaxdesk((s) => s.loadAudit);
  const exportAudit = useFaxdesk((s) => s.exportAudit);
  // The fields the person changed and has not applied yet.
  const [edits, setEdits] = useState<Partial<AuditFilter>>({});
  const draft: AuditFilter = { ...filter, ...edits };
  const setDraft = (next: AuditFilter) => setEdits(next);
  const apply = async () => { setEdits({}); await load(draft, 0); };
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const id = useId();

  const runExport = async () => {
    setExportProblem(null);
    await apply();
    const r = await exportAudit();
    if (typeof r === 'string') setExportProblem(r);
    else saveBytes(r.name, r.bytes, 'text/csv');
  };
  return (
    <form className="audit-filter" aria-label="Which entries" onSubmit={(e) => { e.preventDefault(); void apply(); }}>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={draft.fromDay} onChange={(e) => setDraft({ ...draft, fromDay: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To (inclusive)</label>
        <input id={`${id}-to`} type="date" value={draft.toDay} onChange={(e) => setDraft({ ...draft, toDay: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>Action</label>
        <select id={`${id}-action`} value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value as AuditAction | '' })}>
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((action) => <option key={action} value={action}>{ACTION_WORDS[action]}</option>)}
        </select>
      </div>
      <div className="audit-filter-actions">
        <button type="submit">Show</button>
        <button type="button" onClick={() => void runExport()}>Export CSV</button>
      </div>
      {exportProblem && <p className="error-text" role="alert">{exportProblem}</p>}
    </form>
  );
}

function AuditEntries() {
  const page = useFaxdesk((s) => s.auditPage);
  const offset = useFaxdesk((s) => s.auditOffset);
  const problem = useFaxdesk((s) => s.auditProblem);
  const filter = useFaxdesk((s) => s.auditFilter);
  const load = useFaxdesk((s) => s.loadAudit);
  if (problem) return <p className="error-text" role="alert">{problem}</p>;
  if (!page) return <p className="hint">Loading…</p>;
  if (page.total === 0) return <p className="hint">No entries for these days.</p>;
  const last = Math.min(offset + page.entries.length, page.total);
  return (
    <div className="audit-entries">
      <table className="preview-table" aria-label="Audit entries, newest first">
        <thead>
          <tr><th scope="col">#</th><th scope="col">Time</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th></tr>
        </thead>
        <tbody>
          {page.entries.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.id}</td>
              <td><time dateTime={entry.at}>{formatDateTime(entry.at)}</time></td>
              <td>{whoWords(entry)}</td>
              <td title={entry.detail || undefined}>{actionWords(entry)}</td>
              <td title={entry.targetId}>{targetWords(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="audit-paging" aria-label="Pages of entries">
        <button type="button" disabled={offset === 0} onClick={() => void load(filter, Math.max(0, offset - AUDIT_PAGE))}>Newer</button>
        <span role="status">Entries {offset + 1}–{last} of {page.total.toLocaleString()}</span>
        <button type="button" disabled={last >= page.total} onClick={() => void load(filter, offset + AUDIT_PAGE)}>Older</button>
      </nav>
    </div>
  );
}
