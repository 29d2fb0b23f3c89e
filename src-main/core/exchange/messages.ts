import { ru } from '../../shared/i18n/ru';
import { en } from '../../shared/i18n/en';
import type { RowIssue } from './entities/types';

// Row issues are codes (translated by the UI). The CLI and the rejected-rows file
// have no UI: they read the same dictionaries (plain data) so wording never differs.

type Tree = { [k: string]: string | Tree };

function lookup(dict: Tree, code: string): string | null {
  const errors = dict.errors as Tree;
  if (typeof errors[code] === 'string') return errors[code];
  let node: string | Tree | undefined = errors;
  for (const part of code.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : null;
}

export function issueMessage(code: string, params: Record<string, string | number> = {}, lang: 'ru' | 'en' = 'ru'): string {
  const dict = (lang === 'en' ? en : ru) as unknown as Tree;
  const template = lookup(dict, code) ?? lookup(dict, 'invalid') ?? code;
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** "ИНН: ИНН с ошибкой…" — the column the user knows, then the reason. */
export function describeIssue(i: RowIssue, columnOf: (field: string) => string, lang: 'ru' | 'en' = 'ru'): string {
  const column = i.field ? columnOf(i.field) : '';
  const text = issueMessage(i.code, i.params, lang);
  return column ? `${column}: ${text}` : text;
}
