import { format, parseISO } from 'date-fns';
import { ru, enUS } from 'date-fns/locale';
import i18next from 'i18next';

/**
 * A deal's date as board tiles, list rows and the card show it: «30 июн» within the
 * current year, «30 июн 2027» otherwise. Takes a plain date ('YYYY-MM-DD', read as
 * that local day) or an instant (shown in this computer's zone).
 */
export function dealDate(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '';
  const d = parseISO(iso);
  return format(d, d.getFullYear() === now.getFullYear() ? 'd MMM' : 'd MMM yyyy', { locale: i18next.language === 'en' ? enUS : ru });
}
