import { cleanTags } from '../../../common/domain/tags';
import { rm } from 'node:fs/promises';
import type { Patient } from '../../../common/domain/patient';
import { AppError } from '../../../common/ipc/result';
import type { Accounts } from '../accounts/accounts';
import { describeError } from '../describeError';
import type { JobRunner } from '../jobs/jobRunner';
import type { Logger } from '../log';
import { ProviderError } from '../providers/providerError';
import type { InboxActionsRepo } from '../store/inboxActionsRepo';
import type { InboxRow, InboxRepo } from '../store/inboxRepo';
import { DOWNLOAD_DOCUMENT, documentPath } from './documentDownload';

export interface InboxActionDeps {
  repo: InboxRepo;
  actions: InboxActionsRepo;
  accounts: Accounts;
  runner: JobRunner;
  log: Logger;
  /** `<data folder>/inbox`, where downloaded documents are. */
  folder: string;
  changed(ids: readonly string[]): void;
}

const GONE = 'That fax is no longer in the inbox.';
/** Between the patient's name and the document type in `filed_to`; read back by suggestPatient. */
const FILED_SEPARATOR = ' — ';

/** A stored fax still in the inbox, or not_found. */
export function faxOrThrow(repo: InboxRepo, id: string): InboxRow {
  const row = repo.get(id);
  if (!row) throw AppError.of('not_found', GONE);
  return row;
}


/**
 * What the fax viewer does to a received fax (issue 11), besides its files (inboxFiles.ts): page
 * turns, notes and tags, deletion at the provider, filing to a Welkin patient.
 */
export class InboxActions {
  constructor(private readonly deps: InboxActionDeps) {}

  /** The viewer's page turns; pages past the end of a document whose length is known are refused. */
  setRotation(id: string, rotations: Record<string, number>): void {
    const row = faxOrThrow(this.deps.repo, id);
    const pages = row.document_pages ?? row.pages;
    const kept: Record<string, number> = {};
    for (const [page, degrees] of Object.entries(rotations)) {
      if (pages !== null && Number(page) >= pages) {
        throw AppError.of('invalid_input', `This fax has ${pages} ${pages === 1 ? 'page' : 'pages'}; page ${Number(page) + 1} cannot be turned.`);
      }
      if (degrees % 360 !== 0) kept[String(Number(page))] = degrees % 360;
    }
    this.deps.actions.setRotations(id, kept, new Date().toISOString());
    this.deps.changed([id]);
  }

  annotate(id: string, change: { notes?: string; tags?: string[] }): void {
    faxOrThrow(this.deps.repo, id);
    this.deps.actions.annotate(id, {
      ...(change.notes !== undefined ? { notes: change.notes.trim() } : {}),
      ...(change.tags !== undefined ? { tags: cleanTags(change.tags) } : {}),
    }, new Date().toISOString());
    this.deps.changed([id]);
  }

  tags(): Array<{ tag: string; count: number }> {
    return this.deps.actions.tags();
  }

  /** Archive instead of delete, for offices that must keep records: local only, undone with `archived: false`. */
  archive(ids: readonly string[], archived: boolean): void {
    const changed = this.deps.actions.setArchived(ids, archived, new Date().toISOString());
    if (changed.length > 0) this.deps.changed(changed);
  }

  /**
   * Deletes the fax at its provider (Welkin: the fax; Sinch: its document), then hides it here
   * and drops the downloaded copy. A refusal changes nothing; a fax the provider no longer has is
   * as good as deleted.
   */
  async delete(id: string): Promise<void> {
    const row = faxOrThrow(this.deps.repo, id);
    const capabilities = this.deps.accounts.capabilitiesOf(row.account_id);
    const provider = await this.deps.accounts.providerFor(row.account_id);
    try {
      if (capabilities.includes('deleteFax')) await provider.deleteFax!(row.provider_id);
      else if (capabilities.includes('deleteContentOnly')) await provider.deleteContent!(row.provider_id);
      else throw AppError.of('invalid_input', 'This account’s fax service cannot delete faxes.');
    } catch (error) {
      if (!(error instanceof ProviderError && error.code === 'not_found')) {
        throw new AppError(describeError(error, { accountId: row.account_id }));
      }
    }
    this.deps.actions.markDeleted(id, new Date().toISOString());
    this.deps.runner.cancelPending(`${DOWNLOAD_DOCUMENT}:${id}`);
    const path = documentPath(this.deps.folder, id);
    await Promise.all([rm(path, { force: true }), rm(`${path}.part`, { force: true })]);
    this.deps.changed([id]);
  }

  /** The document types a Welkin account files received faxes as ({ id, name } as a person reads it). */
  async documentTypes(accountId: string): Promise<Array<{ id: string; name: string }>> {
    this.requireFiling(accountId);
    const provider = await this.deps.accounts.providerFor(accountId);
    try {
      return (await provider.listDocumentTypes!()).map((type) => ({ id: type.id, name: type.title }));
    } catch (error) {
      throw new AppError(describeError(error, { accountId }));
    }
  }

  /** Files a received fax to a patient's chart as a document type; nothing changes here unless Welkin took it. */
  async fileToPatient(id: string, patient: Patient, documentTypeId: string): Promise<void> {
    const row = faxOrThrow(this.deps.repo, id);
    if (row.direction !== 'inbound') throw AppError.of('invalid_input', 'Only a received fax can be filed to a patient.');
    this.requireFiling(row.account_id);
    const types = await this.documentTypes(row.account_id);
    const type = types.find((candidate) => candidate.id === documentTypeId);
    if (!type) throw AppError.of('not_found', 'That document type is no longer in Welkin.', { nextStep: 'Choose another document type.' });
    const provider = await this.deps.accounts.providerFor(row.account_id);
    try {
      await provider.assignToPatient!(row.provider_id, { patientId: patient.id, documentTypeId });
    } catch (error) {
      throw filingError(error, row.account_id);
    }
    this.deps.actions.setFiled(id, patient.id, `${patient.name}${FILED_SEPARATOR}${type.name}`, new Date().toISOString());
    this.deps.changed([id]);
  }

  /** The patient the latest earlier fax from the same number was filed to from this computer, or null. */
  suggestPatient(id: string): Patient | null {
    const row = faxOrThrow(this.deps.repo, id);
    if (!row.from_number) return null;
    const earlier = this.deps.actions.lastFiledFrom(row.account_id, row.from_number, row.id);
    if (!earlier) return null;
    const name = earlier.filedTo?.split(FILED_SEPARATOR)[0]?.trim();
    return { id: earlier.patientId, name: name || earlier.patientId };
  }

  private requireFiling(accountId: string): void {
    if (!this.deps.accounts.capabilitiesOf(accountId).includes('assignToPatient')) {
      throw AppError.of('invalid_input', 'This account cannot file faxes to patients.');
    }
  }
}

/** Welkin's 404s say which part is gone; each gets words a person can act on. */
function filingError(error: unknown, accountId: string): AppError {
  if (error instanceof ProviderError && error.code === 'not_found') {
    if (error.providerCode === 'PATIENT_NOT_FOUND') {
      return AppError.of('not_found', 'That patient is no longer in Welkin.', { nextStep: 'Search for the patient again, or choose another.' });
    }
    if (error.providerCode === 'DOCUMENT_TYPE_NOT_FOUND') {
      return AppError.of('not_found', 'That document type is no longer in Welkin.', { nextStep: 'Choose another document type.' });
    }
    return AppError.of('not_found', 'This fax is no longer in Welkin.', { nextStep: 'Refresh the inbox.' });
  }
  return new AppError(describeError(error, { accountId }));
}
