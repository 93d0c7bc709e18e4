import type { Logger } from '../log';
import type { FullFaxProvider, ListedEntry, ListedPage, RemoteFax } from '../providers/faxProvider';
import { transaction } from '../store/database';
import type { InboxRepo, RemoteFaxRow } from '../store/inboxRepo';

export interface SyncTuning {
  /** Sinch pages (up to 1000, the API's cap). */
  pageSize: number;
  /** Welkin pages once the account has a watermark (the first sync uses `pageSize`). */
  incrementalPageSize: number;
  /**
   * How far each window reaches back before the watermark: clock skew, and faxes that show up in
   * the list after others created later (a long fax is listed when its call ends).
   */
  overlapMs: number;
  /** Where the first sync of an account starts (an explicit window: never the provider's default). */
  initialFrom: string;
  /** Rows written per transaction; the event loop gets a turn between them. */
  commitBatch: number;
}

export const DEFAULT_TUNING: SyncTuning = {
  pageSize: 1000, incrementalPageSize: 100, overlapMs: 60 * 60_000, initialFrom: '2000-01-01T00:00:00Z', commitBatch: 100,
};

/** A fax still arriving holds the watermark back, but never for longer than this. */
const MAX_HOLD_MS = 24 * 60 * 60_000;

export interface SyncResult {
  /** Our ids of faxes seen for the first time. */
  inserted: string[];
  /** Of those, the received ones (for the "New fax" notice). */
  arrived: string[];
  updated: string[];
  /** Entries that could not be read (logged, counted, never stored half-read). */
  skipped: number;
  /** The same fax listed twice in one pass (pages shifting while a new fax arrived). */
  duplicates: number;
  requests: number;
  /** This pass had no watermark to start from. */
  initial: boolean;
}

export interface SyncContext {
  accountId: string;
  provider: FullFaxProvider;
  repo: InboxRepo;
  log: Logger;
  tuning: SyncTuning;
  signal?: AbortSignal;
  /** Called inside the transaction that stored a fax whose document is due, so fax and job commit together. */
  documentDue?(faxId: string): void;
  /** Lets the event loop breathe between write batches. */
  yieldToLoop?: () => Promise<void>;
}

const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));
const isOpen = (fax: RemoteFax) => fax.status === 'queued' || fax.status === 'sending';

function toRow(accountId: string, fax: RemoteFax, raw: unknown): RemoteFaxRow {
  const received = fax.direction === 'inbound' && fax.status === 'received';
  return {
    accountId, providerId: fax.id, direction: fax.direction, from: fax.from, to: fax.to, pages: fax.pages ?? fax.pagesSent,
    status: fax.status === 'draft' ? 'queued' : fax.status, createdAt: new Date(Date.parse(fax.createdAt)).toISOString(),
    completedAt: fax.completedAt, subject: fax.subject, fileNames: fax.fileNames ?? [], raw,
    document: received ? (fax.hasFile ? 'pending' : 'unavailable') : 'none',
    reviewed: fax.reviewed, filedTo: fax.patientId,
  };
}

/** One pass over a window: reads entries one by one, stores them in batches, and says what happened. */
class Pass {
  readonly result: SyncResult;
  private readonly seen = new Set<string>();
  newest: number | undefined;
  oldestOpen: number | undefined;

  constructor(private readonly ctx: SyncContext, initial: boolean) {
    this.result = { inserted: [], arrived: [], updated: [], skipped: 0, duplicates: 0, requests: 0, initial };
  }

  /** Reads and stores a page a batch at a time, giving the event loop a turn between batches. */
  async store(page: ListedPage, keep: (fax: RemoteFax) => boolean): Promise<{ oldest?: number }> {
    const { ctx, result } = this;
    let oldest: number | undefined;
    const now = new Date().toISOString();
    for (let start = 0; start < page.items.length; start += ctx.tuning.commitBatch) {
      const rows: RemoteFaxRow[] = [];
      for (const raw of page.items.slice(start, start + ctx.tuning.commitBatch)) {
        const entry = page.read(raw);
        const fax = this.read(entry);
        if (!fax) continue;
        const created = Date.parse(fax.createdAt);
        this.newest = Math.max(this.newest ?? created, created);
        oldest = Math.min(oldest ?? created, created);
        if (!keep(fax)) continue;
        if (isOpen(fax)) this.oldestOpen = Math.min(this.oldestOpen ?? created, created);
        rows.push(toRow(ctx.accountId, fax, entry.raw));
      }
      transaction(ctx.repo.db, () => {
        const named: string[] = [];
        for (const row of rows) {
          const { id, outcome, document } = ctx.repo.upsert(row, now);
          if (document === 'pending' && outcome !== 'unchanged') ctx.documentDue?.(id);
          if (outcome === 'inserted') {
            result.inserted.push(id);
            named.push(id);
            if (row.direction === 'inbound' && row.status === 'received') result.arrived.push(id);
          } else if (outcome === 'updated') result.updated.push(id);
        }
        ctx.repo.nameSenders(named);
      });
      await (ctx.yieldToLoop ?? immediate)();
    }
    return { oldest };
  }

