import { z } from 'zod';
import { CoverFieldsSchema } from './cover';
import { DocumentInfoSchema, RotationSchema } from './document';
import { E164Schema } from './fax';
import { PatientSchema } from './patient';

export { PatientSchema, type Patient } from './patient';

/** One piece of the fax in send order, naming the core's document (what compose's page list holds). */
export const DraftPartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('page'), documentId: z.string().min(1), page: z.number().int().nonnegative(), rotation: RotationSchema.default(0) }),
  z.object({ kind: z.literal('original'), documentId: z.string().min(1) }),
]);
export type DraftPart = z.infer<typeof DraftPartSchema>;

/**
 * Everything in compose, as it is autosaved: who, what, the cover and the options. Documents are
 * the core's (by id); the core keeps them as long as a draft names them.
 */
export const DraftContentSchema = z.object({
  accountId: z.string().min(1).nullable().default(null),
  recipients: z.array(z.object({ e164: E164Schema, display: z.string().max(80), name: z.string().max(200).optional() })).max(50).default([]),
  /** What is typed in the number field and not yet a chip. */
  numberText: z.string().max(2_000).default(''),
  documentIds: z.array(z.string().min(1)).max(20).default([]),
  parts: z.array(DraftPartSchema).max(2_000).default([]),
  cover: z.object({
    mode: z.enum(['none', 'faxdesk', 'service']).default('none'),
    templateId: z.string().max(200).default('builtin:plain'),
    fields: CoverFieldsSchema.default(CoverFieldsSchema.parse({})),
    serverCoverId: z.string().max(200).nullable().default(null),
  }).default({ mode: 'none', templateId: 'builtin:plain', fields: CoverFieldsSchema.parse({}), serverCoverId: null }),
  headerText: z.string().max(50).default(''),
  resolution: z.enum(['service', 'FINE', 'SUPERFINE']).default('service'),
  /** Welkin: the patient the fax is filed to. */
  patient: PatientSchema.nullable().default(null),
});
export type DraftContent = z.infer<typeof DraftContentSchema>;
export type DraftContentInput = z.input<typeof DraftContentSchema>;

/** A line of the Drafts list: Faxdesk's own drafts and Welkin's server-side ones. */
export const DraftSummarySchema = z.object({
  id: z.string(),
  /** 'welkin': a draft on the Welkin server that Faxdesk has not opened yet. */
  origin: z.enum(['faxdesk', 'welkin']),
  accountId: z.string().nullable(),
  to: z.array(z.string()),
  subject: z.string(),
  documentNames: z.array(z.string()),
  pages: z.number().int().nonnegative(),
  patientName: z.string().optional(),
  updatedAt: z.string(),
  /** Also kept as a draft on the Welkin server. */
  onServer: z.boolean(),
});
export type DraftSummary = z.infer<typeof DraftSummarySchema>;

export const DraftListSchema = z.object({
  drafts: z.array(DraftSummarySchema),
  /** Accounts whose server drafts could not be read just now ("Welkin demo: not reachable"). */
  problems: z.array(z.object({ accountId: z.string(), message: z.string() })),
});
export type DraftList = z.infer<typeof DraftListSchema>;

/** A draft opened in compose: its content and the documents it names. */
export const DraftSchema = z.object({
  id: z.string(),
  content: DraftContentSchema,
  documents: z.array(DocumentInfoSchema),
  updatedAt: z.string(),
  onServer: z.boolean(),
});
export type Draft = z.infer<typeof DraftSchema>;
