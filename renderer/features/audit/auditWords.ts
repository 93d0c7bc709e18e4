import type { AuditAction, AuditEntry } from '../../../common/domain/audit';

/** Each action as a person reads it in the list and the filter. */
export const ACTION_WORDS: Record<AuditAction, string> = {
  viewed: 'Viewed', printed: 'Printed', saved: 'Saved', forwarded: 'Forwarded', split: 'Pages split off', sent: 'Sent',
  retried: 'Retried', filed: 'Filed to patient', reviewed: 'Marked reviewed', deleted: 'Deleted', archived: 'Archived',
  exported: 'Audit log exported', settings_changed: 'Settings changed', account_added: 'Account added',
  account_updated: 'Account changed', account_removed: 'Account removed', profile_changed: 'Initials changed',
  unlock: 'Unlocked', unlock_failed: 'Unlock failed', retention_removed: 'Document removed by retention',
  legal_hold: 'Legal hold set',
};

/** "Marked reviewed" / "Marked not reviewed", "Archived" / "Moved back to the inbox": the flag in words. */
export function actionWords(entry: AuditEntry): string {
  const undone = /(^|;)value=false(;|$)/.test(entry.detail);
  if (undone && entry.action === 'reviewed') return 'Marked not reviewed';
  if (undone && entry.action === 'archived') return 'Moved back to the inbox';
  if (undone && entry.action === 'legal_hold') return 'Legal hold released';
  return ACTION_WORDS[entry.action];
}

/** "fax 3f2a9c1e": the kind and a short id (the full id is in the row's title). */
export function targetWords(entry: AuditEntry): string {
  if (!entry.targetType || !entry.targetId) return '—';
  return `${entry.targetType} ${entry.targetId.slice(0, 8)}`;
}

export const whoWords = (entry: AuditEntry) => (entry.profile ? `${entry.osUser} (${entry.profile})` : entry.osUser);

/** A local calendar day, as a date field holds it. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
