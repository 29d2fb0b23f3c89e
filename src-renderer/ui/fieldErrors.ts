import { ApiError } from '../api/client';
import { issueText } from '../i18n';

/** Field path → message, from a core ValidationError; empty for other errors. */
export function fieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError) || e.code !== 'validation') return {};
  const out: Record<string, string> = {};
  for (const i of e.issues) out[i.field] ??= issueText(i);
  return out;
}
