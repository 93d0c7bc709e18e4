import { z } from 'zod';
import { ErrorInfoSchema } from '../errors';
import { CoverRequestSchema, ServerCoverSchema } from './cover';
import { DocumentInfoSchema, FaxPartSchema } from './document';
import { PatientSchema } from './patient';
import { checkFaxNumber, E164_PATTERN } from './phone';

export const E164Schema = z.string().regex(E164_PATTERN, 'Must be an E.164 number such as +12015550123');

/**
 * A number a new fax may go to: E.164, and passing the very check the compose form applies
 * (premium-rate, satellite, emergency and short numbers refused), since the core never trusts the page.
 */
export const FaxNumberSchema = z.string().max(40).superRefine((value, ctx) => {
  const check = checkFaxNumber(value);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
  else if (check.e164 !== value) ctx.addIssue({ code: 'custom', message: `Send “${value}” in international form, ${check.e164}.` });
});

/**
 * Outbox job states. `uncertain` means the provider may have the fax (a timeout after the
 * request left): it is never re-sent automatically and waits for a person.
 */
export const JobStateSchema = z.enum([
  'queued', 'submitting', 'submitted', 'sending', 'sent', 'failed', 'uncertain', 'cancelled',
]);
export type JobState = z.infer<typeof JobStateSchema>;
export const TERMINAL_JOB_STATES: readonly JobState[] = ['sent', 'failed', 'uncertain', 'cancelled'];

export const OutboxJobSchema = z.object({
  id: z.string(),
  batchId: z.string(),
  accountId: z.string(),
  to: E164Schema,
  documents: z.array(DocumentInfoSchema),
  pages: z.number().int().nonnegative(),
  state: JobStateSchema,
  providerFaxId: z.string().optional(),
  pagesSent: z.number().int().nonnegative().optional(),
  attempts: z.number().int().nonnegative(),
  error: ErrorInfoSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().optional(),
  /** From a Demo account: never transmitted, and marked so wherever it appears. */
  demo: z.boolean(),
  subject: z.string().optional(),
  resolution: z.enum(['FINE', 'SUPERFINE']).optional(),
  /** A person's decision: it arrived after all (checked with the recipient), or it was sent again. */
  decision: z.enum(['confirmed_by_person', 'resent']).optional(),
  /** Out of the Outbox; still in history and search. */
  archivedAt: z.string().optional(),
  /** This fax sends the rest of another, from its page `firstPage` (1-based). */
  resentFrom: z.string().optional(),
  firstPage: z.number().int().positive().optional(),
  /** When a fax on its way should be done by, from its pages and resolution; later than that it is stuck. */
  expectedDoneAt: z.string().optional(),
  /** When it was first seen taking longer than it should. */
  stuckSince: z.string().optional(),
  /** The first document is the cover page Faxdesk drew for this recipient. */
  hasCover: z.boolean().optional(),
  /** Send later: when it is set to start (it waits in the Outbox until then, and can be changed or cancelled). */
  scheduledFor: z.string().optional(),
  /** It started late: Faxdesk was not running at its time. */
  startedLateAt: z.string().optional(),
  /** Welkin: the patient it is filed to. */
  patientName: z.string().optional(),
  /** Retention removed the local documents on this day (the record stays; the provider was not touched). */
  removedByRetentionAt: z.string().optional(),
  /** Kept whatever the retention setting says, until a person releases it. */
  legalHold: z.boolean().optional(),
  /** The person's note and tags (issue 11: on any fax), found by the Outbox's search. */
  notes: z.string().optional(),
  tags: z.array(z.string()).optional(),
});
export type OutboxJob = z.infer<typeof OutboxJobSchema>;

export const SendOptionsSchema = z.object({
  /** The person's subject for the fax (Welkin shows it); never replaced by Faxdesk's own references. */
  subject: z.string().trim().max(200).optional(),
  headerText: z.string().max(50).optional(),
  resolution: z.enum(['FINE', 'SUPERFINE']).optional(),
  /** A cover page Faxdesk draws, first in the fax, one per recipient. */
  cover: CoverRequestSchema.optional(),
  /** A cover page the provider stores and adds itself (Sinch `coverPageId` + `coverPageData`). */
  serverCover: ServerCoverSchema.optional(),
  /** Welkin: the patient the fax is filed to (set on the draft before it is sent). */
  patient: PatientSchema.optional(),
  /** Send later: the fax waits in the outbox until then. */
  sendAt: z.iso.datetime({ offset: true }).optional(),
  /** Set by the core: the Welkin draft the first fax is sent as (the person's draft on the server). */
  remoteDraftId: z.string().max(200).optional(),
  /** Set by the core: a scheduled fax started this late because Faxdesk was not running at its time. */
  startedLateAt: z.iso.datetime({ offset: true }).optional(),
});
export type SendOptions = z.infer<typeof SendOptionsSchema>;

export const SendRequestSchema = z.object({
  accountId: z.string().min(1),
  to: z.array(FaxNumberSchema).min(1, 'Add at least one recipient').max(50),
  documentIds: z.array(z.string().min(1)).min(1, 'Add at least one document').max(20),
  /**
   * The fax's content in send order, after the person's page operations; every part names one of
   * `documentIds`. Without it: every page of each document, in order.
   */
  parts: z.array(FaxPartSchema).min(1, 'The fax has no pages left').max(2_000).optional(),
  options: SendOptionsSchema.default({}),
  /** The person saw that these pages already went to this number today, and sends them anyway. */
  confirmDuplicate: z.boolean().default(false),
  /** The draft this send finishes: it leaves Drafts once the faxes are queued. */
  draftId: z.string().min(1).optional(),
});
export type SendRequest = z.infer<typeof SendRequestSchema>;
