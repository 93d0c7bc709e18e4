import type { OutboxJob } from '../../../common/domain/fax';
import { Dialog } from '../../ui/Dialog';
import { plural } from '../../ui/format';

export type RetryChoice = { onlyMissingPages: boolean };

/** "pages 4–5" of a fax whose first `arrived` pages reached the recipient (page numbers of the original). */
export function missingPages(job: OutboxJob): string {
  const first = (job.firstPage ?? 1) + (job.pagesSent ?? 0);
  const last = (job.firstPage ?? 1) + job.pages - 1;
  return first === last ? `page ${first}` : `pages ${first}–${last}`;
}

interface Props {
  job: OutboxJob;
  open: boolean;
  onCancel(): void;
  onSend(choice: RetryChoice): void;
}

/**
 * Sending again where pages may have reached the recipient: says how many went through and lets
 * the person send only the rest (Sinch says which pages arrived) or, knowingly, everything again.
 */
export function RetryDialog({ job, open, onCancel, onSend }: Props) {
  const arrived = job.pagesSent ?? 0;
  const partly = job.state === 'failed' && arrived > 0 && arrived < job.pages;
  const last4 = `…${job.to.slice(-4)}`;
  return (
    <Dialog title="Send this fax again?" open={open} onClose={onCancel} alert>
      <div className="dialog-body">
        {partly ? (
          <>
            <p><strong>{arrived} of {plural(job.pages, 'page')} reached {last4}</strong> before the call ended; {missingPages(job)} did not.</p>
            <p>Sending only the missing pages avoids a second copy of what already arrived. Sending everything again may deliver the first {plural(arrived, 'page')} twice.</p>
          </>
        ) : (
          <>
            {job.error && <p>{job.error.message} {job.error.nextStep}</p>}
            <p>The fax may already have reached {last4}. Sending again may deliver a second copy.</p>
          </>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} data-autofocus>Cancel</button>
        {partly && (
          <button type="button" className="primary" onClick={() => onSend({ onlyMissingPages: true })}>
            Send {missingPages(job)} only
          </button>
        )}
        <button type="button" className="danger" onClick={() => onSend({ onlyMissingPages: false })}>
          {partly ? `Send all ${job.pages} pages again` : 'Send again anyway'}
        </button>
      </div>
    </Dialog>
  );
}
