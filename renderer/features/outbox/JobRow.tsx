import { removedByRetentionWords } from '../../../common/domain/retention';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { OutboxJob } from '../../../common/domain/fax';
import { useFaxdesk } from '../../store/StoreProvider';
import { formatFax, formatTime, plural } from '../../ui/format';
import { DemoMark } from './DemoMark';
import { RetryAction } from './JobActions';
import { jobStatus } from './jobStatus';
import { TagDot } from '../../ui/tagColour';

interface RowProps {
  job: OutboxJob;
  /** One of several faxes of one send, drawn under that send's line. */
  inGroup: boolean;
  selected: boolean;
  checked: boolean;
  tabbable: boolean;
  onKeyDown(e: KeyboardEvent<HTMLButtonElement>): void;
  onPick(e: MouseEvent<HTMLButtonElement>): void;
  buttonRef(el: HTMLButtonElement | null): void;
}

/**
 * One fax on one line: time, recipient (and subject), pages, account, the status in a word or
 * two, and the one action that moves it on. The reason is said once, in the detail pane.
 */
export function JobRow({ job, inGroup, selected, checked, tabbable, onKeyDown, onPick, buttonRef }: RowProps) {
  const account = useFaxdesk((s) => s.accounts.find((a) => a.id === job.accountId)?.name ?? 'Removed account');
  const status = jobStatus(job, false, true);
  const full = jobStatus(job, false);
  return (
    <li className={`job-row${inGroup ? ' in-group' : ''}${selected ? ' selected' : ''}${checked ? ' checked' : ''}`} aria-current={selected ? 'true' : undefined}>
      <button
        ref={buttonRef}
        type="button"
        className="job-row-main"
        tabIndex={tabbable ? 0 : -1}
        title={[job.demo ? `${account} (Demo — not transmitted)` : account, job.error ? `${full.text}: ${job.error.message}` : full.text].join(' · ')}
        onClick={onPick}
        onKeyDown={onKeyDown}
      >
        <span className="job-time">{formatTime(job.createdAt)}</span>
        <span className="job-to">
          {formatFax(job.to)}
          {job.subject && <span className="muted job-subject"> · {job.subject}</span>}
        </span>
        <span className="job-pages">{plural(job.pages, 'page')}</span>
        {/* A Demo account's fax says what matters about its account: nothing was transmitted. */}
        <span className="job-account">{job.demo ? <DemoMark /> : <span>{account}</span>}</span>
        <span className="job-status">
          <span className={`status status-${status.tone}`}>{status.text}</span>
          {job.archivedAt && <span className="badge badge-muted">Archived</span>}
          {job.legalHold && <span className="badge badge-muted">Legal hold</span>}
          {job.tags?.map((t) => <span key={t} className="badge badge-tag"><TagDot tag={t} />{t}</span>)}
          {job.removedByRetentionAt && <span className="badge badge-muted" title={removedByRetentionWords(job.removedByRetentionAt)}>Document removed</span>}
        </span>
        {checked && !selected && <span className="sr-only">, selected</span>}
      </button>
      <span className="job-row-action"><RetryAction job={job} inList compact /></span>
    </li>
  );
}
