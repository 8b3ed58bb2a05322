import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * A phone number as stored and matched: E.164 (+8613812345678), whatever the caller's format
 * (spaces, dashes, parentheses, a leading 0 or +86, an extension). Undefined when it is not a number.
 */
export function normalizePhone(raw: string, defaultCountry: CountryCode = 'CN'): string | undefined {
  const withoutExtension = raw.replace(/\s*(?:ext\.?|x|转|#)\s*\d+\s*$/i, '');
  const parsed = parsePhoneNumberFromString(withoutExtension, defaultCountry);
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** The digits alone, for matching a number still being typed. */
export const phoneDigits = (raw: string) => raw.replace(/\D/g, '');

/** True when the text is meant as a phone number: digits with phone punctuation, at least 4 digits. */
export const looksLikePhone = (text: string) => /^[+\d\s()./-]+$/.test(text) && phoneDigits(text).length >= 4;
