import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

const EXTENSION = /\s*(?:ext\.?|extn\.?|x|转|分机|#)\s*\d+\s*$/i;
/** A trailing "-802" after a complete number, the common way of writing an extension in China. */
const DASH_EXTENSION = /\s*-\s*\d{1,6}\s*$/;

/**
 * A phone number as stored and matched: E.164 (+8613812345678), whatever the caller's format
 * (spaces, dashes, slashes, parentheses, a leading 0 or +86, an extension). Undefined when it is not a number.
 */
export function normalizePhone(raw: string, defaultCountry: CountryCode = 'CN'): string | undefined {
  const withoutExtension = raw.replace(EXTENSION, '');
  const parsed = parsePhoneNumberFromString(withoutExtension, defaultCountry);
  if (parsed?.isValid()) return parsed.number;
  if (DASH_EXTENSION.test(withoutExtension)) {
    const shorter = parsePhoneNumberFromString(withoutExtension.replace(DASH_EXTENSION, ''), defaultCountry);
    if (shorter?.isValid()) return shorter.number;
  }
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** The digits alone, for matching a number still being typed. */
export const phoneDigits = (raw: string) => raw.replace(/\D/g, '');

/** True when the text is meant as a phone number: digits with phone punctuation (and maybe an extension), at least 4 digits. */
export const looksLikePhone = (text: string) => {
  const number = text.replace(EXTENSION, '');
  return /^[+\d\s()./-]+$/.test(number) && phoneDigits(number).length >= 4;
};
