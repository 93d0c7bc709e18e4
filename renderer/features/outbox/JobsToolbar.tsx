import { useEffect, useRef, useState } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';
import { modKey } from '../../ui/format';
import { EMPTY_JOB_QUERY, isNarrowed, rangeProblem, type JobSort, type JobStatusFilter } from './jobQuery';
import type { JobsView } from './jobStatus';

const STATUS_OPTIONS: Record<JobsView, Array<[JobStatusFilter, string]>> = {
  outbox: [['', 'Any status'], ['active', 'On its way'], ['failed', 'Failed'], ['uncertain', 'Uncertain'], ['sent', 'Completed'], ['archived', 'Archived']],
  sent: [['', 'Any status'], ['archived', 'Archived']],
};

/**
 * Search (Ctrl+F) over number, subject and file names, and filters by account, status and date;
 * the core answers, so archived faxes are found too. Typing waits a moment before asking.
 */
export function JobsToolbar({ view }: { view: JobsView }) {
  const query = useFaxdesk((s) => s.jobQuery);
  const setJobQuery = useFaxdesk((s) => s.setJobQuery);
  const accounts = useFaxdesk((s) => s.accounts);
  const [text, setText] = useState(query.text);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const type = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setJobQuery({ text: value }), 200);
  };
  const problem = rangeProblem(query);

  return (
    <div className="jobs-toolbar" role="search" aria-label={`Search and filter ${view === 'sent' ? 'sent faxes' : 'the Outbox'}`}>
      <input
        id="jobs-search"
        type="search"
        className="search-field"
        aria-label="Search faxes"
        aria-keyshortcuts="Control+F Meta+F"
        placeholder={`Search faxes (${modKey}F)`}
        title="Number, name, subject or file name"
        value={text}
        onChange={(e) => type(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') { clearTimeout(timer.current); setJobQuery({ text }); }
          if (e.key === 'Escape' && text) { e.preventDefault(); e.stopPropagation(); type(''); }
        }}
      />
      <select aria-label="Account" value={query.accountId} onChange={(e) => setJobQuery({ accountId: e.target.value })}>
        <option value="">All accounts</option>
        {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
      </select>
      <select aria-label="Status" value={query.status} onChange={(e) => setJobQuery({ status: e.target.value as JobStatusFilter })}>
        {STATUS_OPTIONS[view].map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
      <label className="date-filter">From <input type="date" value={query.since} onChange={(e) => setJobQuery({ since: e.target.value })} /></label>
      <label className="date-filter">To <input type="date" value={query.until} onChange={(e) => setJobQuery({ until: e.target.value })} /></label>
      <select aria-label="Sort by" value={query.sort} onChange={(e) => setJobQuery({ sort: e.target.value as JobSort })}>
        <option value="newest">Newest first</option>
        <option value="oldest">Oldest first</option>
        <option value="recipient">Recipient</option>
        <option value="status">Status (needs attention first)</option>
      </select>
      {isNarrowed(query) && (
        <button type="button" onClick={() => { setText(''); setJobQuery({ ...EMPTY_JOB_QUERY, sort: query.sort }); }}>Clear filters</button>
      )}
      {problem && <p className="error-text" role="alert">{problem}</p>}
    </div>
  );
}
