import type { NormalizeRefused, RefusalReason } from './normalizeTypes';

/** What a refusal may say beyond its reason: the page, the pixel size, or words of its own. */
export interface RefusalFacts {
  /** 1-based page that could not be processed (page_failed). */
  page?: number;
  /** Pixel size of an image that is too small (too_small). */
  size?: { width: number; height: number };
  /** What the file was read as (damaged: "cannot be read as a …"; page_failed: the next step): "PDF", "picture", "TIFF image". */
  readAs?: string;
  /** Words replacing the reason's standard message; `{name}` is replaced by the file's name. */
  message?: string;
  nextStep?: string;
}

/** Thrown by a converter to refuse a file; the task turns it into its `{ ok: false }` answer. */
export class Refusal extends Error {
  constructor(readonly reason: RefusalReason, readonly facts: RefusalFacts = {}) {
    super(`refused: ${reason}`);
    this.name = 'Refusal';
  }
}

const FAXABLE = 'Fax a PDF, a picture (PNG, JPEG, GIF, WebP, BMP or TIFF), a Word document (.docx) or a plain text file; print anything else to PDF first.';
const SAVE_AGAIN = 'Open it in the program that made it, save or export it again, and add the new file.';

/** Faxdesk's words for a refusal, naming the file: never a library's text. */
export function refusalWords(reason: RefusalReason, name: string, facts: RefusalFacts = {}): NormalizeRefused {
  const standard = STANDARD[reason](name, facts);
  return {
    ok: false, code: 'unsupported_file', reason,
    message: facts.message?.replaceAll('{name}', name) ?? standard.message,
    nextStep: facts.nextStep ?? standard.nextStep,
  };
}

type Words = { message: string; nextStep: string };

const STANDARD: Record<RefusalReason, (name: string, facts: RefusalFacts) => Words> = {
  empty: (name) => ({ message: `${name} is empty.`, nextStep: 'Check that you chose the right file, or save the document again.' }),
  unknown_type: (name) => ({ message: `${name} is not a kind of file Faxdesk can fax.`, nextStep: FAXABLE }),
  password: (name) => ({
    message: `${name} needs a password to open.`,
    nextStep: 'Open it with its password, save a copy without one, and add that copy.',
  }),
  damaged: (name, { readAs = 'document' }) => ({ message: `${name} is damaged and cannot be read as a ${readAs}.`, nextStep: SAVE_AGAIN }),
  no_pages: (name) => ({ message: `${name} has no pages to fax.`, nextStep: 'Check that you chose the right file.' }),
  page_failed: (name, { page, readAs = 'PDF' }) => ({
    message: `Page ${page ?? '?'} of ${name} cannot be read, so it would not fax correctly.`,
    nextStep: readAs === 'PDF'
      ? 'Open the file in a PDF viewer, print it to a new PDF, and add that.'
      : 'Open it in the program that made it or an image viewer, save it again, and add the new file.',
  }),
  too_small: (name, { size }) => ({
    message: size ? `${name} is only ${size.width}×${size.height} pixels: too small to fax.` : `${name} is too small to fax.`,
    nextStep: 'Use a larger picture or a scan of the document.',
  }),
  not_docx: (name) => ({
    message: `${name} is a zip archive, not a Word document.`,
    nextStep: 'Unzip it and add the documents inside, or save the document as .docx or PDF.',
  }),
};
