import { statusAfter } from '../accounts/connectionCheck';
import type { Accounts } from '../accounts/accounts';
import type { ConnectionStatus } from '../accounts/connectionStatus';
import type { JobContext, JobResult } from '../jobs/jobRunner';
import { describeError } from '../describeError';
import type { Logger } from '../log';
import type { RemoteFax } from '../providers/faxProvider';
import { ProviderError } from '../providers/providerError';
import type { FaxJobRow } from '../store/faxJobsRepo';
import { adoptRemote, isInFlight } from './adoptRemote';
import { isPastExpected } from './faxDuration';
import type { FaxRecords } from './faxRecords';
import type { FaxJobPayload } from './submitFax';

export interface FollowDeps {
  records: FaxRecords;
  accounts: Accounts;
  status: ConnectionStatus;
  log: Logger;
  /** Base interval between status polls of a fax on its way. */
  intervalMs: number;
  /** Keeps what the provider charged, for compose's cost estimate. */
  prices?: { record(job: FaxJobRow, remote: RemoteFax): void };
}

/**
 * How soon to ask again: often while a fax is young (people watch it go out), less often as it
 * ages, so a fax stuck for hours costs little. Errors back off through the job runner instead.
 */
export function followDelay(job: FaxJobRow, intervalMs: number, nowMs = Date.now()): number {
  const age = nowMs - Date.parse(job.submittedAt ?? job.createdAt);
  const factor = age < 60_000 ? 1 : age < 10 * 60_000 ? 3 : 15;
  return Math.min(intervalMs * factor, 5 * 60_000);
}

/** The `fax.follow` job: polls the provider until the fax is sent or failed. */
export function followFaxHandler(deps: FollowDeps) {
  return async (context: JobContext<FaxJobPayload>): Promise<JobResult> => {
    const job = deps.records.get(context.payload.faxId);
    if (!job || !isInFlight(job) || !job.providerFaxId) return;
    try {
      const provider = await deps.accounts.providerFor(job.accountId);
      const remote = await provider.getFax(job.providerFaxId);
      const changed = adoptRemote(job, remote, deps.log);
      // Well past what its pages need: say so once (the Outbox shows it, a notification tells).
      const stuck = isInFlight(job) && !job.stuckSince && isPastExpected(job, deps.records.durationScale);
      if (stuck) job.stuckSince = new Date().toISOString();
      if (changed || stuck) deps.records.save(job);
      if (changed && !isInFlight(job)) deps.prices?.record(job, remote);
      deps.status.set(job.accountId, 'connected');
    } catch (error) {
      deps.log.warn('status poll failed', { jobId: job.id, code: error instanceof ProviderError ? error.code : 'internal' });
      deps.status.set(job.accountId, statusAfter(error), describeError(error).message);
      throw error; // the runner backs off (honouring Retry-After) and keeps following
    }
    return isInFlight(job) ? { runAgainAt: Date.now() + followDelay(job, deps.intervalMs) } : undefined;
  };
}
