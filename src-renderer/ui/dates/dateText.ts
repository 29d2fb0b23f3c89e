/**
 * Typing, reading and showing dates and times in the app's language, whatever the
 * browser's locale: Russian dd.mm.yyyy and 24-hour time, English mm/dd/yyyy and
 * h:mm AM/PM (as `formatDate`/`formatDateTime` show them). Values stay what the
 * native inputs gave: `yyyy-MM-dd` and `HH:mm`. Pure functions, unit-tested.
 */
export type DateLang = 'ru' | 'en';

type Part = 'd' | 'm' | 'y';
const ORDER: Record<DateLang, Part[]> = { ru: ['d', 'm', 'y'], en: ['m', 'd', 'y'] };
const SEP: Record<DateLang, string> = { ru: '.', en: '/' };
const MAX: Record<Part, number> = { d: 2, m: 2, y: 4 };
const SEPARATORS = /[./\-\s,]/;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const langOf = (language: string): DateLang => (language.startsWith('en') ? 'en' : 'ru');
export const isIsoDate = (s: string): boolean => ISO_DATE.test(s) && realDate(s);
export const isIsoTime = (s: string): boolean => ISO_TIME.test(s);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function realDate(iso: string): boolean {
  const [, y, m, d] = ISO_DATE.exec(iso)!.map(Number) as [number, number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

/**
 * Shapes what is typed into the language's pattern: digits only, separators put in
 * as the next part starts ("05122026" → "05.12.2026"), a day above 3 or a month
 * above 1 completed at once ("5" → "05"), a typed separator ends a part ("5.1." → "5.1.").
 * A separator is added only when a digit follows, so Backspace can remove it.
 */
export function maskDate(text: string, lang: DateLang): string {
  // A pasted ISO date ("2026-12-05") is shown in the language's pattern.
  if (ISO_DATE.test(text.trim())) return formatDateText(text.trim(), lang);
  const order = ORDER[lang];
  const parts = ['', '', ''];
  let i = 0;
  for (const c of text) {
    if (c >= '0' && c <= '9') {
      if (parts[i]!.length >= MAX[order[i]!]) {
        if (i === 2) continue;
        i++;
      }
      parts[i] += c;
      const kind = order[i]!;
      // "4" can only begin a day as "04", "2" a month as "02": complete it now.
      if (parts[i]!.length === 1 && ((kind === 'd' && c > '3') || (kind === 'm' && c > '1'))) parts[i] = '0' + c;
    } else if (SEPARATORS.test(c) && parts[i] !== '' && i < 2) {
      i++;
    }
  }
  const sep = SEP[lang];
  return parts[0]! + (i > 0 ? sep : '') + parts[1]! + (i > 1 ? sep : '') + parts[2]!;
}

/**
 * What the user typed → `yyyy-MM-dd`; '' for an empty field; null when it is no
 * date ("31.02.2026", "12.2026"). Accepts a pasted ISO date, a two-digit year (the
 * nearest century that keeps it at most 20 years ahead: 26 → 2026, 85 → 1985) and a
 * day and month alone (this year).
 */
export function parseDate(text: string, lang: DateLang, today: Date = new Date()): string | null {
  const raw = text.trim();
  if (raw === '') return '';
  if (ISO_DATE.test(raw)) return realDate(raw) ? raw : null;
  const order = ORDER[lang];
  const pieces = maskDate(raw, lang).split(SEP[lang]);
  if (pieces.length < 2 || pieces.some((p) => p === '')) return null;
  const value: Record<Part, number> = { d: 0, m: 0, y: today.getFullYear() };
  pieces.forEach((p, k) => (value[order[k]!] = Number(p)));
  if (pieces.length === 3) {
    const y = pieces[2]!;
    if (y.length === 2) {
      const base = today.getFullYear() + 20;
      value.y = Math.floor(base / 100) * 100 + value.y;
      if (value.y > base) value.y -= 100;
    } else if (y.length !== 4) return null;
  }
  const iso = `${pad(value.y, 4)}-${pad(value.m)}-${pad(value.d)}`;
  return realDate(iso) ? iso : null;
}

/** `yyyy-MM-dd` → "05.12.2026" / "12/05/2026"; anything else is shown as it is. */
export function formatDateText(iso: string, lang: DateLang): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const value: Record<Part, string> = { y: m[1]!, m: m[2]!, d: m[3]! };
  return ORDER[lang].map((p) => value[p]).join(SEP[lang]);
}

/** "1430" → "14:30", "9" → "09" once a second digit could not make an hour, "2:30p" → "2:30 PM". */
export function maskTime(text: string): string {
  const parts = ['', ''];
  let i = 0;
  let suffix = '';
  for (const c of text) {
    if (c >= '0' && c <= '9') {
      if (suffix) continue;
      if (parts[i]!.length >= 2) {
        if (i === 1) continue;
        i++;
      }
      parts[i] += c;
      if (i === 0 && parts[0]!.length === 1 && c > '2') parts[0] = '0' + c;
      if (i === 1 && parts[1]!.length === 1 && c > '5') parts[1] = '0' + c;
    } else if (/[:.\s]/.test(c) && parts[i] !== '' && i === 0 && !suffix) {
      i = 1;
    } else if (/[ap]/i.test(c) && parts[0] !== '') {
      suffix = c.toLowerCase() === 'a' ? 'AM' : 'PM';
    }
  }
  return parts[0]! + (i > 0 ? ':' : '') + parts[1]! + (suffix ? ` ${suffix}` : '');
}

/** What the user typed → `HH:mm`; '' when empty; null when no time ("25:00", "13 PM"). Either language accepts 24-hour and AM/PM. */
export function parseTime(text: string): string | null {
  const raw = text.trim();
  if (raw === '') return '';
  const m = /^(\d{1,2})(?::(\d{0,2}))?(?: (AM|PM))?$/.exec(maskTime(raw));
  if (!m) return null;
  let h = Number(m[1]);
  const min = m[2] === undefined || m[2] === '' ? 0 : Number(m[2]);
  if (m[2] !== undefined && m[2].length === 1) return null;
  if (m[3]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[3] === 'PM' ? 12 : 0);
  }
  if (h > 23 || min > 59) return null;
  return `${pad(h)}:${pad(min)}`;
}

/** `HH:mm` → "14:30" in Russian, "2:30 PM" in English; anything else as it is. */
export function formatTimeText(hhmm: string, lang: DateLang): string {
  const m = ISO_TIME.exec(hhmm);
  if (!m) return hhmm;
  if (lang === 'ru') return hhmm;
  const h = Number(m[1]);
  return `${h % 12 === 0 ? 12 : h % 12}:${m[2]} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Moves a `yyyy-MM-dd` by whole days (the ↑/↓ keys in a date field). */
export function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}
