import { useEffect, useRef, useState } from 'react';
import { INBOX_SORTS } from '../../../common/domain/inbox';
import { useFaxdesk } from '../../store/StoreProvider';
import { modKey } from '../../ui/format';
import { EMPTY_INBOX_FILTER, inboxRangeProblem, isFiltered, SORT_LABELS, type InboxFilter, type InboxSort } from './inboxQuery';

/** Typing waits this long before the core is asked (each keystroke would be a query otherwise). */
const TYPE_WAIT_MS = 150;

/**
 * Search as you type (Ctrl+F) over numbers, names, subjects, notes, tags and file names — the
 * core's full-text index answers — and filters by account, unread, not reviewed, dates and sender.
 */
export function InboxToolbar() {
  const filter = useFaxdesk((s) => s.inboxFilter);
  const view = useFaxdesk((s) => s.inboxView);
  const setFilter = useFaxdesk((s) => s.setInboxFilter);
  const accounts = useFaxdesk((s) => s.accounts);
  const [text, setText] = useState(filter.text);
  const [sender, setSender] = useState(filter.sender);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  // A filter cleared elsewhere (a notification opening a fax, the empty list's Clear filters) clears the fields too.
  const [asked, setAsked] = useState({ text: filter.text, sender: filter.sender });
  if (asked.text !== filter.text || asked.sender !== filter.sender) {
    setAsked({ text: filter.text, sender: filter.sender });
    if (filter.text === '' && asked.text !== '') setText('');
    if (filter.sender === '' && asked.sender !== '') setSender('');
  }

  const typeInto = (field: 'text' | 'sender', value: string) => {
    (field === 'text' ? setText : setSender)(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setFilter({ [field]: value } as Partial<InboxFilter>), TYPE_WAIT_MS);
  };
  const now = (field: 'text' | 'sender', value: string) => {
    clearTimeout(timer.current);
    setFilter({ [field]: value } as Partial<InboxFilter>);
  };
  const problem = inboxRangeProblem(filter);

  return (
    <div className="jobs-toolbar" role="search" aria-label="Search and filter the inbox">
      <input
        id="inbox-search"
        type="search"
        className="search-field"
        aria-label="Search faxes"
        aria-keyshortcuts="Control+F Meta+F"
        placeholder={`Search faxes (${modKey}F)`}
        title="Number (or its last digits), name, subject, notes, tags or file name"
        value={text}
        onChange={(e) => typeInto('text', e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') now('text', text);
          else if (e.key === 'ArrowDown') { e.preventDefault(); document.querySelector<HTMLElement>('.inbox-list')?.focus(); }
          else if (e.key === 'Escape' && text) { e.preventDefault(); e.stopPropagation(); setText(''); now('text', ''); }
        }}
      />
      {view.kind !== 'account' && (
        <select aria-label="Account" value={filter.accountId} onChange={(e) => setFilter({ accountId: e.target.value })}>
          <option value="">All accounts</option>
          {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      )}
      <label className="check-filter"><input type="checkbox" checked={filter.unread} onChange={(e) => setFilter({ unread: e.target.checked })} /> Unread</label>
      {view.kind !== 'needs_review' && (
        <label className="check-filter"><input type="checkbox" checked={filter.notReviewed} onChange={(e) => setFilter({ notReviewed: e.target.checked })} /> Not reviewed</label>
      )}
      <label className="check-filter"><input type="checkbox" checked={filter.archived} onChange={(e) => setFilter({ archived: e.target.checked })} /> With archived</label>
      <input
        type="search"
        className="sender-field"
        aria-label="Sender"
        placeholder="Sender number"
        title="The sender’s number, or its last digits"
        value={sender}
        onChange={(e) => typeInto('sender', e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') now('sender', sender); }}
      />
      <label className="date-filter">From <input type="date" value={filter.since} onChange={(e) => setFilter({ since: e.target.value })} /></label>
      <label className="date-filter">To <input type="date" value={filter.until} onChange={(e) => setFilter({ until: e.target.value })} /></label>
      <select aria-label="Sort by" value={filter.sort} onChange={(e) => setFilter({ sort: e.target.value as InboxSort })}>
        {INBOX_SORTS.map((sort) => <option key={sort} value={sort}>{SORT_LABELS[sort]}</option>)}
      </select>
      {isFiltered(filter) && (
        <button type="button" onClick={() => setFilter({ ...EMPTY_INBOX_FILTER, sort: filter.sort })}>Clear filters</button>
      )}
      {problem && <p className="error-text" role="alert">{problem}</p>}
    </div>
  );
}
