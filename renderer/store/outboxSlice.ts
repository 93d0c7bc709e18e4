import type { JobState, OutboxJob } from '../../common/domain/fax';
import type { Result } from '../../common/ipc/result';
import { jobStatus } from '../features/outbox/jobStatus';
import { EMPTY_JOB_QUERY, isNarrowed, rangeProblem, toOutboxQuery, type JobQuery } from '../features/outbox/jobQuery';
import type { LoadStatus } from './accountsSlice';
import type { SliceCreator } from './types';

export interface OutboxSlice {
  jobs: Record<string, OutboxJob>;
  /** The fax that last reached Sent while the app was open: the Outbox says where it went. */
  justDelivered: string | null;
  outboxStatus: LoadStatus;
  outboxError: string | null;
  selectedJobId: string | null;
  /** Faxes picked for an action on several at once (Ctrl/Shift+click, Shift+↑/↓); always holds the selected one. */
  checkedJobIds: Record<string, true>;
  jobQuery: JobQuery;
  /**
   * The core's matches for the last answered search or filter, newest first; null while nothing
   * narrows the list. Kept until the next answer comes, so the list (and the fax open beside it,
   * with whatever is being typed into it) stays put while the core is asked.
   */
  foundJobIds: string[] | null;
  /** What the last status change or action was, for the screen readers' polite live region. */
  announcement: { text: string; seq: number };
  loadOutbox(): Promise<void>;
  setJobQuery(patch: Partial<JobQuery>): void;
  /** Picks `ids` for an action; `focusId` is the one the detail shows. */
  checkJobs(ids: readonly string[], focusId: string): void;
  /** "It arrived" or archive, for one fax or a selection; answers what went wrong in words, or null. */
  resolveJobs(ids: readonly string[], action: 'arrived' | 'archive'): Promise<string | null>;
  announce(text: string): void;
  /** Send later: a new time (ISO), send now (null), or cancel; answers what went wrong in words, or null. */
  rescheduleJob(id: string, change: string | null | 'cancel'): Promise<string | null>;
  /** Legal hold on a sent fax (retention keeps its documents); answers what went wrong in words, or null. */
  setJobLegalHold(id: string, hold: boolean): Promise<string | null>;
  /** A note and tags on a sent fax; answers what went wrong, or null. */
  annotateJob(id: string, change: { notes?: string; tags?: string[] }): Promise<string | null>;
  /** The transmission report of a finished fax, as a PDF the core made. */
  jobReport(id: string): Promise<Result<{ name: string; bytes: Uint8Array }>>;
  /**
   * Applies a job from an event or a call result; stale copies never overwrite newer ones.
   * `fromThisSession`: the person's own action changed it (that action announces it).
   */
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

export const createOutboxSlice: SliceCreator<OutboxSlice> = (api) => (set, get) => {
  let querySeq = 0;
  /** Asks the core for the matches of a search or filter; only the latest question's answer is kept. */
  const runQuery = async (q: JobQuery) => {
    const seq = ++querySeq;
    if (!isNarrowed(q)) {
      set({ foundJobIds: null });
      return;
    }
    // No day is both after From and before To: nothing matches (the toolbar says why).
    if (rangeProblem(q)) {
      set({ foundJobIds: [] });
      return;
    }
    const r = await api.outbox.list(toOutboxQuery(q));
    if (seq !== querySeq) return;
    if (!r.ok) {
      set({ foundJobIds: [], outboxError: r.error.message });
      return;
    }
    for (const job of r.value) get().applyJob(job);
    set({ foundJobIds: r.value.map((job) => job.id), outboxError: null });
  };

  return {
    jobs: {},
    justDelivered: null,
    outboxStatus: 'loading',
    outboxError: null,
    selectedJobId: null,
    checkedJobIds: {},
    jobQuery: EMPTY_JOB_QUERY,
    foundJobIds: null,
    announcement: { text: '', seq: 0 },

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
        const before = s.jobs[job.id];
        const newer = isNewer(before, job);
        // Screen readers hear a fax change state, as sighted people see its row change (what a
        // person's own action changed, that action announces).
        if (newer && before && before.state !== job.state && !fromThisSession) queueMicrotask(() => get().announce(`Fax to …${job.to.slice(-4)}: ${jobStatus(job, false).text}`));
        if (!newer) return s;
        // A fax leaves the Outbox for Sent the moment it completes; the Outbox says where it went.
        const delivered = job.state === 'sent' && before !== undefined && before.state !== 'sent';
        return { jobs: { ...s.jobs, [job.id]: job }, ...(delivered ? { justDelivered: job.id } : {}) };
      });
    },

    selectJob: (id) => set({ selectedJobId: id, checkedJobIds: id ? { [id]: true } : {} }),

    checkJobs: (ids, focusId) => set({ selectedJobId: focusId, checkedJobIds: Object.fromEntries([...ids, focusId].map((id) => [id, true as const])) }),

    setJobQuery(patch) {
      const jobQuery = { ...get().jobQuery, ...patch };
      set({ jobQuery });
      void runQuery(jobQuery);
    },

    async resolveJobs(ids, action) {
      const r = await api.outbox.resolve({ ids: [...ids], action });
      if (!r.ok) return [r.error.message, r.error.nextStep].filter(Boolean).join(' ');
      for (const job of r.value) get().applyJob(job, true);
      const n = r.value.length;
      const what = n === 1 ? 'fax' : 'faxes';
      get().announce(action === 'arrived' ? `Marked as arrived; moved to Sent (${n} ${what}).` : `Archived ${n} ${what}. Search still finds them.`);
      if (action === 'archive' && get().pane === 'outbox') set({ checkedJobIds: {} });
      return null;
    },

    jobReport: (id) => api.outbox.report({ id }),

    async annotateJob(id, change) {
      const r = await api.outbox.annotate({ id, ...change });
      if (!r.ok) return [r.error.message, r.error.nextStep].filter(Boolean).join(' ');
      get().applyJob(r.value, true);
      return null;
    },

    async setJobLegalHold(id, hold) {
      const r = await api.outbox.setLegalHold({ id, hold });
      if (!r.ok) return [r.error.message, r.error.nextStep].filter(Boolean).join(' ');
      get().applyJob(r.value, true);
      get().announce(hold ? 'On legal hold: retention keeps this fax’s documents.' : 'Legal hold released.');
      return null;
    },

    async rescheduleJob(id, change) {
      const r = change === 'cancel' ? await api.outbox.cancel({ id }) : await api.outbox.reschedule({ id, sendAt: change });
      if (!r.ok) return [r.error.message, r.error.nextStep].filter(Boolean).join(' ');
      get().applyJob(r.value, true);
      get().announce(change === 'cancel' ? 'The scheduled fax was cancelled; it will not be sent.' : change === null ? 'Sending it now.' : 'The time was changed.');
      return null;
    },

    announce: (text) => set((s) => ({ announcement: { text, seq: s.announcement.seq + 1 } })),

    async retryJob(id, choice = {}) {
      const r = await api.outbox.retry({ id, ...choice });
      if (r.ok) get().applyJob(r.value, true);
      return r;
    },
  };
};
