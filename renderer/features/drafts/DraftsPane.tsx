import { useEffect, useState } from 'react';
import type { DraftSummary } from '../../../common/domain/draft';
import { useFaxdesk } from '../../store/StoreProvider';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime } from '../../ui/format';

/** One line of what a draft holds: who, what about, which files. */
function DraftLine({ draft, onDiscard }: { draft: DraftSummary; onDiscard(d: DraftSummary): void }) {
  const open = useFaxdesk((s) => s.openDraft);
  const account = useFaxdesk((s) => s.accounts.find((a) => a.id === draft.accountId));
  const [opening, setOpening] = useState(false);
  const to = draft.to.length > 0 ? draft.to.join(', ') : 'No recipient yet';
  const files = draft.documentNames.length > 0 ? draft.documentNames.join(', ') : 'No documents yet';
  return (
    <li className="draft-row">
      <div className="draft-main">
        <span className="draft-to">{to}</span>
        <span className="draft-subject">{draft.subject || <span className="muted">No subject</span>}</span>
        <span className="muted draft-meta">
          {files}
          {draft.patientName ? ` · Patient: ${draft.patientName}` : ''}
          {account ? ` · ${account.name}` : ''}
          {draft.origin === 'welkin' ? ' · Made on Welkin' : draft.onServer ? ' · Also on Welkin' : ''}
          {` · ${formatDateTime(draft.updatedAt)}`}
        </span>
      </div>
      <div className="draft-actions">
        <button type="button" disabled={opening} aria-label={`Open the draft to ${to}`}
          onClick={() => { setOpening(true); void open(draft.id).finally(() => setOpening(false)); }}>
          {opening ? 'Opening…' : 'Open'}
        </button>
        <button type="button" aria-label={`Discard the draft to ${to}`} onClick={() => onDiscard(draft)}>Discard…</button>
      </div>
    </li>
  );
}

/** Drafts: compose's autosaved faxes, and the drafts a Welkin account keeps on its server. */
export function DraftsPane() {
  const drafts = useFaxdesk((s) => s.drafts);
  const status = useFaxdesk((s) => s.draftsStatus);
  const error = useFaxdesk((s) => s.draftsError);
  const problems = useFaxdesk((s) => s.draftProblems);
  const accounts = useFaxdesk((s) => s.accounts);
  const load = useFaxdesk((s) => s.loadDrafts);
  const discard = useFaxdesk((s) => s.discardDraft);
  const openCompose = useFaxdesk((s) => s.openCompose);
  const [asking, setAsking] = useState<DraftSummary | null>(null);
  useEffect(() => { void load(); }, [load]);
  return (
    <section className="pane drafts-pane" aria-labelledby="drafts-title">
      <header className="pane-header">
        <h1 id="drafts-title" tabIndex={-1}>Drafts</h1>
        <button type="button" onClick={() => void load()}>Refresh</button>
      </header>
      {error && <p className="banner banner-danger" role="alert">{error}</p>}
      {problems.map((p) => (
        <p key={p.accountId} className="banner banner-warning" role="alert">
          The drafts kept at {accounts.find((a) => a.id === p.accountId)?.name ?? 'an account'} could not be read: {p.message}
        </p>
      ))}
      {status === 'loading' && <p className="muted pad">Loading…</p>}
      {status === 'ready' && drafts.length === 0 && (
        <div className="empty">
          <p className="empty-lead">No drafts. A fax you start is kept here until it is sent or discarded.</p>
          <button type="button" className="primary" onClick={openCompose}>New fax</button>
        </div>
      )}
      {drafts.length > 0 && (
        <ul className="draft-list" aria-label="Drafts">
          {drafts.map((d) => <DraftLine key={d.id} draft={d} onDiscard={setAsking} />)}
        </ul>
      )}
      <Dialog title="Discard this draft?" open={asking !== null} onClose={() => setAsking(null)} alert>
        <p>
          The draft to {asking?.to.join(', ') || 'no recipient'} is removed{asking?.onServer ? ', on the fax service too' : ''}. This cannot be undone.
        </p>
        <div className="dialog-actions">
          <button type="button" data-autofocus onClick={() => setAsking(null)}>Keep it</button>
          <button type="button" className="danger" onClick={() => { const d = asking; setAsking(null); if (d) void discard(d.id); }}>Discard</button>
        </div>
      </Dialog>
    </section>
  );
}
