import { z } from 'zod';

/** Largest single file Faxdesk accepts (Welkin's per-fax limit; Sinch refuses files over 20 MB). */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

/** What a file turned out to be, judged by its content, never its name. */
export const DocumentKindSchema = z.enum(['pdf', 'image', 'tiff', 'docx', 'text']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const DocumentInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: DocumentKindSchema,
  /** Pages of what is sent; null when unknown (a Word file the fax service converts itself). */
  pages: z.number().int().nonnegative().nullable(),
  /** Size of the file as the person gave it. */
  sizeBytes: z.number().int().nonnegative(),
  /** 'pdf': Faxdesk's normalised PDF is sent; 'original': the file itself (the provider converts it). */
  sentAs: z.enum(['pdf', 'original']),
  /** Type and size of what is uploaded. */
  contentType: z.string(),
  sentBytes: z.number().int().nonnegative(),
  /** What changed on the way (flattened form fields, a rotated photo…), in plain words. */
  warnings: z.array(z.string()),
  /** SHA-256 of the file as the person gave it: the same file added twice is asked about. */
  sha256: z.string(),
});
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>;

export const RotationSchema = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type Rotation = z.infer<typeof RotationSchema>;

/**
 * One piece of a fax, in send order: a page of a document's normalised PDF (0-based, turned
 * clockwise by `rotation` on top of its own), or a whole document sent as it is.
 */
export const FaxPartSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page'), documentId: z.string().min(1), page: z.number().int().nonnegative(), rotation: RotationSchema.default(0) }),
  z.object({ type: z.literal('original'), documentId: z.string().min(1) }),
]);
export type FaxPart = z.infer<typeof FaxPartSchema>;
export type FaxPartInput = z.input<typeof FaxPartSchema>;

export const PaperSizeSchema = z.enum(['auto', 'letter', 'a4']);
export type PaperSize = z.infer<typeof PaperSizeSchema>;
