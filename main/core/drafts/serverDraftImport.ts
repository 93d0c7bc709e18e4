import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DraftContentSchema, type DraftPart } from '../../../common/domain/draft';
import type { DocumentInfo } from '../../../common/domain/document';
import { checkFaxNumber } from '../../../common/domain/phone';
import { AppError } from '../../../common/ipc/result';
import type { Accounts } from '../accounts/accounts';
import type { DocumentStore } from '../documents/documentStore';
import type { Logger } from '../log';
import type { DraftRow, DraftsRepo } from '../store/draftsRepo';

export interface ImportDeps {
  repo: DraftsRepo;
  documents: DocumentStore;
  accounts: Accounts;
  log: Logger;
  incomingFolder: string;
}

/** Every page of a document, in order; a file the service converts itself is one piece. */
export function partsOf(info: DocumentInfo): DraftPart[] {
  if (info.sentAs === 'original') return [{ kind: 'original', documentId: info.id }];
  return Array.from({ length: info.pages ?? 0 }, (_v, page) => ({ kind: 'page' as const, documentId: info.id, page, rotation: 0 as const }));
}

/**
 * Brings a Welkin server draft into Faxdesk: its files are downloaded into the document store (and
 * normalised like any file a person adds), its receiver, subject and patient read, and a local
 * draft made that mirrors it from then on. A file that cannot be read stops the import: nothing half-made is kept.
 */
export async function importServerDraft(deps: ImportDeps, accountId: string, remoteId: string): Promise<DraftRow> {
  const provider = await deps.accounts.providerFor(accountId);
  const draft = await provider.drafts?.get(remoteId);
  if (!provider.drafts || !draft) throw AppError.of('not_found', 'This draft is no longer on the server.', { nextStep: 'It was sent or deleted there; refresh Drafts.' });
  const added: DocumentInfo[] = [];
  const remoteFiles: Record<string, string> = {};
  try {
    for (const file of draft.files) {
      const download = await provider.drafts.download(remoteId, file.id);
      const path = join(deps.incomingFolder, randomUUID());
      try {
        await pipeline(Readable.fromWeb(download.body as WebReadableStream<Uint8Array>), createWriteStream(path, { flags: 'wx' }));
        const info = await deps.documents.addFile(path, file.name, { move: true });
        added.push(info);
        remoteFiles[info.id] = file.id;
      } finally {
        await rm(path, { force: true });
      }
    }
  } catch (error) {
    for (const info of added) await deps.documents.remove(info.id);
    throw error;
  }
  const number = draft.to ? checkFaxNumber(draft.to) : undefined;
  const patient = draft.patientId ? await patientOf(provider, draft.patientId, deps.log) : null;
  const content = DraftContentSchema.parse({
    accountId,
    recipients: number?.ok ? [{ e164: number.e164, display: number.display }] : [],
    numberText: number && !number.ok ? draft.to : '',
    documentIds: added.map((info) => info.id),
    parts: added.flatMap(partsOf),
    cover: { fields: { subject: draft.subject ?? '' } },
    patient,
  });
  const row = deps.repo.put(randomUUID(), content, new Date().toISOString(), { remoteId, remoteFiles });
  deps.repo.setRemote(row.id, { remoteId, remoteFiles, syncedVersion: row.version });
  return deps.repo.get(row.id)!;
}

/** The patient's name for the picker; an id Welkin no longer knows is kept and shown as such. */
async function patientOf(provider: { getPatient?(id: string): Promise<{ id: string; firstName?: string; lastName?: string; birthDate?: string; mrn?: string }> }, id: string, log: Logger) {
  try {
    const found = await provider.getPatient?.(id);
    if (found) {
      const name = [found.firstName, found.lastName].filter(Boolean).join(' ') || `Patient ${id.slice(0, 8)}`;
      return { id, name, ...(found.birthDate ? { birthDate: found.birthDate } : {}), ...(found.mrn ? { mrn: found.mrn } : {}) };
    }
  } catch (error) {
    log.warn('patient of a server draft could not be read', { error });
  }
  return { id, name: `Patient ${id.slice(0, 8)}` };
}
