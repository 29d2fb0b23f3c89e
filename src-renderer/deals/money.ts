import i18next from 'i18next';

/** Kopecks as the user's locale writes money: «1 234 567,89 ₽». */
export function formatMoney(kopecks: number, currency = 'RUB'): string {
  const locale = i18next.language === 'en' ? 'en-US' : 'ru-RU';
  const whole = kopecks % 100 === 0;
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(kopecks / 100);
}

/**
 * Parses what a user types as a sum of roubles ("150 000", "1 234,5", "99.90") into
 * integer kopecks, without going through a float multiplication; null when it is
 * not a sum.
 */
export function parseRoubles(text: string): number | null {
  const s = text.replace(/[\s\u00a0₽]|руб\.?/gi, '').replace(',', '.');
  if (s === '') return 0;
  const m = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Kopecks as an editable text: «150000» or «150000,50». */
export function roublesText(kopecks: number): string {
  const r = Math.floor(kopecks / 100);
  const k = kopecks % 100;
  return k ? `${r},${String(k).padStart(2, '0')}` : String(r);
}

/** Quantity in thousandths as text and back («1,5» ↔ 1500). */
export function quantityText(milli: number): string {
  return (milli / 1000).toString().replace('.', ',');
}
export function parseQuantity(text: string): number | null {
  const m = /^(\d{1,9})(?:[.,](\d{0,3}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
}
