import { useMemo, useState } from 'react';
import type { OutboxJob } from '../../../common/domain/fax';
import { useFaxdesk } from '../../store/StoreProvider';
import { formatFax, plural } from '../../ui/format';
import { JobDetail } from './JobDetail';
import { JobList, archivable } from './JobList';
import { JobsToolbar } from './JobsToolbar';
import { SentFaxViewer } from './SentFaxViewer';
import { isNarrowed } from './jobQuery';
import { shownJobs, type JobsView } from './jobStatus';

const TITLES: Record<JobsView, string> = { outbox: 'Outbox', sent: 'Sent' };

function EmptyState({ view, narrowed }: { view: JobsView; narrowed: boolean }) {
  const onlyDemo = useFaxdesk((s) => s.accounts.length > 0 && s.accounts.every((a) => a.demo));
  const openCompose = useFaxdesk((s) => s.openCompose);
  const showPane = useFaxdesk((s) => s.showPane);
  if (narrowed) return <div className="empty"><p>No fax matches this search. Clear the filters to see every fax.</p></div>;
  if (view === 'sent') {
    return <div className="empty"><p>Faxes appear here once the provider confirms they were delivered.</p></div>;
  }
  return (
    <div className="empty">
      <p className="empty-lead">Faxes you send appear here. Drop a file anywhere to start.</p>
      <button type="button" className="primary" onClick={openCompose}>New fax</button>
      {onlyDemo && (
        <div className="first-run">
          <h2>You’re using the Demo account</h2>
          <p>
            Faxes sent from Demo go to a built-in emulator on this computer — nothing is transmitted, so it’s safe to
            try things. Send to +1 989 898 9898 to watch a fax go all the way to Completed.
          </p>
          <p>To send real faxes, add your Sinch or Welkin account in Settings.</p>
          <button type="button" onClick={() => showPane('settings')}>Open Settings</button>
        </div>
      )}
    </div>
  );
}

/** A fax that just completed left the Outbox: say so, and where to find it. */
function DeliveredNote() {
  const job = useFaxdesk((s) => (s.justDelivered ? s.jobs[s.justDelivered] : undefined));
  const showPane = useFaxdesk((s) => s.showPane);
  const selectJob = useFaxdesk((s) => s.selectJob);
  if (!job || job.state !== 'sent') return null;
  return (
    <p className="delivered-note">
      <span>Fax to {formatFax(job.to)} completed and moved to Sent.</span>
      <button type="button" className="link" onClick={() => { showPane('sent'); selectJob(job.id); }}>Show it in Sent</button>
    </p>
  );
}

/** Several faxes picked: say how many, and archive them together. */
function SelectionBar({ picked, onArchive }: { picked: OutboxJob[]; onArchive(jobs: OutboxJob[]): void }) {
  const selectJob = useFaxdesk((s) => s.selectJob);
  const selectedId = useFaxdesk((s) => s.selectedJobId);
  const can = archivable(picked);
  return (
    <div className="selection-bar" role="group" aria-label="Selected faxes">
      <span>{plural(picked.length, 'fax', 'faxes')} selected</span>
      <button type="button" disabled={can.length === 0} onClick={() => onArchive(picked)} aria-keyshortcuts="Delete">
        Archive {plural(can.length, 'fax', 'faxes')}
      </button>
      <button type="button" onClick={() => selectJob(selectedId)}>Clear selection</button>
    </div>
  );
}

export function JobsPane({ kind }: { kind: JobsView }) {
  const jobs = useFaxdesk((s) => s.jobs);
  const status = useFaxdesk((s) => s.outboxStatus);
  const error = useFaxdesk((s) => s.outboxError);
  const selectedId = useFaxdesk((s) => s.selectedJobId);
  const checked = useFaxdesk((s) => s.checkedJobIds);
  const query = useFaxdesk((s) => s.jobQuery);
  const found = useFaxdesk((s) => s.foundJobIds);
  const resolveJobs = useFaxdesk((s) => s.resolveJobs);
  const [archiveProblem, setArchiveProblem] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const narrowed = isNarrowed(query);
  const list = useMemo(() => shownJobs(kind, jobs, found, query), [kind, jobs, found, query]);
  const selected = list.find((j) => j.id === selectedId);
  const picked = list.filter((j) => checked[j.id]);
  const title = TITLES[kind];

  const archive = async (targets: OutboxJob[]) => {
    const can = archivable(targets);
    setArchiveProblem(can.length === 0 ? 'Faxes still on their way cannot be archived; wait until they finish.' : null);
    if (can.length > 0) setArchiveProblem(await resolveJobs(can.map((j) => j.id), 'archive'));
  };

  if (selected && viewing === selected.id && !selected.removedByRetentionAt) return <SentFaxViewer key={selected.id} job={selected} onClose={() => setViewing(null)} />;
  return (
    <div className="split">
      <section className="pane list-pane" aria-labelledby="list-title">
        <header className="pane-header">
          <h1 id="list-title" tabIndex={-1}>{title}</h1>
          {list.length > 0 && <span className="muted list-count">{plural(list.length, 'fax', 'faxes')}</span>}
        </header>
        <JobsToolbar view={kind} />
        {kind === 'outbox' && <DeliveredNote />}
        {picked.length > 1 && <SelectionBar picked={picked} onArchive={(t) => void archive(t)} />}
        {archiveProblem && <p className="error-text pad" role="alert">{archiveProblem}</p>}
        {status === 'error' && <p className="banner banner-danger" role="alert">The outbox could not be loaded: {error}</p>}
        {status === 'loading' && <p className="muted pad">Loading…</p>}
        {status === 'ready' && list.length === 0 && <EmptyState view={kind} narrowed={narrowed} />}
        {list.length > 0 && <JobList jobs={list} label={`${title} faxes`} onArchive={(t) => void archive(t)} />}
      </section>
      <section className="pane detail-pane" aria-label="Fax details">
        {selected ? <JobDetail job={selected} onOpenPages={() => setViewing(selected.id)} /> : (
          <p className="muted pad">{list.length > 0 ? 'Select a fax to see its pages, attempts and status.' : ''}</p>
        )}
      </section>
    </div>
  );
}
