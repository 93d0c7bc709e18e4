import type { DatabaseSync } from 'node:sqlite';

/**
 * One schema change (Signal's `ts/sql/migrations`): numbered, applied once, in order, inside a
 * transaction. A released migration is never edited; a change needs a new file.
 */
export interface Migration {
  version: number;
  /** What the change is for, in a few words (logged and shown in errors). */
  name: string;
  up(db: DatabaseSync): void;
}
