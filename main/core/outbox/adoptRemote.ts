import type { RemoteFax } from '../providers/faxProvider';
import type { FaxJobRow } from '../store/faxJobsRepo';

/**
 * Takes what the provider says about a fax into our row. Returns true when anything a person
 * would see changed (so only real changes are saved and announced).
 */
export function adoptRemote(job: FaxJobRow, remote: RemoteFax, nowMs = Date.now()): boolean {
  const before = JSON.stringify([job.state, job.providerFaxId, job.pagesSent, job.error]);
  // A provider clock running ahead of ours must not put a finish time in our future.
  const remoteMs = remote.completedAt ? Date.parse(remote.completedAt) : NaN;
  const finishedAt = new Date(Number.isNaN(remoteMs) ? nowMs : Math.min(remoteMs, nowMs)).toISOString();
  job.providerFaxId = remote.id;
  if (remote.pagesSent !== undefined) job.pagesSent = remote.pagesSent;
  job.error = undefined;
  if (remote.status === 'sent') {
    job.state = 'sent';
    job.completedAt = finishedAt;
  } else if (remote.status === 'failed') {
    job.state = 'failed';
    job.completedAt = finishedAt;
    job.error = {
      code: remote.errorCode ?? 'fax_failed',
      message: remote.errorMessage ?? 'The fax could not be delivered.',
      nextStep: 'Retry now, or check the number with the recipient.',
      retryable: true,
    };
  } else {
    job.state = remote.status === 'sending' ? 'sending' : 'submitted';
  }
  return JSON.stringify([job.state, job.providerFaxId, job.pagesSent, job.error]) !== before;
}

export const isInFlight = (job: FaxJobRow) => job.state === 'submitted' || job.state === 'sending';
