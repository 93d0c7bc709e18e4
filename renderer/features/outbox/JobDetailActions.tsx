import { useState } from 'react';
import { ScheduleActions } from './ScheduleActions';
import type { OutboxJob } from '../../../common/domain/fax';
import { removedByRetentionWords } from '../../../common/domain/retention';
import { saveBytes } from '../../print/saveBytes';
import { useFaxdesk } from '../../store/StoreProvider';
import { RetryAction, needsDecision } from './JobActions';

const TERMINAL = new Set<OutboxJob['state']>(['sent', 'failed', 'uncertain', 'cancelled']);

/**
 * Everything a person can do with one fax: send it again (safely), say it arrived, archive it,
 * resend or forward its documents, and save or print its transmission report.
 */
export function JobDetailActions({ job }: { job: OutboxJob }) {
  const resolveJobs = useFaxdesk((s) => s.resolveJobs);
  const composeFromJob = useFaxdesk((s) => s.composeFromJob);
  const report = useFaxdesk((s) => s.jobReport);
  const printDocument = useFaxdesk((s) => s.printDocument);
  const setLegalHold = useFaxdesk((s) => s.setJobLegalHold);
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);

  const run = async (what: string, task: () => Promise<string | null>) => {
    setWorking(what);
    setProblem(null);
    const failure = await task().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    setWorking(null);
    if (failure) setProblem(failure);
  };

  const withReport = (use: (name: string, bytes: Uint8Array) => Promise<void> | void) => async () => {
    const r = await report(job.id);
    if (!r.ok) return [r.error.message, r.error.nextStep].filter(Boolean).join(' ');
    await use(r.value.name, r.value.bytes);
    return null;
  };

  const done = TERMINAL.has(job.state);
  const hasReport = job.state === 'sent' || needsDecision(job);
  const removedId = `job-removed-${job.id}`;
  // What needs the documents is off, and says why, once retention removed them.
  const needsDocuments = job.removedByRetentionAt ? { disabled: true, 'aria-describedby': removedId } : {};
  return (
    <div className="detail-actions">
      <ScheduleActions job={job} />
      {job.removedByRetentionAt && (
        <p id={removedId} className="hint">{removedByRetentionWords(job.removedByRetentionAt)}: resend, forward, retry and the report are off.</p>
      )}
      {needsDecision(job) && (
        <div className="action-row" role="group" aria-label="Resolve this fax">
          <RetryAction job={job} />
          <button type="button" disabled={working !== null} onClick={() => void run('arrived', () => resolveJobs([job.id], 'arrived'))}>It arrived</button>
        </div>
      )}
      <div className="action-row" role="group" aria-label="More actions">
        {done && (
          <>
            <button type="button" {...needsDocuments} onClick={() => composeFromJob(job, 'resend')}>Resend</button>
            <button type="button" {...needsDocuments} onClick={() => composeFromJob(job, 'forward')}>Forward</button>
          </>
        )}
        {hasReport && (
          <>
            <button type="button" disabled={working !== null} {...needsDocuments} onClick={() => void run('save', withReport(saveBytes))}>
              {working === 'save' ? 'Preparing report…' : 'Save report'}
            </button>
            <button
              type="button"
              disabled={working !== null}
              {...needsDocuments}
              onClick={() => void run('print', withReport(async (_name, bytes) => {
                const problem = await printDocument(bytes);
                if (problem) throw new Error(problem);
              }))}
            >
              {working === 'print' ? 'Preparing to print…' : 'Print report'}
            </button>
          </>
        )}
        {done && !job.removedByRetentionAt && (
          <button type="button" disabled={working !== null} onClick={() => void run('hold', () => setLegalHold(job.id, !job.legalHold))}>
            {job.legalHold ? 'Release legal hold' : 'Put on legal hold'}
          </button>
        )}
        {done && !job.archivedAt && (
          <button type="button" disabled={working !== null} aria-keyshortcuts="Delete" onClick={() => void run('archive', () => resolveJobs([job.id], 'archive'))}>Archive</button>
        )}
      </div>
      {problem && <p className="error-text" role="alert">{problem}</p>}
    </div>
  );
}
