import { z } from 'zod';

/*
 * Zod schemas for Welkin's wire JSON (reference/welkin-fax.md §3–§7). Every object is loose:
 * Welkin adds optional fields over time and advises against strict validation (§3.1). Only the
 * fields the client cannot work without (ids, the token) are required.
 */

const optionalText = z.string().nullish();

export const WelkinTokenResponseSchema = z.looseObject({
  token: z.string().min(1),
  clientName: optionalText,
  enabled: z.boolean().nullish(),
  /** Only the GitBook variant of the token call sends this (§2.3); the JWT `exp` is preferred. */
  expiresAt: optionalText,
});
export type WelkinTokenResponse = z.infer<typeof WelkinTokenResponseSchema>;

/** One entry of Welkin's error array (§3.3). */
export const WelkinErrorItemSchema = z.looseObject({
  errorCode: optionalText,
  componentType: optionalText,
  message: optionalText,
  details: z.unknown().optional(),
  date: optionalText,
});
export type WelkinErrorItem = z.infer<typeof WelkinErrorItemSchema>;

export const WelkinFaxFileSchema = z.looseObject({
  id: z.string().min(1),
  originalName: optionalText,
  contentType: optionalText,
  size: z.number().nullish(),
  storageKey: optionalText,
});
export type WelkinFaxFile = z.infer<typeof WelkinFaxFileSchema>;

/** The fax object (§5). Direction and status stay open strings; the mapper normalises them. */
export const WelkinFaxSchema = z.looseObject({
  id: z.string().min(1),
  direction: optionalText,
  status: optionalText,
  receiverFaxNumber: optionalText,
  senderFaxNumber: optionalText,
  subject: optionalText,
  reviewed: z.boolean().nullish(),
  patientId: optionalText,
  documentTypeId: optionalText,
  documentSummaryId: optionalText,
  files: z.array(WelkinFaxFileSchema).nullish(),
  pages: z.number().nullish(),
  failureReason: optionalText,
  sentAt: optionalText,
  receivedAt: optionalText,
  createdAt: optionalText,
  updatedAt: optionalText,
});
export type WelkinFax = z.infer<typeof WelkinFaxSchema>;

/** Upload answers with the fax (emulator, §4.6 PROPOSAL) or with the new file objects (document API). */
export const WelkinUploadResponseSchema = z.union([WelkinFaxSchema, z.array(WelkinFaxFileSchema)]);

export const WelkinPatientSchema = z.looseObject({
  id: z.string().min(1),
  firstName: optionalText,
  lastName: optionalText,
  birthDate: optionalText,
  mrn: optionalText,
  email: optionalText,
  phone: optionalText,
});
export type WelkinPatient = z.infer<typeof WelkinPatientSchema>;

export const WelkinDocumentTypeSchema = z.looseObject({
  id: z.string().min(1),
  name: optionalText,
  title: optionalText,
  label: optionalText,
});
export type WelkinDocumentType = z.infer<typeof WelkinDocumentTypeSchema>;

const SpringPageSchema = z.looseObject({
  content: z.array(z.unknown()),
  number: z.number().optional(),
  size: z.number().optional(),
  totalElements: z.number().optional(),
  totalPages: z.number().optional(),
  last: z.boolean().optional(),
  pageable: z.looseObject({ pageNumber: z.number().optional(), pageSize: z.number().optional() }).nullish(),
});

const MetaInfoPageSchema = z.looseObject({
  data: z.array(z.unknown()),
  metaInfo: z.looseObject({
    page: z.number().optional(),
    pageSize: z.number().optional(),
    totalElements: z.number().optional(),
    totalPages: z.number().optional(),
    lastPage: z.boolean().optional(),
  }),
});

const NamedSpringPageSchema = z.looseObject({ data: SpringPageSchema });

/** A page in one shape, whichever of Welkin's envelopes (§3.4) carried it. `page` is 0-based. */
export interface WelkinPage<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
  last: boolean;
}

/**
 * Reads a Spring Page, a `{data, metaInfo}` page, a `{name, data: Page}` wrapper or a bare array.
 * Throws (a malformed reply) when none fits or an item lacks what its schema requires.
 */
export function parseWelkinPage<T>(json: unknown, item: z.ZodType<T>, requested: { page: number; size: number }): WelkinPage<T> {
  if (Array.isArray(json)) {
    const items = json.map((entry) => item.parse(entry));
    return { items, page: 0, size: items.length, totalItems: items.length, totalPages: 1, last: true };
  }
  const named = NamedSpringPageSchema.safeParse(json);
  const spring = named.success ? named.data.data : SpringPageSchema.safeParse(json).data;
  if (spring) {
    const items = spring.content.map((entry) => item.parse(entry));
    const page = spring.number ?? spring.pageable?.pageNumber ?? requested.page;
    const size = spring.size ?? spring.pageable?.pageSize ?? requested.size;
    const totalItems = spring.totalElements ?? page * size + items.length;
    const totalPages = spring.totalPages ?? (size > 0 ? Math.ceil(totalItems / size) : 1);
    return { items, page, size, totalItems, totalPages, last: spring.last ?? page + 1 >= totalPages };
  }
  const meta = MetaInfoPageSchema.parse(json);
  const items = meta.data.map((entry) => item.parse(entry));
  const page = meta.metaInfo.page ?? requested.page;
  const size = meta.metaInfo.pageSize ?? requested.size;
  const totalItems = meta.metaInfo.totalElements ?? page * size + items.length;
  const totalPages = meta.metaInfo.totalPages ?? (size > 0 ? Math.ceil(totalItems / size) : 1);
  return { items, page, size, totalItems, totalPages, last: meta.metaInfo.lastPage ?? page + 1 >= totalPages };
}
