import { z } from 'zod';

/**
 * The audit log (issue 13, item 2): who did what and when, append-only and hash-chained. Entries
 * carry ids and counts only — never names, subjects or numbers — so the log itself holds no PHI.
 */

export const AUDIT_ACTIONS = [
  'viewed', 'printed', 'saved', 'forwarded', 'split', 'sent', 'retried', 'filed', 'reviewed', 'deleted', 'archived',
  'exported', 'settings_changed', 'account_added', 'account_updated', 'account_removed', 'profile_changed',
  'unlock', 'unlock_failed', 'retention_removed', 'legal_hold',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export const AuditTargetTypeSchema = z.enum(['fax', 'job', 'account', 'document']);
export type AuditTargetType = z.infer<typeof AuditTargetTypeSchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int().positive(),
  /** UTC, ISO 8601 with milliseconds. */
  at: z.string(),
  /** The operating-system account the app ran under. */
  osUser: z.string(),
  /** The initials the person at a shared desk chose, if any. */
  profile: z.string().optional(),
  action: AuditActionSchema,
  targetType: AuditTargetTypeSchema.optional(),
  targetId: z.string().optional(),
  /** `key=value;…` of ids and counts. */
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const Instant = z.iso.datetime({ offset: true });
/** `from` inclusive, `to` exclusive; a range that ends before it starts is refused. */
const inOrder = (range: { from?: string; to?: string }) => !range.from || !range.to || Date.parse(range.from) <= Date.parse(range.to);
const RANGE_ORDER = { message: 'The range ends before it starts: choose a start date on or before the end date.', path: ['to'] };

export const AuditQuerySchema = z.object({
  from: Instant.optional(),
  to: Instant.optional(),
  actions: z.array(AuditActionSchema).min(1).max(AUDIT_ACTIONS.length).optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
}).strict().refine(inOrder, RANGE_ORDER);
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({ total: z.number().int().nonnegative(), entries: z.array(AuditEntrySchema) });
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AuditRangeSchema = z.object({ from: Instant, to: Instant }).strict().refine(inOrder, RANGE_ORDER);
export type AuditRange = z.infer<typeof AuditRangeSchema>;

/** Whether the chain holds; if not, the first entry that was changed or is missing. */
export const AuditVerifySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int().nonnegative() }),
  z.object({ ok: z.literal(false), firstBroken: z.number().int().positive(), reason: z.enum(['changed', 'removed']) }),
]);
export type AuditVerify = z.infer<typeof AuditVerifySchema>;

/** Initials on a shared desk: up to 8 letters, digits, dots or hyphens; empty clears them. */
export const AuditProfileSchema = z.object({
  initials: z.string().trim().max(8).regex(/^[\p{L}\p{N}.-]*$/u, 'Initials are letters, digits, dots or hyphens (up to 8).'),
}).strict();
export type AuditProfile = z.infer<typeof AuditProfileSchema>;
