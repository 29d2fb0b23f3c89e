import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n';
import { rowTypeLabel, taskWhen } from './format';
import { useTasks, type TaskRow } from './store';

/** One task in a list: done button, title, when, type, client, deal, assignee. Enter or click opens it. */
export function TaskItem({ task, showClient = true, showDeal = true }: { task: TaskRow; showClient?: boolean; showDeal?: boolean }) {
  const { t } = useTranslation();
  const { types, openDialog, complete } = useTasks();
  const open = () => openDialog({ mode: 'edit', id: task.id });
  return (
    <li className={`task-item${task.overdue ? ' overdue' : ''}${task.doneAt ? ' done' : ''} prio-${task.priority}`} data-testid="task-item">
      {task.doneAt ? (
        <span className="done-mark" aria-label={t('tasks.doneMark')}>✓</span>
      ) : (
        <button className="check" aria-label={t('tasks.completeNamed', { title: task.title })} title={t('tasks.complete')} onClick={() => complete(task)} />
      )}
      <button className="task-main" onClick={open}>
        <span className="task-title">{task.title}</span>
        <span className="task-meta muted small">
          <span className="type-dot" style={{ background: task.typeColor }} />
          {rowTypeLabel(task, types)} · {task.doneAt ? t('tasks.doneAt', { when: formatDateTime(task.doneAt) }) : taskWhen(task)}
          {task.overdue && <strong className="overdue-label"> · {t('tasks.overdueLabel')}</strong>}
          {task.seriesId && <span title={t('tasks.repeats')}> · ↻</span>}
        </span>
        {task.result && <span className="task-result small">{task.result}</span>}
      </button>
      {showClient && task.clientId && (
        <a className="task-client small" href={`#/clients/${encodeURIComponent(task.clientId)}`}>{task.clientName}</a>
      )}
      {showDeal && task.dealId && (
        <a className="task-deal small" href={`#/deals/${encodeURIComponent(task.dealId)}`} title={t('tasks.fields.deal')}>
          {t('tasks.onDeal', { title: task.dealTitle ?? '' })}
        </a>
      )}
      <span className="task-assignee muted small">{task.assigneeName}</span>
    </li>
  );
}
