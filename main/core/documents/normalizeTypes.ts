import type { DocumentKind } from '../../../common/domain/document';

/** Input of the `document.normalize` task: a file on disk in, Faxdesk's PDF out. */
export interface NormalizeInput {
  sourcePath: string;
  /** Where the normalised PDF goes; nothing is left there on failure. */
  outputPath: string;
  /** Display name, for messages only. */
  name: string;
  paper: 'letter' | 'a4';
  /** soffice, when LibreOffice is installed. */
  libreOffice?: string;
  /** A private temporary folder for this call. */
  workDir: string;
}

export type NormalizeOutput =
  | { ok: true; kind: DocumentKind; pages: number | null; sentAs: 'pdf' | 'original'; contentType: string; sha256: string; warnings: string[] }
  | { ok: false; code: 'unsupported_file'; reason: string; message: string; nextStep: string };
