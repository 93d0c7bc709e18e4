import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { refuseNumber, refuseTyped } from './faxNumberRules';

export type FaxNumberCheck =
  | { ok: true; e164: string; display: string }
  | { ok: false; message: string };

/**
 * Normalises what a person typed into an E.164 fax number. Written once and used by the compose
 * form (to keep Send disabled) and by the core (which never trusts the page): the same numbers are
 * refused in both, with the same words (faxNumberRules.ts).
 */
export function checkFaxNumber(input: string, defaultCountry: CountryCode = 'US'): FaxNumberCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a fax number.' };
  if (/[^\d\s()+.-]/.test(trimmed)) {
    return { ok: false, message: 'A fax number can only contain digits, spaces, dashes, brackets and a leading +.' };
  }
  // Emergency and short codes first: "911" is not "an incomplete number", it is the wrong kind.
  const typed = refuseTyped(trimmed);
  if (typed) return { ok: false, message: typed };
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  const refused = refuseNumber(trimmed, parsed?.number ?? `+${trimmed.replace(/\D/g, '')}`, parsed?.nationalNumber);
  if (refused && (parsed || trimmed.startsWith('+'))) return { ok: false, message: refused };
  if (!parsed || !parsed.isPossible()) {
    return { ok: false, message: `“${trimmed}” is not a complete fax number. Include the area code, or a + and country code.` };
  }
  if (!parsed.isValid()) {
    return { ok: false, message: `“${trimmed}” is not a valid number for ${parsed.country ?? 'its country'}.` };
  }
  return { ok: true, e164: parsed.number, display: parsed.formatInternational() };
}

/** E.164 check for data that is already normalised (wire payloads, stored jobs). */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;
