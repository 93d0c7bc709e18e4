import { useState } from 'react';
import type { OutboxJob } from '../../../common/domain/fax';
import { useFaxdesk } from '../../store/StoreProvider';
import { ConfirmDialog } from '../../ui/Dialog';
import { formatFax } from '../../ui/format';
import { UNCERTAIN_EXPLANATION } from './jobStatus';

/** Retry for failed jobs; "Send again anyway" for uncertain ones, only after a confirmation. */
export function JobActions({ job }: { job: OutboxJob }) {
  const retryJob = useFaxdesk((s) => s.retryJob);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  if (job.state !== 'failed' && job.state !== 'uncertain') return null;

  const retry = async (confirmUncertain: boolean) => {
    setConfirming(false);
    setBusy(true);
    setError(null);
    const r = await retryJob(job.id, confirmUncertain);
    setBusy(false);
    if (!r.ok) setError([r.error.message, r.error.nextStep].filter(Boolean).join(' '));
  };

  return (
    <div className="job-actions">
      {job.state === 'failed' ? (
        <button type="button" disabled={busy} onClick={() => void retry(false)}>{busy ? 'Retrying…' : 'Retry'}</button>
      ) : (
        <button type="button" disabled={busy} onClick={() => setConfirming(true)}>Send again anyway…</button>
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
        <p>{UNCERTAIN_EXPLANATION}</p>
        <p>Sending again may deliver a second copy to {formatFax(job.to)}.</p>
      </ConfirmDialog>
    </div>
  );
}
