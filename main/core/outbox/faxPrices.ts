import type { SendEstimate } from '../../../common/domain/cover';
import type { RemoteFax } from '../providers/faxProvider';
import type { Database } from '../store/database';
import type { FaxJobRow } from '../store/faxJobsRepo';
import { prepared } from '../store/statements';

/** Faxes a price per page is learnt from: the account's latest, so a change of tariff shows soon. */
const RECENT = 50;

/**
 * What providers charged for sent faxes (Sinch reports `price` once a fax is done), per account,
 * so compose can say what a fax will cost before it is sent. Free faxes (Sinch's test number,
 * a fax that sent no page) say nothing about the price and are not kept.
 */
export class FaxPrices {
  constructor(private readonly db: Database) {}

  record(job: FaxJobRow, remote: RemoteFax): void {
    const amount = Number(remote.price?.amount);
    const pages = remote.pagesSent ?? remote.pages ?? 0;
    if (!remote.price || !Number.isFinite(amount) || amount <= 0 || pages <= 0 || (job.state !== 'sent' && job.state !== 'failed')) return;
    prepared(this.db, `INSERT INTO fax_prices (fax_id, account_id, pages, amount, currency, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT(fax_id) DO UPDATE SET pages = excluded.pages, amount = excluded.amount, currency = excluded.currency`)
      .run(job.id, job.accountId, pages, amount, remote.price.currency, new Date().toISOString());
  }

  /** The average price per page of the account's recent faxes, in their latest currency; null when none is known. */
  estimate(accountId: string): SendEstimate {
    const rows = prepared(this.db, 'SELECT pages, amount, currency FROM fax_prices WHERE account_id = ? ORDER BY recorded_at DESC LIMIT ?')
      .all(accountId, RECENT) as Array<{ pages: number; amount: number; currency: string }>;
    const currency = rows[0]?.currency;
    const same = rows.filter((row) => row.currency === currency);
    const pages = same.reduce((sum, row) => sum + row.pages, 0);
    if (!currency || pages === 0) return { pricePerPage: null, faxesSeen: 0 };
    return { pricePerPage: { amount: same.reduce((sum, row) => sum + row.amount, 0) / pages, currency }, faxesSeen: same.length };
  }
}
