import { useFaxdesk } from '../../store/StoreProvider';
import { FaxViewer } from './FaxViewer';
import { InboxDetail } from './InboxDetail';
import { InboxEmpty, ReceiveTestFax } from './InboxEmpty';
import { InboxList } from './InboxList';
import { InboxSelectionBar } from './InboxSelectionBar';
import { InboxToolbar } from './InboxToolbar';
import { EMPTY_INBOX_FILTER, isFiltered, type InboxView } from './inboxQuery';

const countWords = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'fax' : 'faxes'}`;

function titleOf(view: InboxView, accountName: string | undefined): string {
  if (view.kind === 'all') return 'Inbox';
  if (view.kind === 'needs_review') return 'Needs review';
  return accountName ?? 'Removed account';
}

/** Inbox, Needs review, or one account's inbox: the list (with the view's count) and the selected fax. */
export function InboxPane() {
  const view = useFaxdesk((s) => s.inboxView);
  const account = useFaxdesk((s) => (view.kind === 'account' ? s.accounts.find((a) => a.id === view.accountId) : undefined));
  const total = useFaxdesk((s) => s.inboxTotal);
  const status = useFaxdesk((s) => s.inboxStatus);
  const error = useFaxdesk((s) => s.inboxError);
  const filter = useFaxdesk((s) => s.inboxFilter);
  const setFilter = useFaxdesk((s) => s.setInboxFilter);
  const selected = useFaxdesk((s) => s.selectedFax);
  const viewerId = useFaxdesk((s) => s.viewerFaxId);
  const title = titleOf(view, account?.name);
  const filtered = isFiltered(filter);
  if (viewerId && selected?.id === viewerId && selected.document.state === 'ready') return <FaxViewer key={selected.id} fax={selected} />;
  return (
    <div className="split">
      <section className="pane list-pane" aria-labelledby="list-title">
        <header className="pane-header">
          <h1 id="list-title" tabIndex={-1}>{title}</h1>
          <span className="pane-header-side">
            {account?.demo && <ReceiveTestFax account={account} compact />}
            {total !== null && <span className="muted list-count" aria-live="off">{countWords(total)}</span>}
          </span>
        </header>
        <InboxToolbar />
        <InboxSelectionBar />
        {status === 'error' && <p className="banner banner-danger" role="alert">The inbox could not be loaded: {error}</p>}
        {status === 'loading' && <p className="muted pad">Loading…</p>}
        {status === 'ready' && total === 0 && (
          <InboxEmpty view={view} filtered={filtered} onClear={() => setFilter({ ...EMPTY_INBOX_FILTER, sort: filter.sort })} />
        )}
        {total !== null && total > 0 && <InboxList label={`${title} faxes`} />}
      </section>
      <section className="pane detail-pane" aria-label="Fax details">
        {selected ? <InboxDetail fax={selected} /> : (
          <p className="muted pad">{total ? 'Select a fax to see who sent it, its pages and its document.' : ''}</p>
        )}
      </section>
    </div>
  );
}
