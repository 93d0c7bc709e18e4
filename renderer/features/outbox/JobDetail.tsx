import { removedByRetentionWords } from '../../../common/domain/retention';
import type { OutboxJob } from '../../../common/domain/fax';
import { useFaxdesk } from '../../store/StoreProvider';
import { formatBytes } from '../../store/fileRules';
import { formatDateTime, formatFax, plural } from '../../ui/format';
import { NotesAndTags } from '../../ui/NotesAndTags';
import { DemoMark } from './DemoMark';
import { JobDetailActions } from './JobDetailActions';
import { jobStatus } from './jobStatus';

function pagesLine(job: OutboxJob): string {
  if (job.pagesSent === undefined || job.state === 'sent') return plural(job.pages, 'page');
  return `${job.pagesSent} of ${job.pages} sent`;
}

/** Why a fax is where it is, in a sentence, when something other than the provider decided it. */
function decisionLine(job: OutboxJob): string | null {
  if (job.decision === 'confirmed_by_person') return 'You checked with the recipient and marked it as arrived.';
  if (job.decision === 'resent') return 'Sent again; the new fax is in the Outbox.';
  return null;
}

export function JobDetail({ job, onOpenPages }: { job: OutboxJob; onOpenPages(): void }) {
  const account = useFaxdesk((s) => s.accounts.find((a) => a.id === job.accountId));
  const original = useFaxdesk((s) => (job.resentFrom ? s.jobs[job.resentFrom] : undefined));
  const selectJob = useFaxdesk((s) => s.selectJob);
  const annotateJob = useFaxdesk((s) => s.annotateJob);
  const tagsInUse = useFaxdesk((s) => s.inboxTags);
  // The banner below says why, so the status says it only once.
  const status = jobStatus(job, false);
  const decision = decisionLine(job);
  const stuck = job.stuckSince && (job.state === 'submitted' || job.state === 'sending');
  return (
    <article className="job-detail" aria-labelledby="job-detail-title">
      <h2 id="job-detail-title" tabIndex={-1}>Fax to {formatFax(job.to)} {job.demo && <DemoMark />}</h2>
      <p className={`status status-${status.tone} status-large`}>{status.text}</p>
      {(job.state === 'failed' || job.state === 'uncertain') && job.error && (
        <div className={`banner ${job.state === 'failed' ? 'banner-danger' : 'banner-warning'}`}>
          <p><strong>Why:</strong> {job.error.message}</p>
          <p><strong>What to do:</strong> {job.error.nextStep}</p>
        </div>
      )}
      {stuck && (
        <div className="banner banner-warning">
          <p>This fax is taking longer than its {plural(job.pages, 'page')} should. Faxdesk keeps following it until the provider gives a final answer.</p>
          <p>{account?.settings.provider === 'welkin' ? 'Welkin' : 'Sinch'} offers no way to cancel a fax once it is on its way, so Faxdesk cannot stop it.</p>
        </div>
      )}
      {decision && <p className="muted">{decision}</p>}
      {job.archivedAt && <p className="muted">Archived {formatDateTime(job.archivedAt)} — kept in history and search.</p>}
      <JobDetailActions job={job} />
      <dl className="facts">
        <dt>From account</dt><dd>{account ? account.name : 'Removed account'}</dd>
        {job.subject && (<><dt>Subject</dt><dd>{job.subject}</dd></>)}
        {job.patientName && (<><dt>Patient</dt><dd>{job.patientName}</dd></>)}
        {job.scheduledFor && (<><dt>Set to send</dt><dd>{formatDateTime(job.scheduledFor)}</dd></>)}
        <dt>Pages</dt><dd>{pagesLine(job)}</dd>
        {job.resentFrom && job.firstPage && (
          <><dt>Sends the rest of</dt><dd>
            {original ? <button type="button" className="link" onClick={() => selectJob(original.id)}>the fax of {formatDateTime(original.createdAt)}</button> : 'an earlier fax'}, from page {job.firstPage}
          </dd></>
        )}
        <dt>Attempts</dt><dd>{job.attempts}</dd>
        <dt>Provider fax ID</dt><dd>{job.providerFaxId ?? (job.demo ? 'Demo — not transmitted' : 'Not assigned yet')}</dd>
        <dt>Created</dt><dd>{formatDateTime(job.createdAt)}</dd>
        <dt>Last update</dt><dd>{formatDateTime(job.updatedAt)}</dd>
        {job.completedAt && (<><dt>Finished</dt><dd>{formatDateTime(job.completedAt)}</dd></>)}
      </dl>
      <NotesAndTags key={job.id} notes={job.notes ?? ''} tags={job.tags ?? []} suggestions={tagsInUse.map((t) => t.tag)}
        onChange={(change) => annotateJob(job.id, change)} />
      <h3>Documents</h3>
      {job.removedByRetentionAt && <p className="muted">{removedByRetentionWords(job.removedByRetentionAt)}. The fax service was not asked to remove anything.</p>}
      {job.legalHold && <p className="muted">On legal hold: retention keeps these documents until the hold is released.</p>}
      {!job.removedByRetentionAt && job.documents.some((d) => (d.pages ?? 0) > 0) && (
        <button type="button" onClick={onOpenPages}>Open the pages</button>
      )}
      <ul className="doc-list">
        {job.documents.map((d) => (
          <li key={d.id}>{d.name} <span className="muted">— {d.pages === null ? 'pages unknown' : plural(d.pages, 'page')}, {formatBytes(d.sizeBytes)}</span></li>
        ))}
      </ul>
    </article>
  );
}
