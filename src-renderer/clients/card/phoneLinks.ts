/**
 * Links beside a phone on the card. `digits` are the core's normalised digits with
 * the country code ("79161234567"). Messengers live on mobiles: a Russian number is
 * mobile when it starts +7 9, a Kazakh one (+7 7xx) usually is; for other countries
 * we cannot tell from the digits, so the links are offered. A number the user
 * labelled mobile is taken at their word.
 */
export function isMobile(digits: string, extension: string | null, label: string | null = null): boolean {
  if (extension) return false;
  if (label && /mob|моб|сот|whatsapp|telegram/i.test(label)) return true;
  if (digits.startsWith('7')) return digits.length === 11 && (digits[1] === '9' || digits[1] === '7');
  return digits.length >= 8;
}

export const telUrl = (digits: string) => `tel:+${digits}`;
export const whatsappUrl = (digits: string) => `https://wa.me/${digits}`;
export const telegramUrl = (digits: string) => `https://t.me/+${digits}`;
