import { useState } from 'react';
import type { OutboxJob } from '../../../common/domain/fax';
import type { ErrorAction } from '../../../common/errors';
import { useFaxdesk } from '../../store/StoreProvider';
import { ErrorActionButton } from '../../ui/ErrorActionButton';
import { RetryDialog, type RetryChoice } from './RetryDialog';

export const needsDecision = (job: OutboxJob) => job.state === 'failed' || job.state === 'uncertain';
/** Pages may have reached the recipient: sending again asks first. */
export const mayHaveArrived = (job: OutboxJob) => job.state === 'uncertain' || (job.state === 'failed' && (job.pagesSent ?? 0) > 0);
/** How a row's button names its fax for screen readers: "…0142" (the last four digits, as notifications do). */
export const faxName = (job: OutboxJob) => `…${job.to.slice(-4)}`;

/**
 * The one way forward a failed or uncertain fax offers, as its error names it: Retry (asking first
 * where pages may have arrived), or settings, other files, a new fax. `inList`: the button names
 * its fax for screen readers ("Retry fax to …0142"); `compact`: a short label where a row has little room.
 */
export function RetryAction({ job, inList = false, compact = false }: { job: OutboxJob; inList?: boolean; compact?: boolean }) {
  const retryJob = useFaxdesk((s) => s.retryJob);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  if (!needsDecision(job)) return null;
  const asks = mayHaveArrived(job);
  const action: ErrorAction = asks ? { kind: 'retry' } : job.error?.action ?? { kind: 'retry' };
  const fax = inList ? faxName(job) : undefined;

  const retry = async (choice: RetryChoice & { confirm: boolean }) => {
    setAsking(false);
    setBusy(true);
    setError(null);
    const r = await retryJob(job.id, choice);
    setBusy(false);
    if (!r.ok) setError([r.error.message, r.error.nextStep].join(' '));
  };

  return (
    <>
      {action.kind === 'retry' ? (
        <button
          type="button"
          className="error-action"
          disabled={busy || job.removedByRetentionAt !== undefined}
          aria-describedby={job.removedByRetentionAt ? `job-removed-${job.id}` : undefined}
          aria-label={fax ? `Retry fax to ${fax}` : undefined}
          onClick={() => (asks ? setAsking(true) : void retry({ confirm: false, onlyMissingPages: false }))}
        >
          {busy ? 'Retrying…' : asks ? 'Retry…' : 'Retry'}
        </button>
      ) : (
        <ErrorActionButton action={action} fax={fax} busy={busy} compact={compact} />
      )}
      {error && <p className="error-text" role="alert">Could not retry: {error}</p>}
      {asks && (
        <RetryDialog job={job} open={asking} onCancel={() => setAsking(false)} onSend={(choice) => void retry({ confirm: true, ...choice })} />
      )}
    </>
  );
}
