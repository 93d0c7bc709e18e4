import { CoverLayoutSchema, CoverSenderSchema, type CoverLogo, type CoverTemplate } from '../../../common/domain/cover';
import type { Database } from '../store/database';
import { prepared } from '../store/statements';

interface RawTemplate {
  id: string;
  name: string;
  layout_json: string;
  sender_json: string;
  logo_type: 'png' | 'jpeg' | null;
  logo: Uint8Array | null;
  updated_at: string;
}

const toTemplate = (raw: RawTemplate): CoverTemplate => ({
  id: raw.id,
  name: raw.name,
  builtIn: false,
  layout: CoverLayoutSchema.parse(JSON.parse(raw.layout_json)),
  sender: CoverSenderSchema.parse(JSON.parse(raw.sender_json)),
  ...(raw.logo && raw.logo_type ? { logo: { type: raw.logo_type, bytes: new Uint8Array(raw.logo) } } : {}),
  updatedAt: raw.updated_at,
});

/** Cover templates a person saved (table `cover_templates`, migration 007). */
export class CoverTemplatesRepo {
  constructor(private readonly db: Database) {}

  list(): CoverTemplate[] {
    return (prepared(this.db, 'SELECT * FROM cover_templates ORDER BY name COLLATE NOCASE, created_at').all() as unknown as RawTemplate[]).map(toTemplate);
  }

  get(id: string): CoverTemplate | undefined {
    const raw = prepared(this.db, 'SELECT * FROM cover_templates WHERE id = ?').get(id) as RawTemplate | undefined;
    return raw ? toTemplate(raw) : undefined;
  }

  upsert(template: Omit<CoverTemplate, 'builtIn' | 'updatedAt'>, now: string): void {
    const logo: CoverLogo | undefined = template.logo;
    prepared(this.db, `INSERT INTO cover_templates (id, name, layout_json, sender_json, logo_type, logo, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET name = excluded.name, layout_json = excluded.layout_json, sender_json = excluded.sender_json,
          logo_type = excluded.logo_type, logo = excluded.logo, updated_at = excluded.updated_at`)
      .run(template.id, template.name, JSON.stringify(template.layout), JSON.stringify(template.sender), logo?.type ?? null, logo?.bytes ?? null, now, now);
  }

  remove(id: string): boolean {
    return Number(prepared(this.db, 'DELETE FROM cover_templates WHERE id = ?').run(id).changes) > 0;
  }
}
