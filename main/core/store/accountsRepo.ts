import { AccountSettingsSchema, type AccountSettings } from '../../../common/domain/account';
import type { Database } from './database';
import { prepared } from './statements';

export interface AccountRow {
  id: string;
  name: string;
  settings: AccountSettings;
  demo: boolean;
  createdAt: string;
  updatedAt: string;
}

interface RawAccount {
  id: string;
  name: string;
  settings_json: string;
  demo: number;
  created_at: string;
  updated_at: string;
}

const toRow = (raw: RawAccount): AccountRow => ({
  id: raw.id,
  name: raw.name,
  settings: AccountSettingsSchema.parse(JSON.parse(raw.settings_json)),
  demo: raw.demo === 1,
  createdAt: raw.created_at,
  updatedAt: raw.updated_at,
});

/** Non-secret account settings. Secrets never come near this table. */
export class AccountsRepo {
  constructor(private readonly db: Database) {}

  list(): AccountRow[] {
    const rows = prepared(this.db, 'SELECT * FROM accounts ORDER BY demo ASC, created_at ASC').all() as unknown as RawAccount[];
    return rows.map(toRow);
  }

  get(id: string): AccountRow | undefined {
    const raw = prepared(this.db, 'SELECT * FROM accounts WHERE id = ?').get(id) as RawAccount | undefined;
    return raw ? toRow(raw) : undefined;
  }

  insert(row: AccountRow): void {
    prepared(this.db, 'INSERT INTO accounts (id, name, provider, settings_json, demo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(row.id, row.name, row.settings.provider, JSON.stringify(row.settings), row.demo ? 1 : 0, row.createdAt, row.updatedAt);
  }

  update(id: string, name: string, settings: AccountSettings, updatedAt: string): void {
    prepared(this.db, 'UPDATE accounts SET name = ?, provider = ?, settings_json = ?, updated_at = ? WHERE id = ?')
      .run(name, settings.provider, JSON.stringify(settings), updatedAt, id);
  }

  remove(id: string): boolean {
    return Number(prepared(this.db, 'DELETE FROM accounts WHERE id = ?').run(id).changes) > 0;
  }
}
