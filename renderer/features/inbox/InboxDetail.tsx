import { useState } from 'react';
import type { InboxFax } from '../../../common/domain/inbox';
import { removedByRetentionWords } from '../../../common/domain/retention';
import { useFaxdesk } from '../../store/StoreProvider';
import { formatBytes } from '../../store/fileRules';
import { formatDateTime, formatFax, plural } from '../../ui/format';
import { FaxActions } from './FaxActions';
import { FaxNotes } from './FaxNotes';
import { faxStatus } from './faxStatus';
import { senderOf } from './InboxRow';

function DocumentFacts({ fax }: { fax: InboxFax }) {
  const retry = useFaxdesk((s) => s.retryFaxDocument);
  const openViewer = useFaxdesk((s) => s.openViewer);
  const [problem, setProblem] = useState<string | null>(null);
  const doc = fax.document;
  if (doc.state === 'pending') return <p className="muted">Downloading the document…</p>;
  if (fax.removedByRetentionAt) return <p className="muted">{removedByRetentionWords(fax.removedByRetentionAt)}. The fax service was not asked to remove it.</p>;
  if (doc.state === 'none') return <p className="muted">Faxdesk does not keep the document of this fax.</p>;
  if (doc.state === 'unavailable') {
    return (
      <div className="banner banner-danger">
        <p>{doc.message ?? 'Document unavailable.'}</p>
        <div className="action-row">
          <button type="button" onClick={() => void retry(fax.id).then(setProblem)}>Retry download</button>
        </div>
        {problem && <p className="error-text" role="alert">{problem}</p>}
      </div>
    );
  }
  return (
    <p className="action-row">
      <button type="button" className="primary" aria-keyshortcuts="Enter" onClick={() => openViewer(fax.id)}>Open the pages</button>
      <span className="muted">
        {doc.pages !== undefined ? plural(doc.pages, 'page') : 'pages unknown'}{doc.sizeBytes !== undefined ? `, ${formatBytes(doc.sizeBytes)}` : ''}
      </span>
    </p>
  );
}

/** The selected fax: who sent it, when, to which account; read and reviewed; its document. */
export function InboxDetail({ fax }: { fax: InboxFax }) {
  const account = useFaxdesk((s) => s.accounts.find((a) => a.id === fax.accountId));
  const markRead = useFaxdesk((s) => s.markFaxRead);
  const [problem, setProblem] = useState<string | null>(null);
  const status = faxStatus(fax);
  return (
    <article className="job-detail inbox-detail" aria-labelledby="inbox-detail-title">
      <h2 id="inbox-detail-title" tabIndex={-1}>
        Fax from {senderOf(fax)} {fax.demo && <span className="badge badge-demo">Demo — test fax</span>}
      </h2>
      {/* An unavailable document is explained, with its retry, just below. */}
      <p className={`status status-${status.tone} status-large`}>{fax.document.state === 'unavailable' ? 'Document unavailable' : status.text}</p>
      <DocumentFacts fax={fax} />
      <FaxActions fax={fax} />
      <p>
        <button type="button" className="link-button" onClick={() => void markRead(fax.id, !fax.read).then(setProblem)}>{fax.read ? 'Mark unread' : 'Mark read'}</button>
      </p>
      {problem && <p className="error-text" role="alert">{problem}</p>}
      <dl className="facts">
        <dt>Received</dt><dd>{formatDateTime(fax.createdAt)}</dd>
        <dt>From</dt><dd>{fax.from ? formatFax(fax.from) : 'The sender’s number was withheld'}</dd>
        {fax.contactName && (<><dt>Contact</dt><dd>{fax.contactName}</dd></>)}
        <dt>To</dt><dd>{fax.to ? formatFax(fax.to) : '—'}</dd>
        <dt>Account</dt><dd>{account ? account.name : 'Removed account'}</dd>
        <dt>Pages</dt><dd>{fax.pages === undefined ? 'Not known yet' : fax.pages}</dd>
        {fax.subject && (<><dt>Subject</dt><dd>{fax.subject}</dd></>)}
        {fax.filedTo && (<><dt>Filed to</dt><dd>{fax.filedTo}</dd></>)}
        {fax.parts.length > 0 && (<><dt>Split off</dt><dd><ul className="plain-list">{fax.parts.map((p) => <li key={p.documentId}>{p.name}</li>)}</ul></dd></>)}
        <dt>Provider fax ID</dt><dd>{fax.providerId}</dd>
      </dl>
      <FaxNotes key={fax.id} fax={fax} />
    </article>
  );
}
