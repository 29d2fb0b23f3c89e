import i18next from 'i18next';
import { t } from '../i18n';

/** A field's name in the UI language; custom fields carry the user's own name. */
export function fieldName(f: { key: string; header: string; customName?: string | null }): string {
  if (f.customName) return f.customName;
  if (i18next.exists(`exchange.fieldNames.${f.key}`)) return t(`exchange.fieldNames.${f.key}`);
  if (i18next.exists(`fields.${f.key}`)) return t(`fields.${f.key}`);
  return f.header;
}
