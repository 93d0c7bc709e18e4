import { randomUUID } from 'node:crypto';
import { DraftContentSchema, type Draft, type DraftContentInput, type DraftList, type DraftSummary } from '../../../common/domain/draft';
import { AppError } from '../../../common/ipc/result';
import type { Accounts } from '../accounts/accounts';
import { describeError } from '../describeError';
import type { DocumentStore } from '../documents/documentStore';
import { toInfo } from '../documents/documentStore';
import type { CoreEvents } from '../events';
import type { JobRunner } from '../jobs/jobRunner';
import type { Logger } from '../log';
import type { ServerDraft } from '../providers/faxProvider';
import type { Database } from '../store/database';
import type { DraftRow, DraftsRepo } from '../store/draftsRepo';
import { DraftMirror } from './draftMirror';
import { importServerDraft } from './serverDraftImport';

export interface DraftsDeps {
  db: Database;
  repo: DraftsRepo;
  documents: DocumentStore;
  accounts: Accounts;
  runner: JobRunner;
  events: CoreEvents;
  log: Logger;
  /** A folder for downloads on their way into the document store. */
  incomingFolder: string;
  /** Server drafts a fax waiting in the Outbox will be sent as (send later): not offered as drafts. */
  reservedServerDrafts?(): Set<string>;
}

/** How long the Drafts list waits for a server's drafts before showing the others without them. */
const SERVER_LIST_TIMEOUT_MS = 8_000;
/** A server draft not opened yet is named `welkin:<account>:<draft>` until it is. */
const SERVER_PREFIX = 'welkin:';

/**
 * Drafts that survive: compose autosaves here as the person types; a Welkin account's draft is
 * mirrored to Welkin's own draft workflow (DraftMirror), and Welkin's server drafts are listed and
 * can be opened, finished and sent, or deleted.
 */
export class Drafts {
  readonly mirror: DraftMirror;

  constructor(private readonly deps: DraftsDeps) {
    this.mirror = new DraftMirror(deps);
  }

  private changed = () => this.deps.events.emit('drafts.changed', {});

  /** Saves the whole of compose (a new draft without `id`); answers the draft's id. */
  save(id: string | undefined, input: DraftContentInput): { id: string; updatedAt: string } {
    const parsed = DraftContentSchema.safeParse(input);
    if (!parsed.success) throw AppError.of('invalid_input', `The draft could not be saved: ${parsed.error.issues[0]?.message ?? 'it is not valid'}.`);
    const content = parsed.data;
    // Documents the core no longer holds (removed meanwhile) are dropped, never stored as dangling ids.
    const held = (documentId: string) => { try { this.deps.documents.get(documentId); return true; } catch { return false; } };
    content.documentIds = content.documentIds.filter(held);
    content.parts = content.parts.filter((part) => content.documentIds.includes(part.documentId));
    if (content.accountId && !this.deps.accounts.exists(content.accountId)) content.accountId = null;
    const before = id ? this.deps.repo.get(id) : undefined;
    const row = this.deps.repo.put(before?.id ?? id ?? randomUUID(), content, new Date().toISOString());
    this.mirror.afterSave(before, row);
    this.changed();
    return { id: row.id, updatedAt: row.updatedAt };
  }

  /** Faxdesk's drafts, newest first, then Welkin's server drafts that Faxdesk has not opened. */
  async list(): Promise<DraftList> {
    const rows = this.deps.repo.list();
    const drafts = rows.map((row) => this.summaryOf(row));
    const problems: DraftList['problems'] = [];
    const accounts = (await this.deps.accounts.list()).filter((account) => account.capabilities.includes('serverDrafts'));
    await Promise.all(accounts.map(async (account) => {
      try {
        const provider = await this.deps.accounts.providerFor(account.id);
        const server = await provider.drafts?.list(AbortSignal.timeout(SERVER_LIST_TIMEOUT_MS)) ?? [];
        const mirrored = new Set([...rows.filter((row) => row.accountId === account.id && row.remoteId).map((row) => row.remoteId), ...(this.deps.reservedServerDrafts?.() ?? [])]);
        for (const draft of server) if (!mirrored.has(draft.id)) drafts.push(serverSummary(account.id, draft));
      } catch (error) {
        problems.push({ accountId: account.id, message: describeError(error, { accountId: account.id }).message });
      }
    }));
    drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return { drafts, problems };
  }

