import { useEffect, useRef } from 'react';
import { ComposePane } from './features/compose/ComposePane';
import { ContactsPane } from './features/contacts/ContactsPane';
import { DropZone } from './features/compose/DropZone';
import { JobsPane } from './features/outbox/JobsPane';
import { SettingsPane } from './features/settings/SettingsPane';
import { Sidebar } from './features/sidebar/Sidebar';
import { useFaxdesk } from './store/StoreProvider';
import { LiveAnnouncer } from './ui/LiveAnnouncer';
import { useGlobalKeys } from './ui/useGlobalKeys';

export function App() {
  const pane = useFaxdesk((s) => s.pane);
  useGlobalKeys();
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
        {pane === 'compose' && <ComposePane />}
        {pane === 'outbox' && <JobsPane kind="outbox" />}
        {pane === 'sent' && <JobsPane kind="sent" />}
        {pane === 'settings' && <SettingsPane />}
        {pane === 'contacts' && <ContactsPane />}
      </main>
      <DropZone />
      <LiveAnnouncer />
    </div>
  );
}
