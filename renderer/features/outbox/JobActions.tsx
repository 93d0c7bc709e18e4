import { useState } from 'react';
import type { OutboxJob } from '../../../common/domain/fax';
import type { ErrorAction } from '../../../common/errors';
import { useFaxdesk } from '../../store/StoreProvider';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorActionButton } from '../../ui/ErrorActionButton';
import { formatFax } from '../../ui/format';

/**
 * The way out of a failed or uncertain fax, as its error names it: Retry, "Send again anyway…" only
 * after a confirmation when pages may have arrived, or settings, other files, a new fax.
 */
export function JobActions({ job, inList = false }: { job: OutboxJob; inList?: boolean }) {
  const retryJob = useFaxdesk((s) => s.retryJob);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  if (job.state !== 'failed' && job.state !== 'uncertain') return null;
  const action: ErrorAction = job.error?.action ?? (job.state === 'uncertain' ? { kind: 'check_with_recipient' } : { kind: 'retry' });
  const fax = inList ? formatFax(job.to) : undefined;

  const retry = async (confirm: boolean) => {
    setConfirming(false);
    setBusy(true);
    setError(null);
    const r = await retryJob(job.id, { confirm });
    setBusy(false);
    if (!r.ok) setError([r.error.message, r.error.nextStep].join(' '));
  };

  return (
    <div className="job-actions">
      {action.kind === 'check_with_recipient' ? (
        <button type="button" disabled={busy} aria-label={fax ? `Send again anyway… (fax to ${fax})` : undefined} onClick={() => setConfirming(true)}>
          Send again anyway…
        </button>
      ) : (
        <ErrorActionButton action={action} fax={fax} busy={busy} onRetry={() => void retry(false)} />
      )}
      {error && <p className="error-text" role="alert">Could not retry: {error}</p>}
      <ConfirmDialog
        title="Send this fax again?"
        open={confirming}
        confirmLabel="Send again anyway"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => void retry(true)}
      >
        {job.error && <p>{job.error.message} {job.error.nextStep}</p>}
        <p>Sending again may deliver a second copy to {formatFax(job.to)}.</p>
      </ConfirmDialog>
    </div>
  );
}
