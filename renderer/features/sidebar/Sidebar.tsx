import { useMemo, type ReactNode } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';
import type { Pane } from '../../store/uiSlice';
import { modKey } from '../../ui/format';
import { sameView, type InboxView } from '../inbox/inboxQuery';
import { IN_PROGRESS } from '../outbox/jobStatus';
import { SidebarAccounts } from './SidebarAccounts';

/** Inbox and Needs review: the count says how many wait (unread; not reviewed). */
function InboxNavItem({ view, label, count, what }: { view: InboxView; label: string; count: number; what: string }) {
  const current = useFaxdesk((s) => s.pane === 'inbox' && sameView(s.inboxView, view));
  const showInbox = useFaxdesk((s) => s.showInbox);
  return (
    <li>
      <button type="button" className="nav-item" aria-current={current ? 'page' : undefined} onClick={() => showInbox(view)}>
        <span className="nav-label">{label}</span>
        {count > 0 && <span className="count count-strong">{count.toLocaleString()}<span className="sr-only"> {what}</span></span>}
      </button>
    </li>
  );
}

function NavItem({ pane, label, children }: { pane: Pane; label: string; children?: ReactNode }) {
  const current = useFaxdesk((s) => s.pane === pane);
  const showPane = useFaxdesk((s) => s.showPane);
  return (
    <li>
      <button type="button" className="nav-item" aria-current={current ? 'page' : undefined} onClick={() => showPane(pane)}>
        <span className="nav-label">{label}</span>
        {children}
      </button>
    </li>
  );
}

function OutboxCounts() {
  const jobs = useFaxdesk((s) => s.jobs);
  const { active, failed, uncertain } = useMemo(() => {
    let active = 0, failed = 0, uncertain = 0;
    for (const j of Object.values(jobs)) {
      if (j.archivedAt) continue; // archived: out of the Outbox, no longer asking for attention
      if (IN_PROGRESS.has(j.state)) active += 1;
      else if (j.state === 'failed') failed += 1;
      else if (j.state === 'uncertain') uncertain += 1;
    }
    return { active, failed, uncertain };
  }, [jobs]);
  return (
    <span className="nav-counts">
      {active > 0 && <span className="count">{active}<span className="sr-only"> in progress</span></span>}
      {failed > 0 && <span className="badge badge-danger">{failed} failed</span>}
      {uncertain > 0 && <span className="badge badge-warning">{uncertain} uncertain</span>}
    </span>
  );
}

export function Sidebar() {
  const openCompose = useFaxdesk((s) => s.openCompose);
  const composing = useFaxdesk((s) => s.pane === 'compose');
  const unread = useFaxdesk((s) => s.inboxCounts?.unread ?? 0);
  const needsReview = useFaxdesk((s) => s.inboxCounts?.needsReview ?? 0);
  return (
    <nav className="sidebar" aria-label="Main">
      <button
        type="button"
        className="primary new-fax"
        onClick={openCompose}
        aria-current={composing ? 'page' : undefined}
        aria-keyshortcuts="Control+N Meta+N"
        title={`New fax (${modKey}N)`}
      >
        <span aria-hidden="true">+</span> New fax
      </button>
      <ul className="nav-list">
        <InboxNavItem view={{ kind: 'all' }} label="Inbox" count={unread} what="unread" />
        <InboxNavItem view={{ kind: 'needs_review' }} label="Needs review" count={needsReview} what="not reviewed" />
        <NavItem pane="drafts" label="Drafts" />
        <NavItem pane="outbox" label="Outbox"><OutboxCounts /></NavItem>
        <NavItem pane="sent" label="Sent" />
        <NavItem pane="contacts" label="Contacts" />
      </ul>
      <SidebarAccounts />
      <ul className="nav-list nav-bottom">
        <NavItem pane="audit" label="Audit log" />
        <NavItem pane="settings" label="Settings" />
      </ul>
    </nav>
  );
}
