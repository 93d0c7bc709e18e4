import type { DownloadedFile, OutgoingDocument, ServerDraft, ServerDraftFields, ServerDrafts } from '../faxProvider';
import { ProviderError } from '../providerError';
import type { WelkinClient } from './welkinClient';
import { toRemoteDirection, toRemoteStatus } from './welkinMapper';
import type { WelkinFax } from './welkinSchemas';

/** How many list pages a look for drafts reads (newest first): drafts older than that are not shown. */
const DRAFT_SCAN_PAGES = 5;
const DRAFT_SCAN_SIZE = 100;

const isOutgoingDraft = (fax: WelkinFax) => {
  const direction = toRemoteDirection(fax.direction);
  return direction === 'outbound' && toRemoteStatus(fax.status, direction) === 'draft';
};

function toServerDraft(fax: WelkinFax): ServerDraft {
  return {
    id: fax.id,
    ...(fax.receiverFaxNumber ? { to: fax.receiverFaxNumber } : {}),
    ...(fax.subject ? { subject: fax.subject } : {}),
    ...(fax.patientId ? { patientId: fax.patientId } : {}),
    files: (fax.files ?? []).map((file) => ({ id: file.id, name: file.originalName ?? 'document', ...(file.size != null ? { sizeBytes: file.size } : {}) })),
    updatedAt: fax.updatedAt ?? fax.createdAt ?? new Date(0).toISOString(),
  };
}

/** Only what was given is sent: Welkin's updates are partial, and an absent field stays as it is. */
function patchOf(fields: ServerDraftFields) {
  return {
    ...(fields.to !== undefined ? { receiverFaxNumber: fields.to } : {}),
    ...(fields.subject !== undefined ? { subject: fields.subject } : {}),
    ...(fields.patientId !== undefined ? { patientId: fields.patientId } : {}),
  };
}

const isGone = (error: unknown) => error instanceof ProviderError && error.code === 'not_found';

/** Welkin's draft workflow (reference §4.3–4.11): create, update, upload, delete a file, read, list, delete. */
export class WelkinDrafts implements ServerDrafts {
  constructor(private readonly client: WelkinClient) {}

  async create(fields: ServerDraftFields, signal?: AbortSignal): Promise<ServerDraft> {
    const draft = await this.client.createDraft(patchOf(fields), signal);
    return toServerDraft(draft);
  }

  async update(id: string, fields: ServerDraftFields, signal?: AbortSignal): Promise<ServerDraft> {
    return toServerDraft(await this.client.updateFax(id, patchOf(fields), signal));
  }

  /** One file per upload, so the new file's id is the one not there before. */
  async attach(id: string, document: OutgoingDocument, signal?: AbortSignal): Promise<string> {
    const before = await this.client.getFax(id, signal);
    const known = new Set((before.files ?? []).map((file) => file.id));
    const result = await this.client.uploadFiles(id, [document], before.files ?? [], signal);
    const added = result.files.find((file) => !known.has(file.id));
    if (!added) throw new ProviderError({ code: 'provider_unavailable', message: `Welkin did not answer with the file uploaded to draft ${id}.`, provider: 'welkin', retryable: false });
    return added.id;
  }

  async detach(id: string, fileId: string, signal?: AbortSignal): Promise<void> {
    await this.client.deleteFile(id, fileId, signal).catch((error: unknown) => { if (!isGone(error)) throw error; });
  }

  async get(id: string, signal?: AbortSignal): Promise<ServerDraft | undefined> {
    try {
      const fax = await this.client.getFax(id, signal);
      return isOutgoingDraft(fax) ? toServerDraft(fax) : undefined;
    } catch (error) {
      if (isGone(error)) return undefined;
      throw error;
    }
  }

  /** Welkin's list has no status filter (reference §4.1): the newest pages are read and the drafts kept. */
  async list(signal?: AbortSignal): Promise<ServerDraft[]> {
    const drafts: ServerDraft[] = [];
    for (let page = 0; page < DRAFT_SCAN_PAGES; page++) {
      const result = await this.client.listFaxes({ page, size: DRAFT_SCAN_SIZE, sort: 'createdAt', direction: 'DESC' }, signal);
      drafts.push(...result.items.filter(isOutgoingDraft).map(toServerDraft));
      if (result.last || result.items.length === 0) break;
    }
    return drafts;
  }

  download(id: string, fileId: string, signal?: AbortSignal): Promise<DownloadedFile> {
    return this.client.downloadFile(id, fileId, signal);
  }

  async remove(id: string, signal?: AbortSignal): Promise<void> {
    await this.client.deleteFax(id, signal).catch((error: unknown) => { if (!isGone(error)) throw error; });
  }
}
