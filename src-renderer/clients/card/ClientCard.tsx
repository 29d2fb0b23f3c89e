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
import { AuditPanel } from '../../audit/AuditPanel';
import { CommunicationsPanel } from './CommunicationsPanel';
import { Timeline } from './Timeline';
import { MergeDialog } from './MergeDialog';
import { ClientDealsPanel } from '../../deals/ClientDealsPanel';
import { useMay } from '../../access/store';
import { DebtPanel } from '../../receivables/DebtPanel';

type Card = ProcOutput<'clients.get'>;

export function ClientCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  const mayMerge = useMay('merge');
  const refreshList = useClients((s) => s.refresh);
  const { loaded, reload: reloadLookups } = useLookups();
  const [card, setCard] = useState<Card | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped by what writes into the history (archive, restore, merge); field edits do not reload the timeline.
  const [historyVersion, setHistoryVersion] = useState(0);
  const [merging, setMerging] = useState(false);

  const reload = useCallback(() => {
    call('clients.get', { id }).then(
      (c) => {
        setCard(c);
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
      const changed = () => {
        setHistoryVersion((v) => v + 1);
        reload();
      };
      notify(archived ? t('card.archivedToast') : t('card.restoredToast'), {
        label: t('common.undo'),
        run: () => void call(archived ? 'clients.restore' : 'clients.archive', { ids: [card.id] }).then(changed),
      });
      changed();
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
        {!card.archivedAt && mayMerge && <button onClick={() => setMerging(true)}>{t('card.merge')}</button>}
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
      {/* Fields at the side, the timeline (write, plan, read the history) in the centre. */}
      <div className="card-columns">
        <aside className="card-side" aria-label={t('card.side')}>
          <CommunicationsPanel card={card} reload={reload} />
          <ClientDealsPanel client={{ id: card.id, name: card.name }} archived={!!card.archivedAt} />
          <ProfilePanel card={card} reload={reload} />
          <ContactsPanel card={card} reload={reload} />
          <AuditPanel targetType="client" targetId={card.id} version={card.updatedAt} />
        </aside>
        <div className="card-main">
          <DebtPanel clientId={card.id} archived={!!card.archivedAt} />
          <Timeline client={card} archived={!!card.archivedAt} version={historyVersion} />
        </div>
      </div>
      {merging && (
        <MergeDialog
          keep={{ id: card.id, name: card.name }}
          onClose={() => setMerging(false)}
          onMerged={() => {
            setMerging(false);
            setHistoryVersion((v) => v + 1);
            reload();
          }}
        />
      )}
    </div>
  );
}
