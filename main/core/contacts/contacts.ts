import { randomUUID } from 'node:crypto';
import {
  ContactDraftSchema, PREVIEW_SHOWN, type Contact, type ContactDraft, type Group, type ImportPreview, type RecentNumber,
  type RecipientSuggestion,
} from '../../../common/domain/contact';
import { readFaxNumber } from '../../../common/domain/recipients';
import { AppError } from '../../../common/ipc/result';
import type { CoreEvents } from '../events';
import { transaction, type Database } from '../store/database';
import type { CoreTasks } from '../workers/coreTasks';
import type { TaskRunner } from '../workers/taskProtocol';
import { contactKey, ContactsRepo, type ContactRecord } from './contactsRepo';
import { contactsToCsv, contactsToVcard } from './exportContacts';
import { nationalDigits, type ParsedRow } from './parsedContact';

export interface ContactsDeps {
  db: Database;
  tasks: TaskRunner<CoreTasks>;
  events: CoreEvents;
  /** The office's region (national numbers are read in it). */
  region: () => string | undefined;
  now?: () => Date;
}


const PREVIEWS_KEPT = 4;

/** The address book: contacts, groups, recent numbers, import (preview, then one transaction) and export. */
export class Contacts {
  readonly repo: ContactsRepo;
  private readonly previews = new Map<string, { fileName: string; rows: ParsedRow[] }>();

  constructor(private readonly deps: ContactsDeps) {
    this.repo = new ContactsRepo(deps.db);
  }

  private now = () => (this.deps.now?.() ?? new Date()).toISOString();
  private changed = () => this.deps.events.emit('contacts.changed', {});

