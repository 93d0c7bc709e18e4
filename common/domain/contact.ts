import { z } from 'zod';
import { E164Schema } from './fax';

/** An address-book entry: one fax number per contact (a second number is a second contact). */
export const ContactSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  faxNumber: E164Schema,
  notes: z.string(),
  favourite: z.boolean(),
  /** The groups it belongs to. */
  groupIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When a fax last went to its number from a real account (not Demo). */
  lastSentAt: z.string().optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** What a person types: the number in any common form; the core checks it and stores E.164. */
const contactFields = {
  name: z.string().trim().max(200),
  organisation: z.string().trim().max(200),
  faxNumber: z.string().trim().min(1, 'Enter a fax number').max(60),
  notes: z.string().max(4_000),
  favourite: z.boolean(),
};
/** An edit: only the fields that changed (a favourite toggle sends just that). */
export const ContactChangeSchema = z.object(contactFields).partial().strict();
export const ContactDraftSchema = z.object({
  ...contactFields,
  name: contactFields.name.default(''),
  organisation: contactFields.organisation.default(''),
  notes: contactFields.notes.default(''),
  favourite: contactFields.favourite.default(false),
}).strict().refine((d) => d.name !== '' || d.organisation !== '', { message: 'Give the contact a name or an organisation', path: ['name'] });
export type ContactDraft = z.input<typeof ContactDraftSchema>;

/** A named list of contacts, for sending one fax to all of them. */
export const GroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  memberIds: z.array(z.string()),
  createdAt: z.string(),
});
export type Group = z.infer<typeof GroupSchema>;

export const GroupDraftSchema = z.object({
  name: z.string().trim().min(1, 'Give the group a name').max(100),
  memberIds: z.array(z.string().min(1)).max(5_000).default([]),
}).strict();

/** A number faxed before (from any account), newest first. */
export const RecentNumberSchema = z.object({
  number: E164Schema,
  lastSentAt: z.string(),
  count: z.number().int().positive(),
});
export type RecentNumber = z.infer<typeof RecentNumberSchema>;

/** One line of the recipient field's list: a contact, a number used before, or a group. */
export const RecipientSuggestionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contact'), contact: ContactSchema }),
  z.object({ kind: z.literal('recent'), recent: RecentNumberSchema }),
  z.object({ kind: z.literal('group'), group: GroupSchema, members: z.array(ContactSchema) }),
]);
export type RecipientSuggestion = z.infer<typeof RecipientSuggestionSchema>;

/** A row of a file that will become a contact. `line` is its row (CSV) or card (vCard) number, from 1. */
export const ImportRowSchema = z.object({
  line: z.number().int().positive(),
  name: z.string(),
  organisation: z.string(),
  faxNumber: E164Schema,
  notes: z.string(),
  favourite: z.boolean(),
});
export type ImportRow = z.infer<typeof ImportRowSchema>;

export const SkippedRowSchema = z.object({
  line: z.number().int().positive(),
  /** What the row was called (a name or the raw number), so the person can find it. */
  label: z.string(),
  reason: z.string(),
});
export type SkippedRow = z.infer<typeof SkippedRowSchema>;

/** What an import would do, before it does it. Rows and skipped rows are cut at `shown`; the counts are whole. */
export const ImportPreviewSchema = z.object({
  previewId: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'vcard']),
  /** How the file was read (the export shape found, an encoding that was not UTF-8). */
  notes: z.array(z.string()),
  rowCount: z.number().int().nonnegative(),
  skippedCount: z.number().int().nonnegative(),
  rows: z.array(ImportRowSchema),
  skipped: z.array(SkippedRowSchema),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/** The longest list of rows or skipped rows a preview carries (the counts are always whole). */
export const PREVIEW_SHOWN = 500;
