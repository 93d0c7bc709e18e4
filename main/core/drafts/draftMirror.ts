import { readFaxNumber } from '../../../common/domain/recipients';
import type { Accounts } from '../accounts/accounts';
import type { DocumentStore } from '../documents/documentStore';
import { PermanentJobError, type JobContext, type JobResult, type JobRunner } from '../jobs/jobRunner';
import type { Logger } from '../log';
import { ProviderError } from '../providers/providerError';
import type { ServerDraftFields, ServerDrafts } from '../providers/faxProvider';
import type { DraftRow, DraftsRepo } from '../store/draftsRepo';

export const SYNC_DRAFT = 'draft.sync';
export const REMOVE_SERVER_DRAFT = 'draft.removeServer';
/** Saves come as the person types: the mirror waits for a pause before it talks to Welkin. */
const SETTLE_MS = 1_500;

interface SyncPayload { draftId: string }
interface RemovePayload { accountId: string; remoteId: string }

export interface DraftMirrorDeps {
  repo: DraftsRepo;
  documents: DocumentStore;
  accounts: Accounts;
  runner: JobRunner;
  log: Logger;
}

const syncKey = (draftId: string) => `${SYNC_DRAFT}:${draftId}`;
const queueOf = (accountId: string) => `drafts:${accountId}`;

/**
 * Keeps a Welkin account's draft as a Welkin draft (the draft workflow, reference §4.3–4.7):
 * created, its receiver, subject and patient updated, its documents uploaded and removed ones
 * deleted, on the job runner (durable, retried while Welkin cannot be reached). Compose never
 * waits for it: the local draft is the person's, the server copy follows.
 */
export class DraftMirror {
  constructor(private readonly deps: DraftMirrorDeps) {
    deps.runner.register<SyncPayload>(SYNC_DRAFT, (context) => this.sync(context));
    deps.runner.register<RemovePayload>(REMOVE_SERVER_DRAFT, (context) => this.removeServer(context.payload, context.signal));
  }

  /** After a save: follow the draft on Welkin, or let go of the server copy when the account changed. */
  afterSave(before: DraftRow | undefined, row: DraftRow): void {
    if (before?.remoteId && before.accountId && before.accountId !== row.accountId) {
      this.removeLater(before.accountId, before.remoteId);
      this.deps.repo.setRemote(row.id, { remoteId: null, remoteFiles: {}, syncedVersion: 0 });
    }
    if (!row.accountId || !this.hasServerDrafts(row.accountId)) return;
    this.deps.runner.enqueue({ kind: SYNC_DRAFT, queue: queueOf(row.accountId), key: syncKey(row.id), payload: { draftId: row.id }, runAt: Date.now() + SETTLE_MS, maxAttempts: 50 });
  }

  /** A discarded draft: its server copy goes too. */
  forget(row: DraftRow): void {
    this.stop(row.id);
    if (row.remoteId && row.accountId) this.removeLater(row.accountId, row.remoteId);
  }

  /** No more mirroring for this draft (it is being sent, or was discarded). */
  stop(draftId: string): void {
    this.deps.runner.cancelPending(syncKey(draftId));
  }

  private hasServerDrafts(accountId: string): boolean {
    return this.deps.accounts.exists(accountId) && this.deps.accounts.capabilitiesOf(accountId).includes('serverDrafts');
  }

  private removeLater(accountId: string, remoteId: string): void {
    this.deps.runner.enqueue({ kind: REMOVE_SERVER_DRAFT, queue: queueOf(accountId), key: `${REMOVE_SERVER_DRAFT}:${remoteId}`, payload: { accountId, remoteId }, maxAttempts: 20 });
  }

  private async removeServer({ accountId, remoteId }: RemovePayload, signal: AbortSignal): Promise<void> {
    if (!this.deps.accounts.exists(accountId)) return;
    const drafts = await this.serverDrafts(accountId);
    await drafts.remove(remoteId, signal);
  }

  private async serverDrafts(accountId: string): Promise<ServerDrafts> {
    const drafts = (await this.deps.accounts.providerFor(accountId)).drafts;
    if (!drafts) throw new PermanentJobError('The account keeps no drafts on its server.');
    return drafts;
  }

  private async sync({ payload, signal }: JobContext<SyncPayload>): Promise<JobResult> {
    const row = this.deps.repo.get(payload.draftId);
    if (!row?.accountId || row.syncedVersion === row.version || !this.hasServerDrafts(row.accountId)) return;
    const drafts = await this.serverDrafts(row.accountId);
    const fields = fieldsOf(row);
    let remoteId = row.remoteId;
    let remoteFiles = { ...row.remoteFiles };
    const keep = (syncedVersion = row.syncedVersion) => this.deps.repo.setRemote(row.id, { remoteId: remoteId ?? null, remoteFiles, syncedVersion });
    try {
      if (remoteId && !(await drafts.get(remoteId, signal))) {
        // Deleted or sent on Welkin's side: the person's draft is still here, so it is made again.
        remoteId = undefined;
        remoteFiles = {};
      }
      if (remoteId) {
        await drafts.update(remoteId, fields, signal);
      } else {
        remoteId = (await drafts.create(fields, signal)).id;
        keep(); // kept at once: a crash after this must not make a second draft
      }
      const wanted = new Set(row.content.documentIds);
      for (const [documentId, fileId] of Object.entries(remoteFiles)) {
        if (wanted.has(documentId)) continue;
        await drafts.detach(remoteId, fileId, signal);
        delete remoteFiles[documentId];
        keep();
      }
      for (const documentId of wanted) {
        if (remoteFiles[documentId]) continue;
        remoteFiles[documentId] = await drafts.attach(remoteId, this.deps.documents.toOutgoing(documentId), signal);
        keep();
      }
    } catch (error) {
      // Welkin refusing the draft (too many files, a bad number) is not retried; the local draft stays whole.
      if (error instanceof ProviderError && !error.retryable) {
        this.deps.log.warn('draft could not be mirrored on the server', { draftId: row.id, code: error.code });
        return;
      }
      throw error;
    }
    keep(row.version);
    // A save that came in meanwhile is mirrored next.
    const now = this.deps.repo.get(row.id);
    if (now && now.version !== row.version) return { runAgainAt: Date.now() + SETTLE_MS };
  }
}

/** What Welkin keeps of a draft: one receiver (the first recipient, or a whole number still in the field), the subject, the patient. */
function fieldsOf(row: DraftRow): ServerDraftFields {
  const { content } = row;
  const subject = content.cover.fields.subject.trim();
  const typed = readFaxNumber(content.numberText);
  const to = content.recipients[0]?.e164 ?? (typed.ok ? typed.e164 : undefined);
  return {
    ...(to ? { to } : {}),
    ...(subject ? { subject } : {}),
    ...(content.patient ? { patientId: content.patient.id } : {}),
  };
}
