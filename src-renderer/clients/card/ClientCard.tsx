import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../../api/client';
import { errorText, formatDate, formatDateTime } from '../../i18n';
import { useApp } from '../../app/store';
import { useLookups } from '../../settings/lookups';
import { confirmAction } from '../../ui/Dialog';
import { notify, notifyError } from '../../ui/toast';
import { useClients } from '../store';
import { ProfilePanel } from './ProfilePanel';
import { ContactsPanel } from './ContactsPanel';
import { HistoryPanel } from './HistoryPanel';
import { MergeDialog } from './MergeDialog';
import { TasksPanel } from '../../tasks/TasksPanel';
import { ClientDealsPanel } from '../../deals/ClientDealsPanel';

type Card = ProcOutput<'clients.get'>;

export function ClientCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const refreshList = useClients((s) => s.refresh);
  const { loaded, reload: reloadLookups } = useLookups();
  const [card, setCard] = useState<Card | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [merging, setMerging] = useState(false);

  const reload = useCallback(() => {
    call('clients.get', { id }).then(
      (c) => {
        setCard(c);
        setVersion((v) => v + 1);
        refreshList();
      },
      (e) => setError(errorText(e)),
    );
  }, [id, refreshList]);

  useEffect(() => {
    reload();
    if (!loaded) void reloadLookups();
  }, [reload, loaded, reloadLookups]);

  if (error) return <div className="page"><p className="error" role="alert">{error}</p></div>;
  if (!card) return <div className="page muted">{t('common.loading')}</div>;

  const setArchived = async (archived: boolean) => {
    if (archived && !(await confirmAction(t('card.archiveConfirm', { name: card.name })))) return;
    try {
      await call(archived ? 'clients.archive' : 'clients.restore', { ids: [card.id] });
      notify(archived ? t('card.archivedToast') : t('card.restoredToast'), {
        label: t('common.undo'),
        run: () => void call(archived ? 'clients.restore' : 'clients.archive', { ids: [card.id] }).then(reload),
      });
      reload();
    } catch (e) {
      notifyError(errorText(e));
    }
  };

  return (
    <div className="page client-card" data-testid="client-card">
      <header className="card-head">
        <button className="link" onClick={() => navigate({ section: 'clients' })}>{t('card.back')}</button>
        <h1>{card.name}</h1>
        <span className={`badge kind-${card.fields.kind}`}>{t(`kinds.${card.fields.kind}`)}</span>
        <span className="muted small" data-testid="card-dates">
          {t('card.dates', { created: formatDateTime(card.createdAt), updated: formatDateTime(card.updatedAt) })}
        </span>
        <span className="spacer" />
        {!card.archivedAt && <button onClick={() => setMerging(true)}>{t('card.merge')}</button>}
        {card.archivedAt ? (
          !card.mergedInto && <button onClick={() => setArchived(false)}>{t('card.restore')}</button>
        ) : (
          <button className="danger" onClick={() => setArchived(true)}>{t('card.archive')}</button>
        )}
      </header>
      {card.archivedAt && (
        <p className="notice" role="status">
          {t('card.archivedBanner', { date: formatDate(card.archivedAt) })}
          {card.mergedInto && (
            <>
              {' · '}
              {t('card.mergedBanner')}{' '}
              <a href={`#/clients/${card.mergedInto.id}`}>{card.mergedInto.name}</a>
            </>
          )}
        </p>
      )}
      <div className="card-columns">
        <div className="card-left">
          <ProfilePanel card={card} reload={reload} />
          <ContactsPanel card={card} reload={reload} />
        </div>
        <div className="card-right">
          <ClientDealsPanel client={{ id: card.id, name: card.name }} archived={!!card.archivedAt} />
          <TasksPanel link={{ kind: 'client', clientId: card.id, clientName: card.name }} onChanged={reload} />
          <HistoryPanel card={card} version={version} />
          {(['documents'] as const).map((s) => (
            <section key={s} className="panel placeholder-panel">
              <h2>{t(`card.${s}`)}</h2>
              <p className="muted">{t('card.comingSoon')}</p>
            </section>
          ))}
        </div>
      </div>
      {merging && (
        <MergeDialog
          keep={{ id: card.id, name: card.name }}
          onClose={() => setMerging(false)}
          onMerged={() => {
            setMerging(false);
            reload();
          }}
        />
      )}
    </div>
  );
}
