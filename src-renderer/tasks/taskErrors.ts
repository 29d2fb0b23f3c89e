import i18next from 'i18next';
import { ApiError } from '../api/client';
import { errorText, issueText } from '../i18n';

/** A failed task call as one line naming the form's field ("Тип: …"), not the procedure's path. */
export function taskErrorText(e: unknown): string {
  if (!(e instanceof ApiError) || e.code !== 'validation') return errorText(e);
  return e.issues
    .map((i) => {
      const field = i.field.replace(/^(fields|patch)\./, '').split('.')[0] ?? '';
      const key = `tasks.fields.${field}`;
      return `${i18next.exists(key) ? i18next.t(key) : field}: ${issueText(i)}`;
    })
    .join('; ');
}
