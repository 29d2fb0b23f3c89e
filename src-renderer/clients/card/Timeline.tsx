import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ProcOutput } from '../../api/client';
import { errorText } from '../../i18n';
import { TaskItem } from '../../tasks/TaskItem';
import { useTasks, userTimeZone } from '../../tasks/store';
import { HistoryComposer } from './HistoryComposer';
import { HistoryList } from './HistoryList';

type Tasks = ProcOutput<'tasks.forClient'>;
const FIRST_TASKS = 10;
const ALL_TASKS = 200;

/**
 * The client card's work surface, in the order Bitrix24's timeline (and amoCRM's feed,
 * whose open tasks sit by its input box) teach: the box to write in, then what is
 * planned (open tasks, the most overdue first), then what happened, newest first. A
 * completed task is in the history already (its result is written there), so done
 * tasks are not listed twice.
 */
export function Timeline(props: { client: { id: string; name: string; contacts: { id: string; name: string }[] }; archived: boolean; version: number }) {
  const { t } = useTranslation();
  const { version: tasksVersion, openDialog, typesLoaded, loadTypes } = useTasks();
  const [tasks, setTasks] = useState<Tasks | null>(null);
  const [limit, setLimit] = useState(FIRST_TASKS);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(0);
  const clientId = props.client.id;

  useEffect(() => {
    if (!typesLoaded) void loadTypes();
  }, [typesLoaded, loadTypes]);
  useEffect(() => {
    call('tasks.forClient', { clientId, timeZone: userTimeZone(), limit }).then(setTasks, (e) => setError(errorText(e)));
  }, [clientId, limit, tasksVersion]);

  const open = tasks?.open ?? [];
  return (
    <section className="panel timeline-panel" aria-label={t('card.timeline')}>
      {!props.archived && <HistoryComposer clientId={clientId} contacts={props.client.contacts} onAdded={() => setAdded((n) => n + 1)} />}
      <section className="planned" aria-label={t('card.planned')} data-testid="client-tasks">
        <h3>
          {t('card.planned')}
          <span className="spacer" />
          {!props.archived && (
            <button className="primary" onClick={() => openDialog({ mode: 'create', preset: { clientId, clientName: props.client.name } })}>
              {t('tasks.newForClient')}
            </button>
          )}
        </h3>
        {error && <p className="error" role="alert">{error}</p>}
        {tasks && open.length === 0 && <p className="muted small">{t('tasks.noOpenForClient')}</p>}
        <ul className="task-list">
          {open.map((r) => <TaskItem key={r.id} task={r} showClient={false} />)}
        </ul>
        {open.length === limit && limit < ALL_TASKS && (
          <button className="link small" onClick={() => setLimit(ALL_TASKS)}>{t('card.moreTasks')}</button>
        )}
      </section>
      <h3 className="history-title">{t('card.history')}</h3>
      {/* A completed task writes into the history: its version reloads the entries too. */}
      <HistoryList clientId={clientId} version={props.version + added + tasksVersion} />
    </section>
  );
}
