import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../api/client';
import { errorText } from '../i18n';
import { TaskItem } from './TaskItem';
import { useTasks, userTimeZone } from './store';

type Panel = ProcOutput<'tasks.forClient'>;

/** The client card's tasks: open ones soonest first, the latest done; "+ Task" pre-filled with the client. */
export function ClientTasksPanel({ clientId, clientName, onChanged }: { clientId: string; clientName: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { version, openDialog, typesLoaded, loadTypes } = useTasks();
  const [data, setData] = useState<Panel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [firstVersion] = useState(version);

  useEffect(() => {
    if (!typesLoaded) void loadTypes();
  }, [typesLoaded, loadTypes]);
  useEffect(() => {
    call('tasks.forClient', { clientId, timeZone: userTimeZone(), limit: 20 }).then(setData, (e) => setError(errorText(e)));
  }, [clientId, version]);
  // A completed task writes into the history shown next to this panel.
  useEffect(() => {
    if (version !== firstVersion) onChanged();
  }, [version, firstVersion, onChanged]);

  return (
    <section className="panel client-tasks" aria-label={t('card.tasks')} data-testid="client-tasks">
      <h2>
        {t('card.tasks')}
        <span className="spacer" />
        <button className="primary" onClick={() => openDialog({ mode: 'create', preset: { clientId, clientName } })}>{t('tasks.newForClient')}</button>
      </h2>
      {error && <p className="error" role="alert">{error}</p>}
      {data && data.open.length === 0 && <p className="muted">{t('tasks.noOpenForClient')}</p>}
      <ul className="task-list">{data?.open.map((r) => <TaskItem key={r.id} task={r} showClient={false} />)}</ul>
      {data && data.done.length > 0 && (
        <>
          <h3>{t('tasks.buckets.done')}</h3>
          <ul className="task-list">{data.done.map((r) => <TaskItem key={r.id} task={r} showClient={false} />)}</ul>
        </>
      )}
    </section>
  );
}
