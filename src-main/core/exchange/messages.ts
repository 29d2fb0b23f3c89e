import { errorMessage } from '../../shared/i18n/translate';
import type { UiLanguage } from '../../shared/i18n/languages';
import type { RowIssue } from './entities/types';

// Row issues are codes (translated by the UI). The CLI and the rejected-rows file
// have no UI: they read the same catalogues so wording never differs.

export function issueMessage(code: string, params: Record<string, string | number> = {}, lang: UiLanguage = 'ru'): string {
  return errorMessage(lang, code, params) ?? errorMessage(lang, 'invalid') ?? code;
}

/** "ИНН: ИНН с ошибкой…" — the column the user knows, then the reason. */
export function describeIssue(i: RowIssue, columnOf: (field: string) => string, lang: UiLanguage = 'ru'): string {
  const column = i.field ? columnOf(i.field) : '';
  const text = issueMessage(i.code, i.params, lang);
  return column ? `${column}: ${text}` : text;
}
