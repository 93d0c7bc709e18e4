import { useMemo } from 'react';
import { useFaxdesk } from '../../store/StoreProvider';
import { JobDetail } from './JobDetail';
import { JobList } from './JobList';
import { jobsFor, type JobsView } from './jobStatus';

const TITLES: Record<JobsView, string> = { outbox: 'Outbox', sent: 'Sent' };

function EmptyState({ view }: { view: JobsView }) {
  const onlyDemo = useFaxdesk((s) => s.accounts.length > 0 && s.accounts.every((a) => a.demo));
  const openCompose = useFaxdesk((s) => s.openCompose);
  const showPane = useFaxdesk((s) => s.showPane);
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

export function JobsPane({ kind }: { kind: JobsView }) {
  const jobs = useFaxdesk((s) => s.jobs);
  const session = useFaxdesk((s) => s.sessionJobIds);
  const status = useFaxdesk((s) => s.outboxStatus);
  const error = useFaxdesk((s) => s.outboxError);
  const selectedId = useFaxdesk((s) => s.selectedJobId);
  const list = useMemo(() => jobsFor(kind, jobs, session), [kind, jobs, session]);
  const selected = list.find((j) => j.id === selectedId);
  const title = TITLES[kind];
  return (
    <div className="split">
      <section className="pane list-pane" aria-labelledby="list-title">
        <header className="pane-header"><h1 id="list-title" tabIndex={-1}>{title}</h1></header>
        {status === 'error' && <p className="banner banner-danger" role="alert">The outbox could not be loaded: {error}</p>}
        {status === 'loading' && <p className="muted pad">Loading…</p>}
        {status === 'ready' && list.length === 0 && <EmptyState view={kind} />}
        {list.length > 0 && <JobList jobs={list} label={`${title} faxes`} />}
      </section>
      <section className="pane detail-pane" aria-label="Fax details">
        {selected ? <JobDetail job={selected} /> : (
          <p className="muted pad">{list.length > 0 ? 'Select a fax to see its pages, attempts and status.' : ''}</p>
        )}
      </section>
    </div>
  );
}
