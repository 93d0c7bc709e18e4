import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { OutboxJob } from '../../../common/domain/fax';
import { useFaxdesk, useFaxdeskStore } from '../../store/StoreProvider';
import { plural } from '../../ui/format';
import { groupByBatch } from './jobQuery';
import { JobRow } from './JobRow';
import { IN_PROGRESS } from './jobStatus';

/** The faxes picked for an action that can be archived (those still on their way cannot). */
export const archivable = (jobs: readonly OutboxJob[]) => jobs.filter((j) => !IN_PROGRESS.has(j.state) && !j.archivedAt);

function groupLabel(jobs: readonly OutboxJob[]): string {
  const done = jobs.filter((j) => j.state === 'sent').length;
  const failed = jobs.filter((j) => j.state === 'failed' || j.state === 'uncertain').length;
  const parts = [`${done} completed`, ...(failed ? [`${failed} need attention`] : [])];
  return `One send to ${plural(jobs.length, 'number')} · ${parts.join(', ')}`;
}

/**
 * ↑/↓ move the selection, Shift+↑/↓ and Shift/Ctrl+click pick several, Ctrl+A all, Home/End jump,
 * Enter opens the detail, Delete archives what is picked. The faxes of one multi-recipient send
 * are grouped under a line that says how they went.
 */
export function JobList({ jobs, label, onArchive }: { jobs: OutboxJob[]; label: string; onArchive(jobs: OutboxJob[]): void }) {
  const selectedId = useFaxdesk((s) => s.selectedJobId);
  const checked = useFaxdesk((s) => s.checkedJobIds);
  const store = useFaxdeskStore();
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const groups = groupByBatch(jobs);
  const ordered = groups.flatMap((g) => g.jobs);
  const selectedIndex = ordered.findIndex((j) => j.id === selectedId);
  const anchor = useRef<string | null>(null);

  // The selected row stays in view when the window is small or the list changes under it.
  useEffect(() => {
    if (selectedId) refs.current.get(selectedId)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, jobs.length]);

  const pickRange = (toIndex: number) => {
    const from = ordered.findIndex((j) => j.id === (anchor.current ?? selectedId));
    const [a, b] = from < 0 ? [toIndex, toIndex] : [Math.min(from, toIndex), Math.max(from, toIndex)];
    store.getState().checkJobs(ordered.slice(a, b + 1).map((j) => j.id), ordered[toIndex]!.id);
  };

  const focusAt = (i: number, extend = false) => {
    const index = Math.max(0, Math.min(ordered.length - 1, i));
    const job = ordered[index];
    if (!job) return;
    if (extend) pickRange(index);
    else {
      anchor.current = job.id;
      store.getState().selectJob(job.id);
    }
    refs.current.get(job.id)?.focus();
  };

  const onPick = (index: number) => (e: MouseEvent<HTMLButtonElement>) => {
    const job = ordered[index]!;
    const s = store.getState();
    if (e.shiftKey) pickRange(index);
    else if (e.ctrlKey || e.metaKey) {
      const next = { ...s.checkedJobIds };
      if (next[job.id]) delete next[job.id];
      else next[job.id] = true;
      anchor.current = job.id;
      s.checkJobs(Object.keys(next), job.id);
    } else {
      anchor.current = job.id;
      s.selectJob(job.id);
    }
  };

  const onKeyDown = (index: number) => (e: KeyboardEvent<HTMLButtonElement>) => {
    const mod = e.ctrlKey || e.metaKey;
    if (e.key === 'ArrowDown') { e.preventDefault(); focusAt(index + 1, e.shiftKey); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); focusAt(index - 1, e.shiftKey); }
    else if (e.key === 'Home') { e.preventDefault(); focusAt(0, e.shiftKey); }
    else if (e.key === 'End') { e.preventDefault(); focusAt(ordered.length - 1, e.shiftKey); }
    else if (mod && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      store.getState().checkJobs(ordered.map((j) => j.id), ordered[index]!.id);
    } else if (e.key === 'Delete' || (e.key === 'Backspace' && e.metaKey)) {
      e.preventDefault();
      const picked = ordered.filter((j) => store.getState().checkedJobIds[j.id]);
      onArchive(picked.length ? picked : [ordered[index]!]);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      store.getState().selectJob(ordered[index]!.id);
      requestAnimationFrame(() => document.getElementById('job-detail-title')?.focus());
    }
  };

  const row = (job: OutboxJob, inGroup: boolean) => {
    const i = ordered.indexOf(job);
    return (
      <JobRow
        key={job.id}
        job={job}
        inGroup={inGroup}
        selected={job.id === selectedId}
        checked={checked[job.id] === true}
        tabbable={selectedIndex < 0 ? i === 0 : i === selectedIndex}
        onKeyDown={onKeyDown(i)}
        onPick={onPick(i)}
        buttonRef={(el) => {
          if (el) refs.current.set(job.id, el);
          else refs.current.delete(job.id);
        }}
      />
    );
  };

  return (
    <ul className="job-list" aria-label={label}>
      {groups.flatMap((g) => (g.jobs.length === 1 ? [row(g.jobs[0]!, false)] : [
        // A heading line, then the send's faxes indented under it (flat, so each fax stays one list item).
        <li key={`group-${g.batchId}`} className="job-group-label">{groupLabel(g.jobs)}</li>,
        ...g.jobs.map((job) => row(job, true)),
      ]))}
    </ul>
  );
}
