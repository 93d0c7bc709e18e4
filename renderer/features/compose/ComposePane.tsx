import { useFaxdesk } from '../../store/StoreProvider';
import { AccountPicker } from './AccountPicker';
import { DocumentStrip } from './DocumentStrip';
import { RecipientField } from './RecipientField';
import { SendBar } from './SendBar';

export function ComposePane() {
  const showPane = useFaxdesk((s) => s.showPane);
  return (
    <section className="pane compose" aria-labelledby="compose-title">
      <header className="pane-header">
        <h1 id="compose-title" tabIndex={-1}>New fax</h1>
        <button type="button" onClick={() => showPane('outbox')} title="Close (Escape). The draft is kept.">Close</button>
      </header>
      <div className="compose-body">
        <RecipientField />
        <AccountPicker />
        <DocumentStrip />
        <SendBar />
      </div>
    </section>
  );
}
