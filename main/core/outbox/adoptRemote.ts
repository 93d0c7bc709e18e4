import { describeError } from '../describeError';
import type { Logger } from '../log';
import type { RemoteFax } from '../providers/faxProvider';
import type { FaxJobRow } from '../store/faxJobsRepo';

/**
 * Takes what the provider says about a fax into our row. Returns true when anything a person
 * would see changed (so only real changes are saved and announced).
 */
export function adoptRemote(job: FaxJobRow, remote: RemoteFax, log: Logger, nowMs = Date.now()): boolean {
  const snapshot = JSON.stringify([job.state, job.providerFaxId, job.pagesSent, job.error]);
  const before = { code: job.state === 'failed' ? job.error?.code : undefined };
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
    job.error = describeError(remote, { accountId: job.accountId, pages: job.pages });
    // The provider's own words go to the log only, never to the screen.
    if (job.error.code !== before.code) log.info('fax failed at the provider', { jobId: job.id, code: job.error.code, providerReason: remote.failure?.providerReason });
  } else {
    job.state = remote.status === 'sending' ? 'sending' : 'submitted';
  }
  return JSON.stringify([job.state, job.providerFaxId, job.pagesSent, job.error]) !== snapshot;
}

export const isInFlight = (job: FaxJobRow) => job.state === 'submitted' || job.state === 'sending';
