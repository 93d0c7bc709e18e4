import { useState } from 'react';
import type { OutboxJob } from '../../../common/domain/fax';
import { useFaxdesk } from '../../store/StoreProvider';
import { sendAtProblem } from '../compose/SendLater';
import { localInputValue } from '../../ui/format';
import { scheduleText } from './jobStatus';

/**
 * A fax set to send later, until it starts: change its time, send it now, or cancel it. Once it
 * started (late, or on time), it says so instead.
 */
export function ScheduleActions({ job }: { job: OutboxJob }) {
  const reschedule = useFaxdesk((s) => s.rescheduleJob);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(() => (job.scheduledFor ? localInputValue(new Date(job.scheduledFor)) : ''));
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  if (job.startedLateAt) {
    return <p className="banner banner-warning">It was set for {scheduleText(job.scheduledFor!)} but Faxdesk was not running then; it started at {scheduleText(job.startedLateAt)}.</p>;
  }
  if (job.state !== 'queued' || !job.scheduledFor) return null;
  const act = async (change: string | null | 'cancel') => {
    setWorking(true);
    setProblem(null);
    const failure = await reschedule(job.id, change);
    setWorking(false);
    if (failure) setProblem(failure);
    else setEditing(false);
  };
  const timeProblem = sendAtProblem(value);
  return (
    <div className="schedule-actions" role="group" aria-label="Send later">
      <p>It waits here until {scheduleText(job.scheduledFor)}, then it is sent. Until then it can be changed or cancelled.</p>
      {editing ? (
        <div className="action-row">
          <label>New time <input type="datetime-local" value={value} min={localInputValue(new Date())} onChange={(e) => setValue(e.target.value)} aria-invalid={timeProblem ? true : undefined} /></label>
          <button type="button" className="primary" disabled={working || !value || timeProblem !== null} onClick={() => void act(new Date(value).toISOString())}>Save time</button>
          <button type="button" onClick={() => setEditing(false)}>Keep {scheduleText(job.scheduledFor)}</button>
        </div>
      ) : (
        <div className="action-row">
          <button type="button" disabled={working} onClick={() => setEditing(true)}>Change time…</button>
          <button type="button" disabled={working} onClick={() => void act(null)}>Send now</button>
          <button type="button" className="danger-outline" disabled={working} onClick={() => void act('cancel')}>Cancel the fax</button>
        </div>
      )}
      {(timeProblem && editing) && <p className="field-error" role="alert">{timeProblem}</p>}
      {problem && <p className="error-text" role="alert">{problem}</p>}
    </div>
  );
}
