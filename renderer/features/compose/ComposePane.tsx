import { lazy, Suspense, useState } from 'react';
import { Dialog } from '../../ui/Dialog';
import { composeHasContent } from '../../store/draftsSlice';
import { PatientPicker, SubjectField } from './PatientPicker';
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

/** "Saved as a draft" once the core has it; the person sees their work is safe. */
function DraftState() {
  const save = useFaxdesk((s) => s.draftSave);
  const text = save === 'saving' || save === 'pending' ? 'Saving…' : save === 'saved' ? 'Saved as a draft' : save === 'failed' ? 'Not saved — the draft could not be stored' : '';
  return <span className={`draft-state${save === 'failed' ? ' field-error' : ' muted'}`} role="status">{text}</span>;
}

/** Discard asks first: a draft may hold a letter someone spent a while on. */
function DiscardButton() {
  const hasContent = useFaxdesk(composeHasContent);
  const discard = useFaxdesk((s) => s.discardDraft);
  const [asking, setAsking] = useState(false);
  if (!hasContent) return null;
  return (
    <>
      <button type="button" onClick={() => setAsking(true)}>Discard…</button>
      <Dialog title="Discard this draft?" open={asking} onClose={() => setAsking(false)} alert>
        <p>The recipients, documents and cover page of this fax are removed from Faxdesk{' '}(and from the fax service, where it keeps drafts). This cannot be undone.</p>
        <div className="dialog-actions">
          <button type="button" data-autofocus onClick={() => setAsking(false)}>Keep the draft</button>
          <button type="button" className="danger" onClick={() => { setAsking(false); void discard(); }}>Discard</button>
        </div>
      </Dialog>
    </>
  );
}

export function ComposePane() {
  const closeCompose = useFaxdesk((s) => s.closeCompose);
  return (
    <section className="pane compose" aria-labelledby="compose-title">
      <header className="pane-header">
        <h1 id="compose-title" tabIndex={-1}>New fax</h1>
        <DraftState />
        <DiscardButton />
        <button type="button" onClick={closeCompose} title="Close (Escape). The draft is kept.">Close</button>
      </header>
      <div className="compose-layout">
        <div className="compose-body">
          <RecipientField />
          <AccountPicker />
          <PatientPicker />
          <SubjectField />
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