  /** A draft for compose: Faxdesk's own, or a server draft brought in (its files downloaded) first. */
  async open(id: string): Promise<Draft> {
    const server = parseServerId(id);
    const row = server ? await this.importServer(server.accountId, server.remoteId) : this.deps.repo.get(id);
    if (!row) throw AppError.of('not_found', 'This draft is no longer there.', { nextStep: 'It was sent or discarded, perhaps in another window.' });
    const documents = row.content.documentIds.flatMap((documentId) => {
      try { return [toInfo(this.deps.documents.get(documentId))]; } catch { return []; }
    });
    return { id: row.id, content: row.content, documents, updatedAt: row.updatedAt, onServer: row.remoteId !== undefined };
  }

  /** Discards a draft: its server copy too, and its documents once nothing else uses them. */
  async remove(id: string): Promise<boolean> {
    const server = parseServerId(id);
    if (server) {
      const provider = await this.deps.accounts.providerFor(server.accountId);
      await provider.drafts?.remove(server.remoteId);
      this.changed();
      return true;
    }
    const row = this.deps.repo.get(id);
    if (!row || !this.deps.repo.remove(id)) return false;
    this.mirror.forget(row);
    for (const documentId of row.content.documentIds) await this.deps.documents.remove(documentId);
    this.changed();
    return true;
  }

  /**
   * A send finishing this draft (inside the send's transaction): the draft leaves Drafts, and the
   * Welkin draft mirroring it (when it is the send's account's) is what the first fax is sent as.
   */
  finishForSend(id: string, accountId: string): { remoteDraftId?: string } {
    const row = this.deps.repo.get(id);
    if (!row) return {};
    this.deps.repo.remove(id);
    this.mirror.stop(row.id);
    queueMicrotask(this.changed);
    return row.remoteId && row.accountId === accountId ? { remoteDraftId: row.remoteId } : {};
  }

  private async importServer(accountId: string, remoteId: string): Promise<DraftRow | undefined> {
    const existing = this.deps.repo.byRemote(accountId, remoteId);
    if (existing) return existing;
    const row = await importServerDraft(this.deps, accountId, remoteId);
    this.changed();
    return row;
  }

  private summaryOf(row: DraftRow): DraftSummary {
    const { content } = row;
    const names = content.documentIds.flatMap((documentId) => {
      try { return [this.deps.documents.get(documentId)]; } catch { return []; }
    });
    const pages = content.parts.length;
    return {
      id: row.id, origin: 'faxdesk', accountId: row.accountId,
      to: [...content.recipients.map((r) => r.name ?? r.display), ...(content.numberText.trim() ? [content.numberText.trim()] : [])],
      subject: content.cover.fields.subject, documentNames: names.map((doc) => doc.name), pages,
      ...(content.patient ? { patientName: content.patient.name } : {}),
      updatedAt: row.updatedAt, onServer: row.remoteId !== undefined,
    };
  }
}

function serverSummary(accountId: string, draft: ServerDraft): DraftSummary {
  return {
    id: `${SERVER_PREFIX}${accountId}:${draft.id}`, origin: 'welkin', accountId, to: draft.to ? [draft.to] : [], subject: draft.subject ?? '',
    documentNames: draft.files.map((file) => file.name), pages: 0, updatedAt: draft.updatedAt, onServer: true,
  };
}

function parseServerId(id: string): { accountId: string; remoteId: string } | undefined {
  if (!id.startsWith(SERVER_PREFIX)) return undefined;
  const [accountId, remoteId] = id.slice(SERVER_PREFIX.length).split(':');
  return accountId && remoteId ? { accountId, remoteId } : undefined;
}
