/**
 * The `document.normalize` task's input and output: every file a person adds becomes one PDF of
 * fax pages (or, for a Word document without LibreOffice, is sent as it is).
 */

export type Paper = 'letter' | 'a4';

export interface NormalizeInput {
  /** The file as the user gave it, already on disk under the data folder. */
  sourcePath: string;
  /** Where the normalised PDF goes; nothing is left there on failure. */
  outputPath: string;
  /** Display name, for messages only. */
  name: string;
  /** Page size for images, TIFF pages and text (PDF pages keep their own). */
  paper: Paper;
  /** Path of soffice when installed (findLibreOffice), else undefined. */
  libreOffice?: string;
  /**
   * A private temp folder for this call (LibreOffice profile, the PDF before it is moved into
   * place). On the same file system as outputPath, the move is atomic. The caller removes it.
   */
  workDir: string;
  /** LibreOffice is stopped after this long (default 60 s); keep the task's own limit above it. */
  libreOfficeTimeoutMs?: number;
}

export type NormalizedKind = 'pdf' | 'image' | 'tiff' | 'docx' | 'text';

export type RefusalReason =
  | 'empty' | 'unknown_type' | 'password' | 'damaged' | 'no_pages' | 'page_failed' | 'too_small' | 'not_docx';

export interface Normalized {
  ok: true;
  kind: NormalizedKind;
  /** null only for a DOCX sent as it is (no LibreOffice): the count is unknown. */
  pages: number | null;
  /** 'original' only for a DOCX without LibreOffice: the fax service converts it. */
  sentAs: 'pdf' | 'original';
  /** Of what will be sent. */
  contentType: string;
  /** Of the source file. */
  sha256: string;
  /** Plain words for the person adding the file. */
  warnings: string[];
}

export interface NormalizeRefused {
  ok: false;
  code: 'unsupported_file';
  reason: RefusalReason;
  /** Faxdesk's own words naming the file, never a library's text. */
  message: string;
  nextStep: string;
}

export type NormalizeOutput = Normalized | NormalizeRefused;

export const PDF_TYPE = 'application/pdf';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * What a converter found and can still send: its PDF (bytes, or a file it wrote in the work
 * folder or the source itself when that is sent as it is), its page count, what to tell the person.
 */
export type Converted = ({ pdf: Uint8Array } | { file: string }) & {
  pages: number;
  warnings: string[];
};
