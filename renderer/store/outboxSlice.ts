import type { JobState, OutboxJob } from '../../common/domain/fax';
import type { Result } from '../../common/ipc/result';
import type { LoadStatus } from './accountsSlice';
import type { SliceCreator } from './types';

export interface OutboxSlice {
  jobs: Record<string, OutboxJob>;
  /** Jobs sent or touched in this session stay in the Outbox after they complete, so people see them finish. */
  sessionJobIds: Record<string, true>;
  outboxStatus: LoadStatus;
  outboxError: string | null;
  selectedJobId: string | null;
  loadOutbox(): Promise<void>;
  /** Applies a job from an event or a call result; stale copies never overwrite newer ones. */
  applyJob(job: OutboxJob, fromThisSession?: boolean): void;
  selectJob(id: string | null): void;
  /** `confirm`: a person checked with the recipient where pages may have arrived; `onlyMissingPages`: send just those. */
  retryJob(id: string, choice?: { confirm?: boolean; onlyMissingPages?: boolean }): Promise<Result<OutboxJob>>;
}

const RANK: Record<JobState, number> = {
  queued: 0, submitting: 1, submitted: 2, sending: 3, sent: 4, failed: 4, uncertain: 4, cancelled: 4,
};

/** True when `next` should replace `current` (events and call results can arrive in either order). */
export function isNewer(current: OutboxJob | undefined, next: OutboxJob): boolean {
  if (!current) return true;
  if (next.updatedAt !== current.updatedAt) return next.updatedAt > current.updatedAt;
  if (next.attempts !== current.attempts) return next.attempts > current.attempts;
  return RANK[next.state] >= RANK[current.state];
}

export const createOutboxSlice: SliceCreator<OutboxSlice> = (api) => (set, get) => ({
  jobs: {},
  sessionJobIds: {},
  outboxStatus: 'loading',
  outboxError: null,
  selectedJobId: null,

  async loadOutbox() {
    const r = await api.outbox.list();
    if (!r.ok) {
      set({ outboxStatus: 'error', outboxError: r.error.message });
      return;
    }
    const jobs: Record<string, OutboxJob> = { ...get().jobs };
    for (const job of r.value) if (isNewer(jobs[job.id], job)) jobs[job.id] = job;
    set({ jobs, outboxStatus: 'ready', outboxError: null });
  },

  applyJob(job, fromThisSession = false) {
    set((s) => {
      const newer = isNewer(s.jobs[job.id], job);
      const known = s.sessionJobIds[job.id] === true;
      // A job that changes while the app is open belongs to this session's Outbox view.
      const mark = (fromThisSession || newer) && !known;
      if (!newer && !mark) return s;
      return {
        jobs: newer ? { ...s.jobs, [job.id]: job } : s.jobs,
        sessionJobIds: mark ? { ...s.sessionJobIds, [job.id]: true } : s.sessionJobIds,
      };
    });
  },

  selectJob: (id) => set({ selectedJobId: id }),

  async retryJob(id, choice = {}) {
    const r = await api.outbox.retry({ id, ...choice });
    if (r.ok) get().applyJob(r.value, true);
    return r;
  },
});
