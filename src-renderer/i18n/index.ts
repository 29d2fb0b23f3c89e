import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { format, parseISO } from 'date-fns';
import { ru as ruLocale, enUS } from 'date-fns/locale';
import { ru } from '../../src-main/shared/i18n/ru';
import { en } from '../../src-main/shared/i18n/en';
import type { UiLanguage } from '../../src-main/shared/i18n/languages';
import { ApiError, call } from '../api/client';

export const LANGUAGES: Record<UiLanguage, string> = { ru: 'Русский', en: 'English' };
export type Language = UiLanguage;

const STORAGE_KEY = 'kartoteka.language';

function initialLanguage(): Language {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === 'en' ? 'en' : 'ru';
}

/** In the desktop app, tells the main process the UI language so its menu and dialogs follow (no-op in browser mode). */
function tellDesktopApp(lang: Language): void {
  if (typeof window === 'undefined') return;
  window.kartoteka?.setLanguage?.(lang);
}

const startLanguage = initialLanguage();

void i18next
  .use(initReactI18next)
  .init({
    resources: { ru: { translation: ru }, en: { translation: en } },
    lng: startLanguage,
    fallbackLng: 'ru',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  .then(() => tellDesktopApp(startLanguage));

export function setLanguage(lang: Language): void {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  tellDesktopApp(lang);
  // The workspace remembers it too: the CLI and files the core writes speak it.
  void call('workspace.setLanguage', { language: lang }).catch(() => {});
}

export const t = (key: string, params?: Record<string, unknown>): string => i18next.t(key, params) as string;

/** Message for one field issue reported by the core. */
export function issueText(issue: { code: string; params?: Record<string, string | number> }): string {
  const key = `errors.${issue.code}`;
  return i18next.exists(key) ? t(key, issue.params) : t('errors.invalid');
}

/** One line for a failed call: the translated code, never a stack trace. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'validation' && e.issues.length > 0) {
      // Custom-field issues carry the field's name; their path holds only its id.
      // An import row refused at apply time carries its row number (as Excel shows it).
      const at = (i: (typeof e.issues)[number]) => (i.params?.row != null ? `${t('errors.atRow', { row: i.params.row })}, ` : '');
      return e.issues.map((i) => `${at(i)}${i.params?.name ?? fieldLabel(i.field)}: ${issueText(i)}`).join('; ');
    }
    const key = `errors.${e.code}`;
    const row = e.payload.params?.row;
    if (i18next.exists(key)) return `${row != null ? `${t('errors.atRow', { row })}: ` : ''}${t(key, { ...e.payload.params, message: e.message })}`;
    return t('errors.generic', { message: e.message });
  }
  return t('errors.generic', { message: e instanceof Error ? e.message : String(e) });
}

export function fieldLabel(field: string): string {
  const base = field.split('.')[0] ?? field;
  return i18next.exists(`fields.${base}`) ? t(`fields.${base}`) : field;
}

const dateLocale = () => (i18next.language === 'en' ? enUS : ruLocale);

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return format(parseISO(iso), 'P', { locale: dateLocale() });
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return format(parseISO(iso), 'Pp', { locale: dateLocale() });
}

export default i18next;
