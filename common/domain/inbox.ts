import { z } from 'zod';
import { ErrorInfoSchema } from '../errors';
import { RotationSchema } from './document';

/**
 * The inbox as the window sees it (issue 10): received faxes of every account, and faxes sent from
 * other places (another workstation, the provider's portal) that the outbox does not hold.
 */

export const InboxDirectionSchema = z.enum(['inbound', 'outbound']);
export const InboxFaxStatusSchema = z.enum(['queued', 'sending', 'sent', 'failed', 'received']);

/**
 * The document of a fax, downloaded once into the data folder. `unavailable`: the provider has none
 * (`missing`), it is damaged (`corrupt`) or downloading kept failing (`failed`); `inbox.retryDocument`
 * tries again. `none`: an outbound fax whose document Faxdesk does not fetch.
 * When `ready`, the content is at `window.faxdesk.files.url(<fax id>)` like any document.
 */
export const InboxDocumentSchema = z.object({
  state: z.enum(['pending', 'ready', 'unavailable', 'none']),
  problem: z.enum(['missing', 'corrupt', 'failed']).optional(),
  /** What a person reads when it is unavailable ("Document unavailable — …"). */
  message: z.string().optional(),
  sha256: z.string().optional(),
  sizeBytes: z.number().int().nonnegative().optional(),
  pages: z.number().int().nonnegative().optional(),
  contentType: z.string().optional(),
});
export type InboxDocument = z.infer<typeof InboxDocumentSchema>;

export const InboxFaxSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  direction: InboxDirectionSchema,
  /** The provider's id for the fax (unique per account). */
  providerId: z.string(),
  /** Absent when the provider did not say (a withheld caller id). */
  from: z.string().optional(),
  to: z.string().optional(),
  /** From the address book, when the number is in it. */
  contactName: z.string().optional(),
  pages: z.number().int().nonnegative().optional(),
  status: InboxFaxStatusSchema,
  createdAt: z.string(),
  completedAt: z.string().optional(),
  subject: z.string().optional(),
  fileNames: z.array(z.string()),
  read: z.boolean(),
  reviewed: z.boolean(),
  filedTo: z.string().optional(),
  notes: z.string(),
  tags: z.array(z.string()),
  archived: z.boolean(),
  /** Of a Demo account. */
  demo: z.boolean(),
  document: InboxDocumentSchema,
  /** Retention removed the local document on this day (the record stays; the provider was not touched). */
  removedByRetentionAt: z.string().optional(),
  /**
   * How a person turned pages in the viewer (0-based page → clockwise degrees), kept with the fax;
   * the document itself stays as it came.
   */
  rotations: z.record(z.string(), RotationSchema),
  /** Welkin: the patient the fax is filed to, and the document type it was filed as. */
  filedPatientId: z.string().optional(),
  /** Pages split off into documents of their own (to file, forward or save apart); the fax stays whole. */
  parts: z.array(z.object({ documentId: z.string(), name: z.string(), pages: z.array(z.number().int().nonnegative()) })),
});
export type InboxFax = z.infer<typeof InboxFaxSchema>;

/** A tag in use, with how many faxes carry it (for suggestions). */
export const InboxTagSchema = z.object({ tag: z.string(), count: z.number().int().nonnegative() });
export const TagsSchema = z.array(z.string().trim().min(1).max(40)).max(20);

export const INBOX_SORTS = ['time_desc', 'time_asc', 'sender_asc', 'sender_desc', 'pages_desc', 'pages_asc'] as const;

export const InboxQuerySchema = z.object({
  /** all: every account's inbox; needs_review: received, not reviewed; account: one account's. */
  view: z.enum(['all', 'needs_review', 'account']).default('all'),
  accountId: z.string().min(1).optional(),
  /** Received (default) or sent from elsewhere. */
  direction: InboxDirectionSchema.default('inbound'),
  /** Search as you type: numbers (any 3+ digits, e.g. the last four), names, subject, notes, tags, file names. */
  text: z.string().trim().max(200).optional(),
  unread: z.boolean().optional(),
  notReviewed: z.boolean().optional(),
  /** Include archived faxes (the default leaves them out). */
  archived: z.boolean().default(false),
  /** Received at or after / before these instants. */
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  /** The sender's number, or its last digits. */
  sender: z.string().trim().min(1).max(40).optional(),
  sort: z.enum(INBOX_SORTS).default('time_desc'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(1_000).default(200),
}).strict().refine((query) => query.view !== 'account' || query.accountId !== undefined, {
  message: 'Choose the account to show', path: ['accountId'],
});
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

export const InboxListSchema = z.object({
  /** Faxes the view holds (the list header's "1,234 faxes"), whatever offset and limit. */
  total: z.number().int().nonnegative(),
  rows: z.array(InboxFaxSchema),
});
export type InboxList = z.infer<typeof InboxListSchema>;

export const InboxCountsSchema = z.object({
  /** Received, unread, not archived, over every account (the window title and the badge). */
  unread: z.number().int().nonnegative(),
  needsReview: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  accounts: z.array(z.object({
    accountId: z.string(),
    total: z.number().int().nonnegative(),
    unread: z.number().int().nonnegative(),
    needsReview: z.number().int().nonnegative(),
  })),
});
export type InboxCounts = z.infer<typeof InboxCountsSchema>;

/**
 * How the inbox sync of one account stands: `ok` (last poll worked), `syncing`, `offline` (the
 * computer is), `paused` (asleep), `retrying` (the service failed; `nextTryAt` says when),
 * `signed_out` (open the account's settings), `idle` (a Demo account not started yet).
 */
export const InboxSyncStateSchema = z.object({
  accountId: z.string(),
  state: z.enum(['idle', 'syncing', 'ok', 'offline', 'paused', 'retrying', 'signed_out']),
  /** When the account's inbox was last brought up to date. */
  lastSyncAt: z.string().optional(),
  /** When the next poll (or retry) runs. */
  nextTryAt: z.string().optional(),
  error: ErrorInfoSchema.optional(),
  /** Entries of the provider's list skipped in the last poll because they could not be read. */
  skipped: z.number().int().nonnegative(),
  /** The first full sync of the account has finished. */
  initialSyncDone: z.boolean(),
});
export type InboxSyncState = z.infer<typeof InboxSyncStateSchema>;

export const InboxChangedSchema = z.object({
  /** Faxes added or changed (at most a few hundred; `more` when there were more). */
  faxIds: z.array(z.string()),
  more: z.boolean(),
  reason: z.enum(['synced', 'document', 'local']),
});

export const InboxFaxArrivedSchema = z.object({
  faxId: z.string(),
  accountId: z.string(),
  pages: z.number().int().nonnegative().optional(),
  /** The sender's last four digits only (no PHI). */
  fromLast4: z.string().optional(),
  demo: z.boolean(),
});
export type InboxFaxArrived = z.infer<typeof InboxFaxArrivedSchema>;
