import { useEffect, useRef } from 'react';
import { AuditPane } from './features/audit/AuditPane';
import { ComposePane } from './features/compose/ComposePane';
import { ContactsPane } from './features/contacts/ContactsPane';
import { DropZone } from './features/compose/DropZone';
import { DraftsPane } from './features/drafts/DraftsPane';
import { Toast } from './ui/Toast';
import { InboxPane } from './features/inbox/InboxPane';
import { JobsPane } from './features/outbox/JobsPane';
import { SettingsPane } from './features/settings/SettingsPane';
import { Sidebar } from './features/sidebar/Sidebar';
import { useFaxdesk } from './store/StoreProvider';
import { LiveAnnouncer } from './ui/LiveAnnouncer';
import { useGlobalKeys } from './ui/useGlobalKeys';

/** The window title carries the unread count and nothing else (no names, no numbers). */
function useUnreadTitle(): void {
  const unread = useFaxdesk((s) => s.inboxCounts?.unread ?? 0);
  useEffect(() => {
    document.title = unread > 0 ? `Faxdesk (${unread.toLocaleString()})` : 'Faxdesk';
  }, [unread]);
}

export function App() {
  const pane = useFaxdesk((s) => s.pane);
  useGlobalKeys();
  useUnreadTitle();
  // Switching panes moves focus to the new pane's heading, so keyboard and screen-reader users land there
  // (compose focuses its Fax number field itself).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (pane !== 'compose') document.querySelector<HTMLElement>('main h1')?.focus();
  }, [pane]);
  return (
    <div className="app">
      <Sidebar />
      <main className="main">
        {pane === 'inbox' && <InboxPane />}
        {pane === 'compose' && <ComposePane />}
        {pane === 'outbox' && <JobsPane kind="outbox" />}
        {pane === 'sent' && <JobsPane kind="sent" />}
        {pane === 'settings' && <SettingsPane />}
        {pane === 'contacts' && <ContactsPane />}
        {pane === 'drafts' && <DraftsPane />}
        {pane === 'audit' && <AuditPane />}
      </main>
      <DropZone />
      <LiveAnnouncer />
      <Toast />
    </div>
  );
}
