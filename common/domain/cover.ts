import { z } from 'zod';
import { DocumentInfoSchema } from './document';

/** Marks ticked on the cover. */
export const URGENCY_MARKS = ['urgent', 'for_review', 'please_reply'] as const;
export const UrgencySchema = z.enum(URGENCY_MARKS);
export type Urgency = z.infer<typeof UrgencySchema>;
export const URGENCY_WORDS: Record<Urgency, string> = { urgent: 'Urgent', for_review: 'For review', please_reply: 'Please reply' };

const line = (max = 120) => z.string().max(max).default('');

/** Who sends: kept in a template as its defaults, and editable per fax. */
export const CoverSenderSchema = z.object({
  name: line(), organisation: line(), phone: line(40), fax: line(40),
});
export type CoverSender = z.infer<typeof CoverSenderSchema>;

/** The recipient as the cover shows them; the fax number is each recipient's own unless given. */
export const CoverRecipientSchema = z.object({
  name: line(), organisation: line(), fax: line(40),
});
export type CoverRecipient = z.infer<typeof CoverRecipientSchema>;

/** What a person fills in for one fax (the page count is filled in by the core). */
export const CoverFieldsSchema = z.object({
  sender: CoverSenderSchema.default({ name: '', organisation: '', phone: '', fax: '' }),
  recipient: CoverRecipientSchema.default({ name: '', organisation: '', fax: '' }),
  subject: line(200),
  message: z.string().max(10_000).default(''),
  /** As printed; empty: today's date. */
  date: line(60),
  urgency: z.array(UrgencySchema).max(3).default([]),
});
export type CoverFields = z.infer<typeof CoverFieldsSchema>;
export type CoverFieldsInput = z.input<typeof CoverFieldsSchema>;

export const COVER_STYLES = ['plain', 'letterhead', 'healthcare'] as const;
export const CoverLayoutSchema = z.object({
  /** plain: a title and a table; letterhead: the organisation and logo across the top; healthcare: letterhead and a confidentiality notice. */
  style: z.enum(COVER_STYLES),
  /** Where the logo sits in the letterhead. */
  logoPosition: z.enum(['left', 'right']).default('left'),
  /** The words at the top of the page ("Fax", "Confidential fax"). */
  title: z.string().trim().min(1).max(40),
  /** Printed in a box at the foot of the page; empty: none. */
  notice: z.string().max(1_500).default(''),
});
export type CoverLayout = z.infer<typeof CoverLayoutSchema>;

/** A logo: PNG or JPEG bytes, small (it is redrawn on every cover). */
export const MAX_LOGO_BYTES = 512 * 1024;
export const CoverLogoSchema = z.object({
  type: z.enum(['png', 'jpeg']),
  bytes: z.instanceof(Uint8Array).refine((b) => b.length > 0 && b.length <= MAX_LOGO_BYTES, 'The logo must be a PNG or JPEG of at most 512 KB.'),
});
export type CoverLogo = z.infer<typeof CoverLogoSchema>;

export const CoverTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Built in: cannot be changed or removed, only duplicated. */
  builtIn: z.boolean(),
  layout: CoverLayoutSchema,
  sender: CoverSenderSchema,
  logo: CoverLogoSchema.optional(),
  updatedAt: z.string().optional(),
});
export type CoverTemplate = z.infer<typeof CoverTemplateSchema>;

/** A user template, new (no id) or changed. */
export const CoverTemplateDraftSchema = z.object({
  id: z.string().min(1).optional(),
  name: z.string().trim().min(1, 'Give the template a name').max(80),
  layout: CoverLayoutSchema,
  sender: CoverSenderSchema,
  /** null removes the logo; undefined keeps it. */
  logo: CoverLogoSchema.nullable().optional(),
}).strict();
export type CoverTemplateDraft = z.input<typeof CoverTemplateDraftSchema>;

/** A cover Faxdesk draws, as chosen in compose: the template and the fields; one page per recipient. */
export const CoverRequestSchema = z.object({
  templateId: z.string().min(1),
  fields: CoverFieldsSchema,
  /** Per recipient (E.164): a name and organisation that differ from the shared ones. */
  perRecipient: z.record(z.string(), z.object({ name: z.string().max(120).optional(), organisation: z.string().max(120).optional() })).optional(),
});
export type CoverRequest = z.infer<typeof CoverRequestSchema>;
export type CoverRequestInput = z.input<typeof CoverRequestSchema>;

/** A cover page stored at the provider (Sinch), filled in by the service with `coverPageData`. */
export const ServerCoverSchema = z.object({ coverPageId: z.string().min(1), fields: CoverFieldsSchema });
export type ServerCover = z.infer<typeof ServerCoverSchema>;

/** How the cover's text fitted its one page. */
export const CoverFitSchema = z.object({
  /** Everything was drawn on the one page. */
  fits: z.boolean(),
  /** The message's size in points (shrunk from 11 down to 8 before anything is cut). */
  messageSize: z.number(),
  /** When it does not fit: the last words drawn, so the person knows where it is cut. */
  cutAfter: z.string().optional(),
  /** Characters no font on this computer can draw (printed as "?"). */
  missingCharacters: z.array(z.string()),
  /** Fields too long for their line, ended with "…". */
  cutFields: z.array(z.string()).optional(),
  /** Which fonts drew the page, or why a plain one was used. */
  fontNote: z.string(),
});
export type CoverFit = z.infer<typeof CoverFitSchema>;

export const CoverPreviewInputSchema = z.object({
  cover: CoverRequestSchema,
  /** The recipient the preview is drawn for (its number and per-recipient name). */
  to: z.string().max(20).optional(),
  /** Pages of the fax after the cover (the cover counts itself); null: unknown (a Word file the service converts). */
  contentPages: z.number().int().nonnegative().nullable(),
}).strict();

export const CoverPreviewSchema = z.object({ document: DocumentInfoSchema, fit: CoverFitSchema });
export type CoverPreview = z.infer<typeof CoverPreviewSchema>;

/** What Sinch's cover pages are filled with: lower-case keys (reference §5.1.1). */
export function coverPageData(fields: CoverFields, to: string, pages: string): Record<string, string> {
  const data: Record<string, string> = {
    sender_name: fields.sender.name, sender_organisation: fields.sender.organisation, sender_phone: fields.sender.phone,
    sender_fax: fields.sender.fax, recipient_name: fields.recipient.name, recipient_organisation: fields.recipient.organisation,
    recipient_fax: fields.recipient.fax || to, subject: fields.subject, message: fields.message, date: fields.date, pages,
    urgency: fields.urgency.map((mark) => URGENCY_WORDS[mark]).join(', '),
  };
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value.trim() !== ''));
}

/** A price per page learnt from the account's past faxes. */
export const SendEstimateSchema = z.object({
  pricePerPage: z.object({ amount: z.number().nonnegative(), currency: z.string() }).nullable(),
  /** How many past faxes the price comes from. */
  faxesSeen: z.number().int().nonnegative(),
});
export type SendEstimate = z.infer<typeof SendEstimateSchema>;
