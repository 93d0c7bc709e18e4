import { z } from 'zod';

/**
 * C0 controls, DEL, and the bidi embeddings/overrides/isolates. A name with one of these can hide
 * or reorder what a person reads ("invoice\u202Efdp.exe"), break a log line or a file name, so it
 * is refused as typed — never silently stripped, which would change what the person chose.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN_CHARACTERS = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN_CHARACTERS.test(text);
}

/** A string refused when it holds hidden characters; checked before anything trims it. */
export function plainText(what: string) {
  return z.string().refine((value) => !hasHiddenCharacters(value), {
    message: `${what} contains control or text-direction characters. Type it again without them.`,
    abort: true,
  });
}
