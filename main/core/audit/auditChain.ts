import { createHash } from 'node:crypto';
import type { AuditVerify } from '../../../common/domain/audit';

/** An audit row as stored. */
export interface AuditRow {
  id: number;
  at: string;
  os_user: string;
  profile: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** The `prev_hash` of the first entry. */
export const GENESIS = '0'.repeat(64);

/**
 * The entry as hashed: a JSON array, so field order and escaping are fixed and no field can run
 * into the next ("ab"+"c" and "a"+"bc" differ).
 */
export function canonical(row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  return JSON.stringify([row.id, row.at, row.os_user, row.profile, row.action, row.target_type, row.target_id, row.detail]);
}

/** SHA-256 over the previous entry's hash and this entry. */
export function hashEntry(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(row)).digest('hex');
}

/**
 * Walks the entries in id order. Ids run 1, 2, 3… with no gap (AUTOINCREMENT never reuses one), so
 * a missing number is a removed entry; an entry whose hash or link does not match was changed.
 * `highestIssued` (sqlite_sequence) catches removed entries at the end, which leave no gap.
 */
export function verifyChain(rows: Iterable<AuditRow>, highestIssued: number): AuditVerify {
  let expected = 1;
  let prev = GENESIS;
  for (const row of rows) {
    if (row.id !== expected) return { ok: false, firstBroken: expected, reason: 'removed' };
    if (row.prev_hash !== prev || hashEntry(prev, row) !== row.hash) return { ok: false, firstBroken: row.id, reason: 'changed' };
    prev = row.hash;
    expected += 1;
  }
  if (highestIssued >= expected) return { ok: false, firstBroken: expected, reason: 'removed' };
  return { ok: true, entries: expected - 1 };
}
