import { useTranslation } from 'react-i18next';
import type { ProcOutput } from '../api/client';

type Match = NonNullable<ProcOutput<'clients.list'>['rows'][number]['match']>;

/** What found a client when its row does not show it: «E-mail: petrov@… (Петров Пётр)». */
export function MatchNote({ match }: { match: Match | null }) {
  const { t } = useTranslation();
  if (!match) return null;
  const contact = match.contact && match.field !== 'contact' ? ` (${match.contact})` : '';
  return (
    <span className="match-note small muted" data-testid="match-note">
      {t(`search.matched.${match.field}`)}: <mark>{match.value}</mark>
      {contact}
    </span>
  );
}
