import { lazy, Suspense } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';
import { AccountPicker } from './AccountPicker';
import { CoverEditor } from './CoverEditor';
import { DocumentStrip } from './DocumentStrip';
import { HeaderLineField } from './HeaderLineField';
import { RecipientField } from './RecipientField';
import { SendBar } from './SendBar';
import { SendOptions } from './SendOptions';

// pdf.js is large: it loads with the first compose, not with the app.
const PreviewPane = lazy(() => import('../../pdf/PreviewPane').then((m) => ({ default: m.PreviewPane })));

export function ComposePane() {
  const closeCompose = useFaxdesk((s) => s.closeCompose);
  return (
    <section className="pane compose" aria-labelledby="compose-title">
      <header className="pane-header">
        <h1 id="compose-title" tabIndex={-1}>New fax</h1>
        <button type="button" onClick={closeCompose} title="Close (Escape). The draft is kept.">Close</button>
      </header>
      <div className="compose-layout">
        <div className="compose-body">
          <RecipientField />
          <AccountPicker />
          <HeaderLineField />
          <DocumentStrip />
          <CoverEditor />
          <SendOptions />
          <SendBar />
        </div>
        <Suspense fallback={<section className="preview" aria-label="Preview" aria-busy="true" />}>
          <PreviewPane />
        </Suspense>
      </div>
    </section>
  );
}