  private read(entry: ListedEntry): RemoteFax | undefined {
    if (!entry.fax) {
      this.result.skipped++;
      this.ctx.log.warn('inbox: skipped an entry of the provider\'s list that could not be read', { accountId: this.ctx.accountId, problem: entry.problem });
      return undefined;
    }
    if (this.seen.has(entry.fax.id)) {
      this.result.duplicates++;
      return undefined;
    }
    this.seen.add(entry.fax.id);
    return entry.fax;
  }

  /** The next watermark: the newest fax listed, held back to the oldest one still arriving (within a day). */
  watermark(previous: string | undefined, start: string): string {
    // An empty first pass still counts: the next ones are incremental (and announce what arrives).
    if (this.newest === undefined) return previous ?? new Date(Date.parse(start)).toISOString();
    let mark = this.newest;
    if (this.oldestOpen !== undefined && mark - this.oldestOpen < MAX_HOLD_MS) mark = Math.min(mark, this.oldestOpen);
    const before = previous ? Date.parse(previous) : Number.NEGATIVE_INFINITY;
    return new Date(Math.max(mark, before)).toISOString();
  }
}

/** Faxes this installation's outbox sent (by its jobs' provider ids or Faxdesk's own reference label) belong to the Outbox. */
function sentByOurOutbox(ctx: SyncContext, fax: RemoteFax): boolean {
  if (ctx.repo.isOutboxFax(ctx.accountId, fax.id)) return true;
  const ref = fax.labels?.faxdeskRef;
  return ref !== undefined && ctx.repo.isOutboxJob(ref.split('.')[0] ?? '');
}

/**
 * Brings one account's inbox (or, with `stream` outbound, its faxes sent from elsewhere) up to
 * date with a provider that filters by creation time (Sinch): an explicit `createTime>` window from
 * the watermark minus the overlap, every page of it, then the watermark, only once the rows are in.
 */
export async function syncWindow(ctx: SyncContext, stream: 'inbound' | 'outbound'): Promise<SyncResult> {
  const list = ctx.provider.listCreatedSince!.bind(ctx.provider);
  const previous = ctx.repo.watermark(ctx.accountId, stream);
  const pass = new Pass(ctx, previous === undefined);
  const createdFrom = previous ? new Date(Date.parse(previous) - ctx.tuning.overlapMs).toISOString() : ctx.tuning.initialFrom;
  const keep = (fax: RemoteFax) => fax.direction === stream && (stream === 'inbound' || !sentByOurOutbox(ctx, fax));
  for (let page = 1; ; page++) {
    const listed = await list({ direction: stream, createdFrom, page, pageSize: ctx.tuning.pageSize, signal: ctx.signal });
    pass.result.requests++;
    await pass.store(listed, keep);
    if (listed.last || listed.items.length === 0) break;
  }
  ctx.repo.setWatermark(ctx.accountId, stream, pass.watermark(previous, ctx.tuning.initialFrom), new Date().toISOString());
  return pass.result;
}

/**
 * The same for a provider listed newest first without a time filter (Welkin): pages until one
 * reaches a fax older than the window (everything older was stored by an earlier complete pass),
 * or the end. Both directions come in the one list: sent faxes the outbox does not hold are kept too.
 */
export async function syncNewestFirst(ctx: SyncContext): Promise<SyncResult> {
  const list = ctx.provider.listNewestFirst!.bind(ctx.provider);
  const previous = ctx.repo.watermark(ctx.accountId, 'inbound');
  const pass = new Pass(ctx, previous === undefined);
  const stopBefore = previous ? Date.parse(previous) - ctx.tuning.overlapMs : Number.NEGATIVE_INFINITY;
  const pageSize = previous ? ctx.tuning.incrementalPageSize : ctx.tuning.pageSize;
  const keep = (fax: RemoteFax) => fax.direction === 'inbound' || (fax.status !== 'draft' && !sentByOurOutbox(ctx, fax));
  for (let page = 1; ; page++) {
    const listed = await list({ page, pageSize, signal: ctx.signal });
    pass.result.requests++;
    const { oldest } = await pass.store(listed, keep);
    const reachedStored = oldest !== undefined && oldest < stopBefore;
    if (reachedStored || listed.last || listed.items.length === 0) break;
  }
  ctx.repo.setWatermark(ctx.accountId, 'inbound', pass.watermark(previous, ctx.tuning.initialFrom), new Date().toISOString());
  return pass.result;
}
