import { useRef, type KeyboardEvent } from 'react';
import type { OutboxJob } from '../../../common/domain/fax';
import { useFaxdesk } from '../../store/StoreProvider';
import { formatFax, formatTime, plural } from '../../ui/format';
import { JobActions } from './JobActions';
import { jobStatus } from './jobStatus';

interface RowProps {
  job: OutboxJob;
  selected: boolean;
  tabbable: boolean;
  onKeyDown(e: KeyboardEvent<HTMLButtonElement>): void;
  buttonRef(el: HTMLButtonElement | null): void;
}

function JobRow({ job, selected, tabbable, onKeyDown, buttonRef }: RowProps) {
  const selectJob = useFaxdesk((s) => s.selectJob);
  const status = jobStatus(job);
  return (
    <li className={`job-row${selected ? ' selected' : ''}`} aria-current={selected ? 'true' : undefined}>
      <button
        ref={buttonRef}
        type="button"
        className="job-row-main"
        tabIndex={tabbable ? 0 : -1}
        onClick={() => selectJob(job.id)}
        onKeyDown={onKeyDown}
      >
        <span className="job-time">{formatTime(job.createdAt)}</span>
        <span className="job-to">{formatFax(job.to)}</span>
        <span className={`status status-${status.tone}`} title={status.text}>{status.text}</span>
        <span className="job-pages">{plural(job.pages, 'page')}</span>
      </button>
      {(job.state === 'failed' || job.state === 'uncertain') && job.error && (
        // The next step and the one action that fits it, on one line; the detail pane says the rest.
        <div className="job-followup">
          <p className="job-next">{job.error.nextStep}</p>
          <JobActions job={job} inList />
        </div>
      )}
    </li>
  );
}

/** ↑/↓ move the selection, Home/End jump, Enter opens the detail. */
export function JobList({ jobs, label }: { jobs: OutboxJob[]; label: string }) {
  const selectedId = useFaxdesk((s) => s.selectedJobId);
  const selectJob = useFaxdesk((s) => s.selectJob);
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const selectedIndex = jobs.findIndex((j) => j.id === selectedId);

  const focusAt = (i: number) => {
    const job = jobs[Math.max(0, Math.min(jobs.length - 1, i))];
    if (!job) return;
    selectJob(job.id);
    refs.current.get(job.id)?.focus();
  };

  const onKeyDown = (index: number) => (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); focusAt(index + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); focusAt(index - 1); }
    else if (e.key === 'Home') { e.preventDefault(); focusAt(0); }
    else if (e.key === 'End') { e.preventDefault(); focusAt(jobs.length - 1); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      selectJob(jobs[index]!.id);
      requestAnimationFrame(() => document.getElementById('job-detail-title')?.focus());
    }
  };

  return (
    <ul className="job-list" aria-label={label}>
      {jobs.map((job, i) => (
        <JobRow
          key={job.id}
          job={job}
          selected={job.id === selectedId}
          tabbable={selectedIndex < 0 ? i === 0 : i === selectedIndex}
          onKeyDown={onKeyDown(i)}
          buttonRef={(el) => {
            if (el) refs.current.set(job.id, el);
            else refs.current.delete(job.id);
          }}
        />
      ))}
    </ul>
  );
}
