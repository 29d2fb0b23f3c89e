import { ru } from './ru';
import { en } from './en';
import type { UiLanguage } from './languages';

// Texts outside the renderer (the CLI, files the core writes) read the same
// catalogues as the UI, so the wording never differs between the doors.

type Tree = { [k: string]: string | Tree };

/**
 * The string at a dotted key. Catalogues nest namespaces (`errors.tasks.x`) and also
 * use dotted leaf keys (`errors['inn.checksum']`): at each level the rest of the key is
 * tried whole before descending.
 */
export function lookup(tree: Tree, key: string): string | null {
  const whole = tree[key];
  if (typeof whole === 'string') return whole;
  const dot = key.indexOf('.');
  if (dot < 0) return null;
  for (let i = dot; i >= 0; i = key.indexOf('.', i + 1)) {
    const node = tree[key.slice(0, i)];
    if (node && typeof node === 'object') {
      const found = lookup(node, key.slice(i + 1));
      if (found !== null) return found;
    }
  }
  return null;
}

/** Fills i18next-style {{name}} placeholders. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

const catalogues: Record<UiLanguage, Tree> = { ru: ru as unknown as Tree, en: en as unknown as Tree };

/** The UI's message for an error or issue code (`errors.<code>`), or null when it has none. */
export function errorMessage(lang: UiLanguage, code: string, params: Record<string, string | number> = {}): string | null {
  const template = lookup(catalogues[lang].errors as Tree, code);
  return template === null ? null : fill(template, params);
}

/** Any message of the catalogues by its dotted key; the key itself when missing. */
export function message(lang: UiLanguage, key: string, params: Record<string, string | number> = {}): string {
  const template = lookup(catalogues[lang], key);
  return template === null ? key : fill(template, params);
}
