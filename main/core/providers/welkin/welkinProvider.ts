import { E164_PATTERN } from '../../../../common/domain/phone';
import type {
  Capability, DocumentType, DownloadedFile, FaxPage, FullFaxProvider, ListedEntry, ListedPage, ListFaxesQuery, Patient, RemoteFax, SendFaxInput,
} from '../faxProvider';
import { ProviderError } from '../providerError';
import { WelkinClient, type WelkinClientOptions } from './welkinClient';
import { invalidInput } from './welkinErrors';
import { toDocumentType, toFaxPage, toPatient, toRemoteDirection, toRemoteFax } from './welkinMapper';
import { WelkinFaxSchema, type WelkinFax } from './welkinSchemas';
import { checkUploads } from './welkinUpload';
import { WelkinDrafts } from './welkinDrafts';

export const WELKIN_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'serverDrafts', 'reviewedFlag', 'assignToPatient', 'deleteFax', 'retryOnServer',
]);

/** Page size used when the provider walks the list itself (reconciliation, filtered listing). */
const SCAN_PAGE_SIZE = 100;
/** Upper bound on pages walked in one call, so a huge account cannot stall a sync. */
const MAX_SCAN_PAGES = 20;
/** Welkin's clock and ours may disagree; look this much further back than asked when reconciling. */
const CLOCK_SKEW_MS = 10 * 60_000;

export type WelkinProviderOptions = WelkinClientOptions;

/**
 * Welkin as a FaxProvider. A send is draft → upload → send, one fax per recipient. Welkin has no
 * labels: the draft's id is handed to the caller the moment it exists (`onCreated`), and a lost
 * answer is reconciled by reading that draft. The subject stays the person's.
 */
export class WelkinProvider implements FullFaxProvider {
  readonly kind = 'welkin' as const;
  readonly capabilities = WELKIN_CAPABILITIES;
  /** Draft-level operations (update, upload, delete a file) for the serverDrafts capability. */
  readonly client: WelkinClient;
  readonly drafts: WelkinDrafts;

  constructor(options: WelkinProviderOptions) {
    this.client = new WelkinClient(options);
    this.drafts = new WelkinDrafts(this.client);
  }

  async testConnection(): Promise<void> {
    await this.client.listFaxes({ page: 0, size: 1 });
  }

  async send(input: SendFaxInput): Promise<RemoteFax[]> {
    const recipients = checkRecipients(input.to);
    // Every local check runs before the first request: a refused fax leaves nothing on the server.
    await checkUploads(input.documents);
    const sent: RemoteFax[] = [];
    for (const [index, to] of recipients.entries()) {
      try {
        // The person's own server draft becomes the first recipient's fax.
        sent.push(await this.sendOne(to, input, index === 0 ? input.draftId : undefined));
      } catch (error) {
        throw sent.length > 0 ? partlySent(error, sent.length, recipients.length) : error;
      }
    }
    return sent;
  }

  getFax(id: string): Promise<RemoteFax> {
    return this.client.getFax(id).then(toRemoteFax);
  }

  async listFaxes(query: ListFaxesQuery = {}): Promise<FaxPage> {
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const pageSize = Math.min(1000, Math.max(1, Math.floor(query.pageSize ?? 20)));
    const filtered = query.direction || query.status || query.createdAfter || query.createdBefore;
    if (!filtered) return toFaxPage(await this.client.listFaxes({ page: page - 1, size: pageSize }));
    // Welkin's list has no filters (reference §4.1 note): walk it newest-first and filter here.
    const after = query.createdAfter ? Date.parse(query.createdAfter) : Number.NEGATIVE_INFINITY;
    const before = query.createdBefore ? Date.parse(query.createdBefore) : Number.POSITIVE_INFINITY;
    const matches = (await this.scanNewestFirst(after))
      .map(toRemoteFax)
      .filter((fax) => (!query.direction || fax.direction === query.direction) && (!query.status || fax.status === query.status))
      .filter((fax) => { const created = Date.parse(fax.createdAt); return created >= after && created < before; });
    return {
      faxes: matches.slice((page - 1) * pageSize, page * pageSize),
      page,
      pageSize,
      totalItems: matches.length,
      totalPages: Math.ceil(matches.length / pageSize),
    };
  }

  async downloadFax(id: string): Promise<DownloadedFile> {
    const fax = await this.client.getFax(id);
    const file = fax.files?.[0];
    if (!file) throw new ProviderError({ code: 'not_found', message: `Welkin fax ${id} has no file to download.`, provider: 'welkin', retryable: false });
    return this.client.downloadFile(id, file.id);
  }

