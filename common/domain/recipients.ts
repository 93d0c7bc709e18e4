import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/min';
import { checkFaxNumber, type FaxNumberCheck } from './phone';

/** The office's region as a country libphonenumber knows (national numbers are read in it); US otherwise. */
export function regionCountry(region: string | undefined): CountryCode {
  return region && isSupportedCountry(region) ? region : 'US';
}

/**
 * A fax number as people and files write it: "+1 201 555 0100", "(201) 555-0100" (national, in the
 * office's region), "0044 20 7946 0000" (the 00 international prefix most of the world dials),
 * "tel:+1-201-555-0100" (vCard 4.0 URIs, with any ";ext=" dropped).
 */
export function readFaxNumber(input: string, region?: string): FaxNumberCheck {
  let text = input.trim().replace(/^tel:/i, '').replace(/;.*$/, '').trim();
  if (/^00\s*[1-9]/.test(text)) text = `+${text.slice(2).trimStart()}`;
  return checkFaxNumber(text, regionCountry(region));
}

/** A pasted list: one number per line, or separated by commas or semicolons. */
export function splitNumberList(text: string): string[] {
  return text.split(/[\r\n,;]+/).map((part) => part.trim()).filter(Boolean);
}

/** Digits a person may type to find a number: its international digits and its national form. */
export function numberDigits(e164: string): string {
  return e164.replace(/\D/g, '');
}
