import { z } from 'zod';

/**
 * How long Faxdesk keeps its local copies of faxes' documents (issue 13, item 4). The records stay;
 * only the documents go, and nothing is removed at the provider.
 */
export const RETENTION_PERIODS = ['30d', '90d', '1y', '2y', '3y', '6y', '7y', 'forever'] as const;
export const RetentionPeriodSchema = z.enum(RETENTION_PERIODS);
export type RetentionPeriod = z.infer<typeof RetentionPeriodSchema>;

/** What a person reads in the settings' lists. */
export const RETENTION_WORDS: Record<RetentionPeriod, string> = {
  '30d': '30 days', '90d': '90 days', '1y': '1 year', '2y': '2 years', '3y': '3 years', '6y': '6 years', '7y': '7 years', forever: 'Forever',
};

/** The tag (any case) that keeps a received fax's document whatever the setting says. */
export const LEGAL_HOLD_TAG = 'legal hold';
export const isLegalHoldTag = (tag: string) => tag.trim().replace(/\s+/g, ' ').toLowerCase() === LEGAL_HOLD_TAG;

/** The instant before which documents have expired, or undefined for "forever". Calendar years and days, in UTC. */
export function retentionCutoff(period: RetentionPeriod, now: Date): Date | undefined {
  if (period === 'forever') return undefined;
  const cutoff = new Date(now.getTime());
  const amount = Number.parseInt(period, 10);
  if (period.endsWith('d')) cutoff.setUTCDate(cutoff.getUTCDate() - amount);
  else cutoff.setUTCFullYear(cutoff.getUTCFullYear() - amount);
  return cutoff;
}

/** "Document removed by retention on 3 March 2026" — the day in the person's locale. */
export function removedByRetentionWords(at: string): string {
  const day = new Date(at);
  const words = Number.isNaN(day.getTime()) ? at : day.toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
  return `Document removed by retention on ${words}`;
}
