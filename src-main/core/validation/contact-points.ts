import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

// Phones are kept as typed (raw) and as normalised digits for caller lookup.
// Russian rules: 8XXXXXXXXXX, 7XXXXXXXXXX and 10 bare digits are +7 numbers.

export interface NormalizedPhone {
  digits: string;
  extension: string | null;
}

const EXTENSION = /\s*,?\s*\(?\s*(?:доб\.?|добавочный|ext\.?|extension|x|#)\s*(\d{1,6})\s*\)?\s*$/iu;

export function normalizePhone(raw: string): NormalizedPhone | null {
  let text = raw.trim();
  let extension: string | null = null;
  const ext = EXTENSION.exec(text);
  if (ext) {
    extension = ext[1]!;
    text = text.slice(0, ext.index);
  }
  if (/[^\d\s()+\-.–—/]/u.test(text)) return null;
  const international = text.startsWith('+');
  let digits = text.replace(/\D/g, '');
  if (!international) {
    if (digits.length === 11 && (digits[0] === '8' || digits[0] === '7')) digits = '7' + digits.slice(1);
    else if (digits.length === 10) digits = '7' + digits;
  }
  if (digits.length < 5 || digits.length > 15) return null;
  return { digits, extension };
}

/** Digits a user typed while searching, normalised like stored phones when complete. */
export function phoneQueryDigits(query: string): string {
  const digits = query.replace(/\D/g, '');
  if (digits.length === 11 && digits[0] === '8') return '7' + digits.slice(1);
  return digits;
}

/** Human display: +7 495 123-45-67 for Russian numbers, international format otherwise. */
export function formatPhone(digits: string): string {
  if (digits.length === 11 && digits[0] === '7') {
    return `+7 ${digits.slice(1, 4)} ${digits.slice(4, 7)}-${digits.slice(7, 9)}-${digits.slice(9)}`;
  }
  const parsed = parsePhoneNumberFromString('+' + digits);
  return parsed ? parsed.formatInternational() : digits;
}

// Pragmatic address check: one @, a dotted domain, no spaces. RFC 5322 allows more,
// but what people type into a CRM is this; anything stricter rejects real addresses.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u;

export function checkEmail(address: string): string | null {
  return EMAIL.test(address.trim()) ? null : 'email.invalid';
}

export function emailKey(address: string): string {
  return address.trim().toLowerCase();
}
