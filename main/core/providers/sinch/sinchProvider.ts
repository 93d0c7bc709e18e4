import type { SinchSettings } from '../../../../common/domain/account';
import type {
  Capability, DownloadedFile, FaxPage, FullFaxProvider, ListedEntry, ListedPage, ListFaxesQuery, RemoteDirection, RemoteFax,
} from '../faxProvider';
import { SinchAdmin } from './sinchAdmin';
import { SinchClient, type SinchClientOptions, type SinchFaxQuery } from './sinchClient';
import { SinchFaxSchema, type SinchFax } from './sinchSchemas';
import { toRemoteFax, toSinchFilter, toSinchInstant } from './sinchMapper';
import { toSinchSendRequest, type SinchSendFaxInput } from './sinchSendInput';

export const SINCH_CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>([
  'multiRecipient', 'serverCoverPages', 'deleteContentOnly', 'headerText', 'resolution', 'services', 'faxToEmail', 'referenceLabels',
]);

/** The shared list query plus Sinch's own filters (§5.2). */
export interface SinchListFaxesQuery extends ListFaxesQuery {
  /** Prefix match on the destination / sender number. */
  toPrefix?: string;
  fromPrefix?: string;
  serviceId?: string;
}

/** Page size for scans (findByReference): big enough for few round trips, well under the 1000 cap. */
const SCAN_PAGE_SIZE = 200;

/** Puts the reply in the order of `to`: one fax per recipient, as FaxProvider promises. */
function inRecipientOrder(to: readonly string[], faxes: SinchFax[]): SinchFax[] {
  const remaining = [...faxes];
  const ordered = to.map((number) => {
    const index = remaining.findIndex((fax) => fax.to === number);
    return index === -1 ? undefined : remaining.splice(index, 1)[0];
  });
  // Anything unmatched (a server that rewrote a number) keeps its original position.
  return ordered.map((fax) => fax ?? (remaining.shift() as SinchFax)).filter((fax): fax is SinchFax => fax !== undefined);
}

/**
 * Sinch Fax API v3 as a FaxProvider. Validates input before any request, maps wire to domain, and
 * exposes the Sinch-only administration (services, cover pages, fax-to-email) as `admin`.
 */
export class SinchProvider implements FullFaxProvider {
  readonly kind = 'sinch' as const;
  readonly capabilities = SINCH_CAPABILITIES;
  readonly client: SinchClient;
  readonly admin: SinchAdmin;
  private readonly settings: SinchSettings;

  constructor(options: SinchClientOptions) {
    this.settings = options.settings;
    this.client = new SinchClient(options);
    this.admin = new SinchAdmin(this.client, options.settings);
  }

  /** Signs in and makes one cheap authenticated read. */
  async testConnection(): Promise<void> {
    await this.client.listServices({ pageSize: 1 });
  }

  /** One request for all recipients; never repeated here (the outbox reconciles via findByReference). */
  async send(input: SinchSendFaxInput): Promise<RemoteFax[]> {
    const request = await toSinchSendRequest(input, this.settings);
    const faxes = await this.client.sendFax(request, input.signal);
    return inRecipientOrder(request.to, faxes).map(toRemoteFax);
  }

  /** The service's cover pages (first 100; a service rarely has more than a few). */
  async listCoverPages(): Promise<Array<{ id: string; name: string }>> {
    const page = await this.admin.coverPages.list(undefined, { pageSize: 100 });
    return page.items.map((cover) => ({ id: cover.id, name: cover.name || cover.id }));
  }

  async getFax(id: string): Promise<RemoteFax> {
    return toRemoteFax(await this.client.getFax(id));
  }

  async listFaxes(query: SinchListFaxesQuery = {}): Promise<FaxPage> {
    const page = query.page ?? 1;
    const sinchQuery = this.toSinchQuery(query);
    if (!sinchQuery) return { faxes: [], page, pageSize: query.pageSize ?? 0, totalItems: 0, totalPages: 0 };
    const result = await this.client.listFaxes({ ...sinchQuery, page, pageSize: query.pageSize });
    return {
      faxes: result.items.map(toRemoteFax),
      page: result.page,
      pageSize: result.pageSize,
      totalItems: result.totalItems,
      totalPages: result.totalPages,
    };
  }

  /** Every matching fax across all pages, fetched lazily. */
  async *iterateFaxes(query: SinchListFaxesQuery = {}): AsyncGenerator<RemoteFax> {
    const sinchQuery = this.toSinchQuery(query);
    if (!sinchQuery) return;
    for await (const fax of this.client.iterateFaxes({ ...sinchQuery, page: query.page, pageSize: query.pageSize })) {
      yield toRemoteFax(fax);
    }
  }

  async downloadFax(id: string): Promise<DownloadedFile> {
    const download = await this.client.downloadFax(id);
    return { contentType: download.contentType, body: download.body, sizeBytes: download.sizeBytes };
  }

  /** Outbound faxes since `since` whose labels carry `ref` (labels cannot be filtered on the server, §16.9). */
  async findByReference(ref: string, since: string): Promise<RemoteFax[]> {
    const matches: RemoteFax[] = [];
    const query: SinchFaxQuery = { direction: 'OUTBOUND', createTimeFrom: toSinchInstant(since), pageSize: SCAN_PAGE_SIZE };
    for await (const fax of this.client.iterateFaxes(query)) {
      if (Object.values(fax.labels ?? {}).includes(ref)) matches.push(toRemoteFax(fax));
    }
    return matches;
  }

  /** Faxes created at or after `createdFrom` (inclusive, to the second), each entry read on its own. */
  async listCreatedSince(query: { direction: RemoteDirection; createdFrom: string; page: number; pageSize: number; signal?: AbortSignal }): Promise<ListedPage> {
    const result = await this.client.listFaxesLoose({
      direction: query.direction === 'inbound' ? 'INBOUND' : 'OUTBOUND', createTimeFrom: toSinchInstant(query.createdFrom),
      page: query.page, pageSize: Math.min(1000, query.pageSize),
    }, query.signal);
    const read = (raw: unknown): ListedEntry => {
      const parsed = SinchFaxSchema.safeParse(raw);
      if (!parsed.success) return { raw, problem: parsed.error.issues.slice(0, 2).map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') };
      if (Number.isNaN(Date.parse(parsed.data.createTime))) return { raw, problem: 'createTime is not a date' };
      return { raw, fax: toRemoteFax(parsed.data) };
    };
    return { items: result.items, read, page: result.page, totalPages: result.totalPages, last: result.items.length === 0 || result.page >= result.totalPages };
  }

  /** Removes the stored document; the record stays and shows `hasFile: false`. */
  deleteContent(id: string): Promise<void> {
    return this.client.deleteFaxContent(id);
  }

  private toSinchQuery(query: SinchListFaxesQuery): SinchFaxQuery | undefined {
    const filter = toSinchFilter(query.status, query.direction);
    if (filter === 'matches-nothing') return undefined;
    return {
      ...filter,
      toPrefix: query.toPrefix,
      fromPrefix: query.fromPrefix,
      serviceId: query.serviceId,
      createTimeFrom: query.createdAfter ? toSinchInstant(query.createdAfter) : undefined,
      createTimeTo: query.createdBefore ? toSinchInstant(query.createdBefore) : undefined,
    };
  }
}

export type { SinchSendFaxInput } from './sinchSendInput';
