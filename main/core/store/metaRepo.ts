import type { Database } from './database';
import { prepared } from './statements';

/** Small facts about this installation (first-run flags, its id), one key each. */
export class MetaRepo {
  constructor(private readonly db: Database) {}

  get(key: string): string | undefined {
    const row = prepared(this.db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  set(key: string, value: string): void {
    prepared(this.db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** The value under `key`, created with `make()` the first time. */
  getOrCreate(key: string, make: () => string): string {
    const existing = this.get(key);
    if (existing !== undefined) return existing;
    const value = make();
    this.set(key, value);
    return value;
  }
}
