import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { TaskItem } from './TaskItem';
import { useTasks, userTimeZone } from './store';

type Panel = ProcOutput<'tasks.forClient'>;

/** What the panel belongs to: a client card, or a deal card (whose tasks are the deal's client's too). */
export type TasksPanelLink =
  | { kind: 'client'; clientId: string; clientName: string }
  | { kind: 'deal'; dealId: string; dealTitle: string; clientId: string; clientName: string };

/**
 * A card's tasks: open ones soonest first and the latest done ones, "+ Task"
 * pre-filled with the card's client (and deal). The client card and the deal card
 * both use it. `readOnly`: an archived card lists its tasks but offers no new one (the
 * core would refuse it).
 */
export function TasksPanel({ link, onChanged, readOnly = false }: { link: TasksPanelLink; onChanged: () => void; readOnly?: boolean }) {
  const { t } = useTranslation();
  const { version, openDialog, typesLoaded, loadTypes } = useTasks();
  const [data, setData] = useState<Panel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [firstVersion] = useState(version);
  const onDeal = link.kind === 'deal';
  const ownerId = onDeal ? link.dealId : link.clientId;

  useEffect(() => {
    if (!typesLoaded) void loadTypes();
  }, [typesLoaded, loadTypes]);
  useEffect(() => {
    const timeZone = userTimeZone();
    const load = onDeal ? call('tasks.forDeal', { dealId: ownerId, timeZone, limit: 20 }) : call('tasks.forClient', { clientId: ownerId, timeZone, limit: 20 });
    load.then(setData, (e) => setError(errorText(e)));
  }, [onDeal, ownerId, version]);
  // A completed task writes into the history shown next to this panel.
  useEffect(() => {
    if (version !== firstVersion) onChanged();
  }, [version, firstVersion, onChanged]);

  const preset = onDeal
    ? { clientId: link.clientId, clientName: link.clientName, dealId: link.dealId, dealTitle: link.dealTitle }
    : { clientId: link.clientId, clientName: link.clientName };
  const item = (r: Panel['open'][number]) => <TaskItem key={r.id} task={r} showClient={false} showDeal={!onDeal} />;
  return (
    <section className={`panel ${onDeal ? 'deal-tasks' : 'client-tasks'}`} aria-label={t('card.tasks')} data-testid={onDeal ? 'deal-tasks' : 'client-tasks'}>
      <h2>
        {t('card.tasks')}
        <span className="spacer" />
        {!readOnly && <button className="primary" onClick={() => openDialog({ mode: 'create', preset })}>{t('tasks.newForClient')}</button>}
      </h2>
      {error && <p className="error" role="alert">{error}</p>}
      {data && data.open.length === 0 && <p className="muted">{onDeal ? t('tasks.noOpenForDeal') : t('tasks.noOpenForClient')}</p>}
      <ul className="task-list">{data?.open.map(item)}</ul>
      {data && data.done.length > 0 && (
        <>
          <h3>{t('tasks.buckets.done')}</h3>
          <ul className="task-list">{data.done.map(item)}</ul>
        </>
      )}
    </section>
  );
}