  /** Every fax, newest first (Welkin has no time filter, reference §4.1), each entry read on its own. Pages count from 1. */
  async listNewestFirst(query: { page: number; pageSize: number; signal?: AbortSignal }): Promise<ListedPage> {
    const result = await this.client.listFaxesLoose({ page: query.page - 1, size: Math.min(1000, query.pageSize), sort: 'createdAt', direction: 'DESC' }, query.signal);
    const read = (raw: unknown): ListedEntry => {
      const parsed = WelkinFaxSchema.safeParse(raw);
      if (!parsed.success) return { raw, problem: parsed.error.issues.slice(0, 2).map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
      // Without a creation time the fax cannot be placed in time: it is skipped, visibly, rather than guessed.
      if (!parsed.data.createdAt && !parsed.data.receivedAt) return { raw, problem: 'createdAt is missing' };
      return { raw, fax: toRemoteFax(parsed.data) };
    };
    return { items: result.items, read, page: result.page + 1, totalPages: result.totalPages, last: result.last || result.items.length === 0 };
  }

  /** Faxes whose subject is `ref`: how earlier versions of Faxdesk marked them (today the draft id is kept instead). */
  async findByReference(ref: string, since: string): Promise<RemoteFax[]> {
    const sinceMs = Date.parse(since) - CLOCK_SKEW_MS;
    const faxes = await this.scanNewestFirst(Number.isNaN(sinceMs) ? Number.NEGATIVE_INFINITY : sinceMs);
    return faxes
      .filter((fax) => fax.subject === ref && toRemoteDirection(fax.direction) === 'outbound')
      .filter((fax) => !(Date.parse(fax.createdAt ?? '') < sinceMs))
      .map(toRemoteFax);
  }

  deleteFax(id: string): Promise<void> {
    return this.client.deleteFax(id);
  }

  setReviewed(id: string, reviewed: boolean): Promise<RemoteFax> {
    return this.client.updateFax(id, { reviewed }).then(toRemoteFax);
  }

  assignToPatient(id: string, target: { patientId: string; documentTypeId?: string }): Promise<RemoteFax> {
    return this.client.assignFax(id, target).then(toRemoteFax);
  }

  /** `page` counts from 1, like `ListFaxesQuery`. */
  async searchPatients(query: string, page = 1): Promise<Patient[]> {
    const result = await this.client.searchPatients(query.trim(), Math.max(0, page - 1));
    return result.items.map(toPatient);
  }

  getPatient(id: string): Promise<Patient> {
    return this.client.getPatient(id).then(toPatient);
  }

  async listDocumentTypes(): Promise<DocumentType[]> {
    return (await this.client.listDocumentTypes()).map(toDocumentType);
  }

  retry(id: string): Promise<RemoteFax> {
    return this.client.retryFax(id).then(toRemoteFax);
  }

  /**
   * Draft, upload, send. Until `/send` is called a failure deletes the draft. A `/send` the server
   * answered with an error deletes it too (had Welkin acted, the fax would be PROCESSING and Welkin
   * refuses to delete it); only a send with no answer (timeout, reset) keeps it for reconciling.
   */
  private async sendOne(to: string, input: SendFaxInput, reuse?: string): Promise<RemoteFax> {
    const fields = { receiverFaxNumber: to, subject: input.subject, ...(input.patientId ? { patientId: input.patientId } : {}) };
    const draft = (reuse ? await this.takeDraft(reuse, fields, input.signal) : undefined) ?? await this.client.createDraft(fields, input.signal);
    try {
      await input.onCreated?.(draft.id);
      await this.client.uploadFiles(draft.id, input.documents, [], input.signal);
      if (input.signal?.aborted) throw ProviderError.network('Cancelled before sending.', false, 'welkin');
    } catch (error) {
      await this.discardDraft(draft.id);
      throw error;
    }
    try {
      return toRemoteFax(await this.client.sendFax(draft.id, input.signal));
    } catch (error) {
      if (error instanceof ProviderError && (!error.maybeAccepted || error.status !== undefined)) await this.discardDraft(draft.id);
      throw error;
    }
  }

  /**
   * The person's server draft, brought up to date and emptied of its files (the fax's own documents
   * are uploaded next); undefined when it is gone or no longer a draft.
   */
  private async takeDraft(id: string, fields: { receiverFaxNumber: string; subject?: string; patientId?: string }, signal?: AbortSignal): Promise<WelkinFax | undefined> {
    if (!(await this.drafts.get(id, signal))) return undefined;
    const draft = await this.client.updateFax(id, fields, signal);
    for (const file of draft.files ?? []) await this.client.deleteFile(id, file.id, signal);
    return draft;
  }

  /** Best effort: the caller reports the original failure, not a failed clean-up. */
  private async discardDraft(id: string): Promise<void> {
    await this.client.deleteFax(id).catch(() => undefined);
  }

  /** Pages the list newest-first until a fax older than `oldestMs` or the end (or the page bound). */
  private async scanNewestFirst(oldestMs: number): Promise<WelkinFax[]> {
    const collected: WelkinFax[] = [];
    for (let page = 0; page < MAX_SCAN_PAGES; page++) {
      const result = await this.client.listFaxes({ page, size: SCAN_PAGE_SIZE, sort: 'createdAt', direction: 'DESC' });
      collected.push(...result.items);
      const reachedOlder = result.items.some((fax) => Date.parse(fax.createdAt ?? '') < oldestMs);
      if (reachedOlder || result.last || result.items.length === 0) break;
    }
    return collected;
  }
}

function checkRecipients(to: readonly string[]): string[] {
  if (to.length === 0) throw invalidInput('Add at least one fax number.');
  const recipients = to.map((number) => number.trim());
  const bad = recipients.find((number) => !E164_PATTERN.test(number));
  if (bad !== undefined) {
    throw invalidInput(`“${bad}” is not a valid fax number. Use the international format, for example +12015550123.`, 'invalid_input', 'VALIDATION_ERROR');
  }
  return recipients;
}

/** Welkin has no labels: the reference goes in the subject (the outbox's job id, or the first label). */
/** Some recipients already have their fax: the job must be reconciled, never re-sent whole. */
function partlySent(error: unknown, sentCount: number, total: number): unknown {
  if (!(error instanceof ProviderError)) return error;
  return error.with({ message: `${error.message} (${sentCount} of ${total} faxes had already been sent)`, maybeAccepted: true });
}
