import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import { call } from '../api/client';
import { errorText } from '../i18n';
import { notify, notifyError } from '../ui/toast';
import { userTimeZone } from '../tasks/store';

/** One click: a call task for today, for the client's responsible manager (or the user when there is none). */
export function ChurnTaskButton({ row }: { row: Record<string, unknown> }) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const create = async () => {
    try {
      await call('tasks.create', {
        fields: {
          title: t('reports.churnTaskTitle', { client: String(row.client) }),
          typeId: 'tasktype-call',
          allDay: true,
          startsAt: format(new Date(), 'yyyy-MM-dd'),
          assigneeId: typeof row.responsibleId === 'string' ? row.responsibleId : null,
          clientId: String(row.clientId),
        },
        timeZone: userTimeZone(),
      });
      setDone(true);
      notify(t('reports.churnTaskDone', { who: String(row.responsible ?? t('tasks.me')) }));
    } catch (e) {
      notifyError(errorText(e));
    }
  };
  return (
    <button className="small" disabled={done} onClick={() => void create()}>
      {done ? '✓' : t('reports.churnTask')}
    </button>
  );
}