  /** A draft checked: the number read in the office's region, refused in words next to the field. */
  private record(draft: ContactDraft, base?: ContactRecord): ContactRecord {
    const parsed = ContactDraftSchema.safeParse(draft);
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'name'), i.message]));
      throw AppError.of('invalid_input', Object.values(fields)[0], { fields, nextStep: 'Correct the contact and save again.' });
    }
    const check = readFaxNumber(parsed.data.faxNumber, this.deps.region());
    if (!check.ok) throw AppError.of('invalid_input', check.message, { fields: { faxNumber: check.message }, nextStep: 'Correct the number and save again.' });
    const now = this.now();
    return {
      id: base?.id ?? randomUUID(), name: parsed.data.name, organisation: parsed.data.organisation, faxNumber: check.e164,
      nationalDigits: nationalDigits(check.e164), notes: parsed.data.notes, favourite: parsed.data.favourite,
      createdAt: base?.createdAt ?? now, updatedAt: now,
    };
  }

  list(text: string | undefined, limit: number, offset: number): { total: number; contacts: Contact[] } {
    return this.repo.list(text, limit, offset);
  }

  add(draft: ContactDraft): Contact {
    const record = this.record(draft);
    this.repo.insert(record);
    this.changed();
    return this.repo.get(record.id)!;
  }

  /** Changes what the person changed; fields left out stay as they are (a favourite toggle sends only that). */
  update(id: string, change: Partial<ContactDraft>): Contact {
    const base = this.repo.record(id);
    if (!base) throw AppError.of('not_found', 'That contact no longer exists.', { nextStep: 'It may have been deleted.' });
    const record = this.record({
      name: base.name, organisation: base.organisation, faxNumber: base.faxNumber, notes: base.notes, favourite: base.favourite, ...change,
    }, base);
    this.repo.update(record);
    this.changed();
    return this.repo.get(id)!;
  }

  remove(id: string): boolean {
    const removed = this.repo.remove(id);
    if (removed) this.changed();
    return removed;
  }

  recents(limit = 20): RecentNumber[] {
    return this.repo.recents(limit);
  }

  /** Which of these numbers no real account has faxed before (compose asks before the first fax to each). */
  neverSent(numbers: readonly string[]): string[] {
    return this.repo.neverSent(numbers);
  }

  /**
   * The recipient field's list for what was typed: groups whose name matches, contacts (favourites,
   * then the most recently faxed, then by name), and numbers faxed before that no contact has.
   * With nothing typed: favourites and recent numbers.
   */
  search(text: string, limit: number): RecipientSuggestion[] {
    const trimmed = text.trim();
    const out: RecipientSuggestion[] = [];
    if (trimmed) {
      const lower = trimmed.toLowerCase();
      for (const group of this.repo.groups()) {
        if (group.name.toLowerCase().includes(lower)) out.push({ kind: 'group', group, members: this.repo.getMany(group.memberIds) });
      }
    }
    const contacts = trimmed ? this.repo.list(trimmed, limit, 0, false).contacts : this.repo.list(undefined, limit, 0, false).contacts.filter((c) => c.favourite);
    out.push(...contacts.map((contact) => ({ kind: 'contact' as const, contact })));
    const digits = trimmed.replace(/[\s()+.-]/g, '');
    if (!trimmed || /^\d+$/.test(digits)) {
      const known = new Set(contacts.map((c) => c.faxNumber));
      for (const recent of this.repo.recents(limit, digits || undefined)) {
        if (!known.has(recent.number)) out.push({ kind: 'recent', recent });
      }
    }
    return out.slice(0, limit);
  }

  groups(): Group[] {
    return this.repo.groups();
  }

  putGroup(id: string | undefined, name: string, memberIds: readonly string[]): Group {
    const base = id ? this.repo.group(id) : undefined;
    if (id && !base) throw AppError.of('not_found', 'That group no longer exists.');
    const existing = this.repo.existing(memberIds);
    const group: Group = { id: base?.id ?? randomUUID(), name, memberIds: [...new Set(memberIds)].filter((m) => existing.has(m)), createdAt: base?.createdAt ?? this.now() };
    transaction(this.deps.db, () => this.repo.putGroup(group));
    this.changed();
    return this.repo.group(group.id)!;
  }

  removeGroup(id: string): boolean {
    const removed = this.repo.removeGroup(id);
    if (removed) this.changed();
    return removed;
  }

  /**
   * Reads a file in the worker pool and answers what importing it would do; nothing is stored yet.
   * Rows already in the address book (same number and name) and repeats within the file are skipped.
   */
  async preview(fileName: string, bytes: Uint8Array): Promise<ImportPreview> {
    const parsed = await this.deps.tasks.run('contacts.parse', { bytes, fileName, region: this.deps.region() }, { timeoutMs: 60_000 });
    if (!parsed.ok) throw AppError.of('unsupported_file', `${fileName}: ${parsed.message}`, { nextStep: parsed.nextStep, action: { kind: 'none' } });
    const known = this.repo.keys();
    const seen = new Map<string, number>();
    const rows: ParsedRow[] = [];
    const skipped = [...parsed.skipped];
    for (const row of parsed.rows) {
      const key = contactKey(row.faxNumber, row.name);
      const first = seen.get(key);
      if (known.has(key)) skipped.push({ line: row.line, label: row.name || row.organisation, reason: 'Already in your contacts' });
      else if (first !== undefined) skipped.push({ line: row.line, label: row.name || row.organisation, reason: `Same name and number as row ${first}` });
      else { seen.set(key, row.line); rows.push(row); }
    }
    skipped.sort((a, b) => a.line - b.line);
    const previewId = randomUUID();
    this.previews.set(previewId, { fileName, rows });
    while (this.previews.size > PREVIEWS_KEPT) this.previews.delete(this.previews.keys().next().value!);
    return {
      previewId, fileName, format: parsed.format, notes: parsed.notes, rowCount: rows.length, skippedCount: skipped.length,
      rows: rows.slice(0, PREVIEW_SHOWN).map(({ nationalDigits: _digits, ...row }) => row), skipped: skipped.slice(0, PREVIEW_SHOWN),
    };
  }

  /** Imports exactly the rows a preview showed, in one transaction: all of them, or (on any failure) none. */
  commitImport(previewId: string): { imported: number } {
    const preview = this.previews.get(previewId);
    if (!preview) throw AppError.of('not_found', 'That import preview has expired.', { nextStep: 'Choose the file again.', action: { kind: 'none' } });
    const now = this.now();
    transaction(this.deps.db, () => {
      for (const row of preview.rows) {
        this.repo.insert({ id: randomUUID(), name: row.name, organisation: row.organisation, faxNumber: row.faxNumber, nationalDigits: row.nationalDigits,
          notes: row.notes, favourite: row.favourite, createdAt: now, updatedAt: now });
      }
    });
    this.previews.delete(previewId);
    this.changed();
    return { imported: preview.rows.length };
  }

  export(format: 'csv' | 'vcard'): { name: string; bytes: Uint8Array<ArrayBuffer> } {
    const day = this.now().slice(0, 10);
    const text = format === 'csv' ? contactsToCsv(this.repo.all(), this.repo.groups()) : contactsToVcard(this.repo.all());
    return { name: `Faxdesk contacts ${day}.${format === 'csv' ? 'csv' : 'vcf'}`, bytes: new Uint8Array(new TextEncoder().encode(text)) };
  }
}
