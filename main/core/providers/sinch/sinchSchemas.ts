import { z } from 'zod';

/**
 * Wire JSON of Sinch Fax API v3 (reference §4–§11). Objects strip unknown fields, optional fields
 * also accept `null`, and enums fall back to plain strings so a new value from Sinch never breaks a read.
 */

const optionalString = z.string().nullish();
const optionalInt = z.coerce.number().int().nullish();
const stringMap = z.record(z.string(), z.string()).nullish();

export const SinchFaxStatusSchema = z.enum(['QUEUED', 'IN_PROGRESS', 'COMPLETED', 'FAILURE']);
export type SinchFaxStatus = z.infer<typeof SinchFaxStatusSchema>;

export const SinchFaxSchema = z.object({
  id: z.string().min(1),
  direction: z.string(),
  from: optionalString,
  to: optionalString,
  status: z.string(),
  numberOfPages: optionalInt,
  pagesSentSuccessfully: optionalInt,
  createTime: z.string(),
  completedTime: optionalString,
  headerText: optionalString,
  resolution: optionalString,
  labels: stringMap,
  errorType: optionalString,
  errorCode: z.union([z.number(), z.string()]).nullish(),
  errorMessage: optionalString,
  serviceId: optionalString,
  coverPageId: optionalString,
  maxRetries: optionalInt,
  retryCount: optionalInt,
  /** Set once the final price is known (§5.3): amount as a decimal string, or a number in some replies. */
  price: z.object({ currencyCode: z.string(), amount: z.union([z.string(), z.number()]) }).nullish(),
  // The SDK types it as a string, the service sends a boolean (§16.6): accept both.
  hasFile: z.union([z.boolean(), z.string()]).nullish(),
});
export type SinchFax = z.infer<typeof SinchFaxSchema>;

/** POST /faxes answers one Fax for one recipient and `{faxes:[…]}` for several (§5.1.3). */
export const SinchSendResponseSchema = z.union([
  z.object({ faxes: z.array(SinchFaxSchema) }),
  SinchFaxSchema.transform((fax) => ({ faxes: [fax] })),
]);

const pageFields = {
  page: z.coerce.number().int().nullish(),
  // Older revisions used `pageNumber` (§16.1).
  pageNumber: z.coerce.number().int().nullish(),
  pageSize: z.coerce.number().int().nullish(),
  totalItems: z.coerce.number().int().nullish(),
  totalPages: z.coerce.number().int().nullish(),
};

export interface SinchPage<T> {
  items: T[];
  page: number;
  pageSize: number;
  totalItems: number;
  totalPages: number;
}

/** Builds a parser for the paginated envelope `{<dataKey>: T[], page, pageSize, totalItems, totalPages}`. */
export function sinchPageSchema<T>(dataKey: string, item: z.ZodType<T>): z.ZodType<SinchPage<T>> {
  return z
    .object({ [dataKey]: z.array(item).nullish(), ...pageFields })
    .transform((wire) => {
      const items = ((wire as Record<string, unknown>)[dataKey] as T[] | null | undefined) ?? [];
      const pageSize = wire.pageSize ?? items.length;
      const totalItems = wire.totalItems ?? items.length;
      return {
        items,
        page: wire.page ?? wire.pageNumber ?? 1,
        pageSize,
        totalItems,
        totalPages: wire.totalPages ?? (pageSize > 0 ? Math.ceil(totalItems / pageSize) : 1),
      };
    }) as unknown as z.ZodType<SinchPage<T>>;
}

export const SinchServiceSchema = z.object({
  id: z.string().min(1),
  projectId: optionalString,
  name: optionalString,
  incomingWebhookUrl: optionalString,
  webhookContentType: optionalString,
  defaultForProject: z.boolean().nullish(),
  defaultFrom: optionalString,
  numberOfRetries: optionalInt,
  retryDelaySeconds: optionalInt,
  imageConversionMethod: optionalString,
  coverPageId: optionalString,
  saveOutboundFaxDocuments: z.boolean().nullish(),
  saveInboundFaxDocuments: z.boolean().nullish(),
  scanIncomingBarcodes: z.boolean().nullish(),
  resolution: optionalString,
});
export type SinchService = z.infer<typeof SinchServiceSchema>;

/** Writable service fields (POST /services, PATCH /services/{id}). */
export interface SinchServiceRequest {
  name?: string;
  incomingWebhookUrl?: string;
  webhookContentType?: 'multipart/form-data' | 'application/json';
  defaultForProject?: boolean;
  defaultFrom?: string;
  numberOfRetries?: number;
  retryDelaySeconds?: number;
  imageConversionMethod?: 'HALFTONE' | 'MONOCHROME';
  coverPageId?: string;
  saveOutboundFaxDocuments?: boolean;
  saveInboundFaxDocuments?: boolean;
  scanIncomingBarcodes?: boolean;
  resolution?: 'FINE' | 'SUPERFINE';
}

export const SinchPermissionSchema = z.string();
export type SinchPermission = 'both' | 'send' | 'receive';

export const SinchServiceNumberSchema = z.object({
  phoneNumber: z.string().optional(),
  // Fax-to-email lists use `number` (§10); service number lists use `phoneNumber` (§8.2).
  number: z.string().optional(),
  projectId: optionalString,
  serviceId: optionalString,
  permissions: optionalString,
});
export type SinchServiceNumber = z.infer<typeof SinchServiceNumberSchema>;

const EmailPhoneNumberSchema = z.union([
  z.string().transform((number) => ({ number, permissions: undefined as string | undefined })),
  z.object({ number: z.string(), permissions: z.string().nullish().transform((value) => value ?? undefined) }),
]);

export const SinchEmailSchema = z.object({
  email: z.string(),
  phoneNumbers: z.array(EmailPhoneNumberSchema).nullish(),
  projectId: optionalString,
  createdAt: optionalString,
  updatedAt: optionalString,
});
export type SinchEmail = z.infer<typeof SinchEmailSchema>;

export const SinchCoverPageSchema = z.object({
  id: z.string().min(1),
  name: optionalString,
  projectId: optionalString,
  serviceId: optionalString,
  createdTime: optionalString,
  updatedTime: optionalString,
});
export type SinchCoverPage = z.infer<typeof SinchCoverPageSchema>;

/** Error envelope (§11.1); `code` is a string on the wire but tolerated as a number. */
export const SinchErrorEnvelopeSchema = z.object({
  code: z.union([z.string(), z.number()]).nullish(),
  error: optionalString,
  message: optionalString,
  status: z.union([z.string(), z.number()]).nullish(),
  details: z
    .object({
      fieldViolations: z.array(z.object({ field: optionalString, description: optionalString })).nullish(),
    })
    .nullish(),
});
export type SinchErrorEnvelope = z.infer<typeof SinchErrorEnvelopeSchema>;

export const SinchTokenResponseSchema = z.object({
  access_token: z.string().min(1, 'The authentication server did not return an access_token'),
  expires_in: z.coerce.number().nullish(),
  token_type: optionalString,
});
