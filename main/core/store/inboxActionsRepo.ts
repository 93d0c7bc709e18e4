import type { Database } from './database';
import { prepared } from './statements';

interface FaxPartRow {
  fax_id: string;
  document_id: string;
  pages_json: string;
  name: string;
}

/** The SQL of the fax viewer's actions (issue 11): page turns, notes and tags, filing, deletion, split-off parts. */
export class InboxActionsRepo {
  constructor(private readonly db: Database) {}

  setRotations(id: string, rotations: Record<string, number>, now: string): void {
    prepared(this.db, 'UPDATE faxes SET rotations_json = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL').run(JSON.stringify(rotations), now, id);
  }

  /** Fields left undefined stay as they are. */
  annotate(id: string, change: { notes?: string; tags?: string[] }, now: string): void {
    prepared(this.db, `UPDATE faxes SET notes = COALESCE(?, notes), tags_json = COALESCE(?, tags_json), updated_at = ?
        WHERE id = ? AND deleted_at IS NULL`)
      .run(change.notes ?? null, change.tags ? JSON.stringify(change.tags) : null, now, id);
  }

  /** Tags in use (case variants counted as one), most used first. */
  tags(): Array<{ tag: string; count: number }> {
    return prepared(this.db, `SELECT MIN(tag.value) AS tag, COUNT(*) AS count FROM faxes, json_each(faxes.tags_json) AS tag
        WHERE faxes.deleted_at IS NULL AND faxes.tags_json != '[]' GROUP BY lower(tag.value) ORDER BY count DESC, lower(tag.value) ASC`)
      .all() as Array<{ tag: string; count: number }>;
  }

  /** Out of the inbox (or back), kept in history and found by a search of archived faxes. */
  setArchived(ids: readonly string[], archived: boolean, now: string): string[] {
    const changed: string[] = [];
    for (const id of ids) {
      const result = prepared(this.db, `UPDATE faxes SET archived = ?, archived_at = ?, updated_at = ?
          WHERE id = ? AND deleted_at IS NULL AND archived != ?`).run(archived ? 1 : 0, archived ? now : null, now, id, archived ? 1 : 0);
      if (Number(result.changes) > 0) changed.push(id);
    }
    return changed;
  }

  markDeleted(id: string, now: string): void {
    prepared(this.db, 'UPDATE faxes SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
  }

  setFiled(id: string, patientId: string, filedTo: string, now: string): void {
    prepared(this.db, 'UPDATE faxes SET filed_patient_id = ?, filed_to = ?, updated_at = ? WHERE id = ?').run(patientId, filedTo, now, id);
  }

  /** The patient the latest earlier fax from this number (same account) was filed to from here. */
  lastFiledFrom(accountId: string, fromNumber: string, exceptId: string): { patientId: string; filedTo: string | null } | undefined {
    const row = prepared(this.db, `SELECT filed_patient_id AS patientId, filed_to AS filedTo FROM faxes
        WHERE account_id = ? AND from_number = ? AND filed_patient_id IS NOT NULL AND id != ?
        ORDER BY created_at DESC LIMIT 1`).get(accountId, fromNumber, exceptId) as { patientId: string; filedTo: string | null } | undefined;
    return row;
  }

  addPart(faxId: string, documentId: string, pages: readonly number[], now: string): void {
    prepared(this.db, 'INSERT INTO fax_parts (fax_id, document_id, pages_json, created_at) VALUES (?, ?, ?, ?)').run(faxId, documentId, JSON.stringify(pages), now);
  }

  /** The split-off parts of these faxes, oldest first, with each document's name. */
  partsOf(faxIds: readonly string[]): Map<string, Array<{ documentId: string; name: string; pages: number[] }>> {
    const parts = new Map<string, Array<{ documentId: string; name: string; pages: number[] }>>();
    if (faxIds.length === 0) return parts;
    // One query for a page of the list; json_each keeps the statement the same whatever the count.
    const rows = prepared(this.db, `SELECT fax_parts.fax_id, fax_parts.document_id, fax_parts.pages_json, documents.name FROM fax_parts
        JOIN documents ON documents.id = fax_parts.document_id
        WHERE fax_parts.fax_id IN (SELECT value FROM json_each(?)) ORDER BY fax_parts.created_at, fax_parts.document_id`)
      .all(JSON.stringify(faxIds)) as unknown as FaxPartRow[];
    for (const row of rows) {
      const list = parts.get(row.fax_id) ?? [];
      list.push({ documentId: row.document_id, name: row.name, pages: JSON.parse(row.pages_json) as number[] });
      parts.set(row.fax_id, list);
    }
    return parts;
  }
}
