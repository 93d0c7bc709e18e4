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
 * Walks the entries in id order, a page at a time. Ids run 1, 2, 3… with no gap (AUTOINCREMENT
 * never reuses one), so a missing number is a removed entry; an entry whose hash or link does not
 * match was changed. `finish` takes the highest id ever issued (sqlite_sequence), which catches
 * removed entries at the end: they leave no gap.
 */
export class ChainWalk {
  private expected = 1;
  private prev = GENESIS;
  private broken: AuditVerify | undefined;

  /** The id after the last entry walked (where the next page starts). */
  get next(): number { return this.expected; }
  get failed(): boolean { return this.broken !== undefined; }

  step(rows: Iterable<AuditRow>): void {
    for (const row of rows) {
      if (this.broken) return;
      if (row.id !== this.expected) this.broken = { ok: false, firstBroken: this.expected, reason: 'removed' };
      else if (row.prev_hash !== this.prev || hashEntry(this.prev, row) !== row.hash) this.broken = { ok: false, firstBroken: row.id, reason: 'changed' };
      else {
        this.prev = row.hash;
        this.expected += 1;
      }
    }
  }

  finish(highestIssued: number): AuditVerify {
    if (this.broken) return this.broken;
    if (highestIssued >= this.expected) return { ok: false, firstBroken: this.expected, reason: 'removed' };
    return { ok: true, entries: this.expected - 1 };
  }
}
