import type { AuditAction, AuditPage, AuditVerify } from '../../common/domain/audit';
import type { SliceCreator } from './types';

/** The audit screen's filter: local calendar days (inclusive) and one action, or all. */
export interface AuditFilter { fromDay: string; toDay: string; action: AuditAction | '' }

export const AUDIT_PAGE = 50;

/** A local day ("2026-03-01") as the instant it starts; the end day counts whole (its next midnight). */
export function dayRange(fromDay: string, toDay: string): { from?: string; to?: string } {
  const start = (day: string) => new Date(`${day}T00:00:00`);
  const end = (day: string) => { const d = start(day); d.setDate(d.getDate() + 1); return d; };
  return {
    ...(fromDay ? { from: start(fromDay).toISOString() } : {}),
    ...(toDay ? { to: end(toDay).toISOString() } : {}),
  };
}

/** What went wrong, in words, or null. */
type Problem = string | null;
const words = (e: { message: string; nextStep?: string }) => [e.message, e.nextStep].filter(Boolean).join(' ');

/** The audit log screen (issue 13): entries, Verify, CSV export, and the desk's initials. */
export interface AuditSlice {
  auditFilter: AuditFilter;
  auditOffset: number;
  auditPage: AuditPage | null;
  auditProblem: Problem;
  auditVerify: AuditVerify | null;
  auditProfile: string | null;
  loadAudit(filter?: AuditFilter, offset?: number): Promise<void>;
  verifyAudit(): Promise<Problem>;
  /** The CSV of the filter's days, or what went wrong. */
  exportAudit(): Promise<{ name: string; bytes: Uint8Array } | string>;
  loadAuditProfile(): Promise<void>;
  setAuditProfile(initials: string): Promise<Problem>;
}

export const createAuditSlice: SliceCreator<AuditSlice> = (api) => (set, get) => ({
  auditFilter: { fromDay: '', toDay: '', action: '' },
  auditOffset: 0,
  auditPage: null,
  auditProblem: null,
  auditVerify: null,
  auditProfile: null,

  async loadAudit(filter = get().auditFilter, offset = 0) {
    set({ auditFilter: filter, auditOffset: offset });
    const r = await api.audit.list({ ...dayRange(filter.fromDay, filter.toDay), ...(filter.action ? { actions: [filter.action] } : {}), limit: AUDIT_PAGE, offset });
    // A later filter may have been asked for meanwhile: its answer wins.
    if (get().auditFilter !== filter || get().auditOffset !== offset) return;
    set(r.ok ? { auditPage: r.value, auditProblem: null } : { auditProblem: words(r.error) });
  },

  async verifyAudit() {
    set({ auditVerify: null });
    const r = await api.audit.verify();
    if (!r.ok) return words(r.error);
    set({ auditVerify: r.value });
    return null;
  },

  async exportAudit() {
    const { fromDay, toDay } = get().auditFilter;
    if (!fromDay || !toDay) return 'Choose the first and last day to export.';
    const r = await api.audit.export(dayRange(fromDay, toDay) as { from: string; to: string });
    if (!r.ok) return words(r.error);
    void get().loadAudit(get().auditFilter, 0); // the export is itself an entry
    return r.value;
  },

  async loadAuditProfile() {
    const r = await api.audit.profile();
    if (r.ok) set({ auditProfile: r.value.initials });
  },

  async setAuditProfile(initials) {
    const r = await api.audit.setProfile({ initials });
    if (!r.ok) return words(r.error);
    set({ auditProfile: r.value.initials });
    void get().loadAudit(get().auditFilter, 0);
    return null;
  },
});
