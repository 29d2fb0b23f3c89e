import { useTranslation } from 'react-i18next';
import { message } from '../../src-main/shared/i18n/translate';
import type { Translate } from '../../src-main/shared/audit-text';
import { langOf } from '../ui/dates/dateText';

/**
 * The shared catalogue lookup (dotted action names such as `clients.update` are leaf
 * keys there) in the UI's language, for the wording the log shares with the core's
 * .xlsx and the CLI (src-main/shared/audit-text.ts).
 */
export function useAuditText(): { tr: Translate; lang: 'ru' | 'en' } {
  const { i18n } = useTranslation();
  const lang = langOf(i18n.language);
  return { tr: (key, params) => message(lang, key, params), lang };
}
