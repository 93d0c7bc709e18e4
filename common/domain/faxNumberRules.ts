/**
 * Numbers a fax must never go to, whatever libphonenumber thinks of them: a premium-rate or
 * satellite line bills the office per minute (fax "toll fraud" targets exactly these), an
 * emergency line must not be tied up by a fax machine, and a short code is never a fax. The page
 * and the core both apply these through checkFaxNumber.
 */
const EMERGENCY = new Set(['911', '112', '999', '000', '110', '119', '118', '100', '101', '102', '108', '15', '17', '18']);
/** Fewer digits than this, typed without a country code, cannot be a fax number anywhere we read them. */
const MIN_NATIONAL_DIGITS = 7;

const PREMIUM = [
  /^\+1(900|976)/, // North America: 1-900 and 976 pay-per-call
  /^\+449/, // UK 09… premium rate
  /^\+979/, // International Premium Rate Service
];
const SATELLITE = /^\+(870|881)/; // Inmarsat, and the global mobile satellite systems (Iridium +8816/8817, Globalstar +8818/8819)
const INTERNATIONAL_NETWORK = /^\+88[23]/; // international networks, not countries (Thuraya, maritime and carrier services)

/** What a person typed, before parsing: emergency and short numbers get their own words. */
export function refuseTyped(text: string): string | undefined {
  if (text.startsWith('+')) return undefined;
  const digits = text.replace(/\D/g, '');
  if (EMERGENCY.has(digits)) return emergency(text);
  if (digits.length < MIN_NATIONAL_DIGITS) {
    // The words the page has always used for an incomplete number.
    return `“${text}” is not a complete fax number. Include the area code, or a + and country code.`;
  }
  return undefined;
}

/** The number in international form (`+` and digits) and its national part, when known. */
export function refuseNumber(text: string, international: string, national?: string): string | undefined {
  if (national !== undefined && EMERGENCY.has(national)) return emergency(text);
  if (PREMIUM.some((pattern) => pattern.test(international))) {
    return `“${text}” is a premium-rate number, which charges by the minute. Faxdesk does not send faxes to premium-rate numbers.`;
  }
  if (SATELLITE.test(international)) {
    return `“${text}” is a satellite phone number, which costs many times an ordinary fax. Faxdesk does not send faxes to satellite numbers.`;
  }
  if (INTERNATIONAL_NETWORK.test(international)) {
    return `“${text}” belongs to an international network, not a country. Faxdesk does not send faxes there.`;
  }
  return undefined;
}

function emergency(text: string): string {
  return `“${text}” is an emergency number. Faxdesk does not send faxes to emergency services; call them instead.`;
}
