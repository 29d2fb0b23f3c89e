import { useTranslation } from 'react-i18next';
import type { ProcOutput } from '../../api/client';
import { useApp } from '../../app/store';

/** "This client may already exist", with links to the existing cards. */
export function DuplicateWarning({ hits, onOpen }: { hits: ProcOutput<'clients.duplicates'>; onOpen?: () => void }) {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  if (hits.length === 0) return null;
  return (
    <div className="warning" role="alert" data-testid="duplicate-warning">
      {t('form.duplicates')}
      <ul>
        {hits.map((d, i) =>
          d.hidden ? (
            // Someone else's client: that it exists and whom to ask, never the card.
            <li key={`hidden-${i}-${d.matchedBy}`}>{t('form.duplicateHidden', { by: t(`form.duplicateBy.${d.matchedBy}`), responsible: d.hidden.responsible ?? t('form.noResponsible') })}</li>
          ) : (
          <li key={d.id + d.matchedBy}>
            <a
              href={`#/clients/${d.id}`}
              onClick={(e) => {
                e.preventDefault();
                onOpen?.();
                navigate({ section: 'clients', clientId: d.id });
              }}
            >
              {d.name}
            </a>{' '}
            — {t(`form.duplicateBy.${d.matchedBy}`)} {d.archived && t('form.archivedMark')}
          </li>
          ),
        )}
      </ul>
    </div>
  );
}
