import type { Accounts } from '../accounts/accounts';
import type { JobContext, JobResult, JobRunner } from '../jobs/jobRunner';
import type { Logger } from '../log';
import { ProviderError } from '../providers/providerError';
import type { InboxRepo } from '../store/inboxRepo';

export const WRITE_REVIEWED = 'inbox.writeReviewed';

export interface ReviewedPayload {
  faxId: string;
}

export interface WriteBackDeps {
  repo: InboxRepo;
  accounts: Accounts;
  runner: JobRunner;
  log: Logger;
}

/**
 * Welkin keeps a reviewed flag of its own (PATCH `reviewed`, reference §4.4): a fax marked here is
 * marked there too, so colleagues in Welkin's Needs Review queue see it. Local state changes at
 * once; the provider follows on the job runner, one job per fax (repeated clicks join it), retried
 * while the network fails. The job sends whatever the fax says when it runs, so the latest wins.
 */
export class ReviewedWriteBack {
  constructor(private readonly deps: WriteBackDeps) {
    deps.runner.register<ReviewedPayload>(WRITE_REVIEWED, (context) => this.write(context));
  }

  /** After a local change: queue the write for faxes whose provider keeps the flag. */
  changed(faxIds: readonly string[]): void {
    for (const faxId of faxIds) {
      const row = this.deps.repo.get(faxId);
      if (!row || row.direction !== 'inbound' || !this.keepsFlag(row.account_id)) continue;
      this.deps.runner.enqueue({
        kind: WRITE_REVIEWED, queue: `inbox-reviewed:${row.account_id}`, key: `${WRITE_REVIEWED}:${faxId}`,
        payload: { faxId } satisfies ReviewedPayload, maxAttempts: 50,
      });
    }
  }

  private keepsFlag(accountId: string): boolean {
    return this.deps.accounts.exists(accountId) && this.deps.accounts.capabilitiesOf(accountId).includes('reviewedFlag');
  }

  private async write({ payload }: JobContext<ReviewedPayload>): Promise<JobResult> {
    const row = this.deps.repo.get(payload.faxId);
    if (!row || !this.keepsFlag(row.account_id)) return;
    const sent = row.reviewed === 1;
    const provider = await this.deps.accounts.providerFor(row.account_id);
    try {
      await provider.setReviewed?.(row.provider_id, sent);
    } catch (error) {
      // Refused (the fax is gone at Welkin, no permission): trying again cannot help; the local flag stays.
      if (error instanceof ProviderError && !error.retryable) {
        this.deps.log.warn('inbox: reviewed flag not written back', { faxId: row.id, code: error.code });
        return;
      }
      throw error;
    }
    // A click that came in while the request was out is written next.
    const now = this.deps.repo.get(row.id);
    if (now && (now.reviewed === 1) !== sent) return { runAgainAt: Date.now() };
  }
}
