import { useTranslation } from 'react-i18next';
import { isOverdue, taskWhen } from '../tasks/format';
import './next-step.css';

interface NextTask {
  title: string;
  allDay: boolean;
  deadlineAt: string;
}

/**
 * What an open deal waits on, for a board tile or a list row: its next task (red
 * once overdue by this computer's clock), or a mark that nobody has planned one.
 * Closed deals show nothing.
 */
export function NextStep({ nextTask, noNextStep, compact = false }: { nextTask: NextTask | null; noNextStep: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  if (nextTask) {
    const overdue = isOverdue(nextTask);
    const when = taskWhen({ allDay: nextTask.allDay, startsAt: nextTask.deadlineAt });
    return (
      <span className={`next-step small${overdue ? ' overdue' : ''}${compact ? ' compact' : ''}`} data-testid="next-task" title={`${nextTask.title} — ${when}`}>
        {compact ? `${nextTask.title} — ${when}` : t('deals.board.nextTask', { title: nextTask.title, date: when })}
        {overdue && <strong> · {t('deals.nextStep.overdue')}</strong>}
      </span>
    );
  }
  if (!noNextStep) return null;
  return (
    <span className="no-next-step small" data-testid="no-next-step" title={t('deals.nextStep.noneHint')}>
      ⚠ {t('deals.nextStep.none')}
    </span>
  );
}
