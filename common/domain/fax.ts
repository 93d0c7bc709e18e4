import { z } from 'zod';
import { ErrorInfoSchema } from '../errors';
import { E164_PATTERN } from './phone';

export const E164Schema = z.string().regex(E164_PATTERN, 'Must be an E.164 number such as +12015550123');

/** Largest single document Faxdesk accepts (Welkin's per-fax limit; Sinch refuses files over 20 MB). */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

export const DocumentInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  pages: z.number().int().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
  contentType: z.string(),
});
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>;

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
});
export type OutboxJob = z.infer<typeof OutboxJobSchema>;

export const SendOptionsSchema = z.object({
  headerText: z.string().max(50).optional(),
  resolution: z.enum(['FINE', 'SUPERFINE']).optional(),
});
export type SendOptions = z.infer<typeof SendOptionsSchema>;

export const SendRequestSchema = z.object({
  accountId: z.string().min(1),
  to: z.array(E164Schema).min(1, 'Add at least one recipient').max(50),
  documentIds: z.array(z.string().min(1)).min(1, 'Add at least one document').max(20),
  options: SendOptionsSchema.default({}),
});
export type SendRequest = z.infer<typeof SendRequestSchema>;
