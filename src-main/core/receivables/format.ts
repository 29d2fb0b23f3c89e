import type { UiLanguage } from '../../shared/i18n/languages';

// Money and dates in texts the core writes (task titles, letters), by the language.

const locale = (lang: UiLanguage) => (lang === 'en' ? 'en-US' : 'ru-RU');

export function formatMoney(kopecks: number, lang: UiLanguage): string {
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'RUB', minimumFractionDigits: 2 }).format(kopecks / 100);
}

export function formatDate(date: string, lang: UiLanguage): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(locale(lang), { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
}
