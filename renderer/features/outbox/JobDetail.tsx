import type { OutboxJob } from '../../../common/domain/fax';
import { useFaxdesk } from '../../store/StoreProvider';
import { formatBytes } from '../../store/fileRules';
import { formatDateTime, formatFax, plural } from '../../ui/format';
import { JobActions } from './JobActions';
import { jobStatus } from './jobStatus';

export function JobDetail({ job }: { job: OutboxJob }) {
  const account = useFaxdesk((s) => s.accounts.find((a) => a.id === job.accountId));
  // The banner below says why, so the status says it only once.
  const status = jobStatus(job, false);
  return (
    <article className="job-detail" aria-labelledby="job-detail-title">
      <h2 id="job-detail-title" tabIndex={-1}>Fax to {formatFax(job.to)}</h2>
      <p className={`status status-${status.tone} status-large`} aria-live="polite">{status.text}</p>
      {(job.state === 'failed' || job.state === 'uncertain') && job.error && (
        <div className={`banner ${job.state === 'failed' ? 'banner-danger' : 'banner-warning'}`}>
          <p><strong>Why:</strong> {job.error.message}</p>
          <p><strong>What to do:</strong> {job.error.nextStep}</p>
        </div>
      )}
      <JobActions job={job} />
      <dl className="facts">
        <dt>From account</dt><dd>{account ? account.name : 'Removed account'}</dd>
        <dt>Pages</dt><dd>{job.pagesSent !== undefined ? `${job.pagesSent} of ${job.pages} sent` : job.pages}</dd>
        <dt>Attempts</dt><dd>{job.attempts}</dd>
        <dt>Provider fax ID</dt><dd>{job.providerFaxId ?? 'Not assigned yet'}</dd>
        <dt>Created</dt><dd>{formatDateTime(job.createdAt)}</dd>
        <dt>Last update</dt><dd>{formatDateTime(job.updatedAt)}</dd>
        {job.completedAt && (<><dt>Finished</dt><dd>{formatDateTime(job.completedAt)}</dd></>)}
      </dl>
      <h3>Documents</h3>
      <ul className="doc-list">
        {job.documents.map((d) => (
          <li key={d.id}>{d.name} <span className="muted">— {d.pages === null ? 'pages unknown' : plural(d.pages, 'page')}, {formatBytes(d.sizeBytes)}</span></li>
        ))}
      </ul>
    </article>
  );
}
