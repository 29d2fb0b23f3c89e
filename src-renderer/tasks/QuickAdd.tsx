import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { format, addDays } from 'date-fns';
import { call } from '../api/client';
import { taskErrorText } from './taskErrors';
import { notify } from '../ui/toast';
import { typeLabel } from './format';
import { useTasks, userTimeZone } from './store';
import { DateInput } from '../ui/dates/DateInput';
import { TimeInput } from '../ui/dates/TimeInput';
import { isIsoDate, isIsoTime } from '../ui/dates/dateText';

/**
 * Quick add in one line: type the title, Tab to type, day and time (empty time =
 * all-day), Enter saves and leaves the cursor in the title for the next one.
 */
export function QuickAdd() {
  const { t } = useTranslation();
  const { types, changed, openDialog } = useTasks();
  const [title, setTitle] = useState('');
  const [typeId, setTypeId] = useState('');
  const [date, setDate] = useState(() => format(new Date(), 'yyyy-MM-dd'));
  const [time, setTime] = useState('');
  const [error, setError] = useState<string | null>(null);
  const active = types.filter((x) => !x.archivedAt);
  const chosenType = typeId || active[0]?.id || '';

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setError(`${t('tasks.fields.title')}: ${t('common.required')}`);
      return;
    }
    if (!isIsoDate(date)) {
      setError(`${t('tasks.fields.date')}: ${date ? t('dates.invalidDate') : t('common.required')}`);
      return;
    }
    if (time && !isIsoTime(time)) {
      setError(`${t('tasks.fields.time')}: ${t('dates.invalidTime')}`);
      return;
    }
    try {
      // Enter can come before the page has loaded the task types (a fast typist, a slow PC).
      let type = chosenType;
      if (!type) {
        await useTasks.getState().loadTypes();
        type = useTasks.getState().types.find((x) => !x.archivedAt)?.id ?? '';
      }
      await call('tasks.create', {
        fields: {
          title,
          typeId: type,
          allDay: !time,
          startsAt: time ? new Date(`${date}T${time}`).toISOString() : date,
          durationMin: time ? 30 : null,
          reminders: time ? [15] : [],
        },
        timeZone: userTimeZone(),
      });
      setTitle('');
      setError(null);
      changed();
      notify(t('tasks.created'));
      (e.currentTarget as HTMLFormElement).querySelector('input')?.focus();
    } catch (err) {
      setError(taskErrorText(err));
    }
  };

  return (
    <form className="quick-add" onSubmit={submit} data-testid="quick-add">
      <input className="wide" aria-label={t('tasks.quickAdd')} placeholder={t('tasks.quickAddPlaceholder')} value={title} onChange={(e) => setTitle(e.target.value)} />
      <select aria-label={t('tasks.fields.type')} value={chosenType} onChange={(e) => setTypeId(e.target.value)}>
        {active.map((x) => <option key={x.id} value={x.id}>{typeLabel(x)}</option>)}
      </select>
      <DateInput aria-label={t('tasks.fields.date')} value={date} onChange={setDate} />
      <button type="button" className="link" onClick={() => setDate(format(addDays(new Date(), 1), 'yyyy-MM-dd'))}>{t('tasks.buckets.tomorrow')}</button>
      <TimeInput aria-label={t('tasks.fields.time')} value={time} onChange={setTime} />
      <button type="submit" className="primary">{t('common.add')}</button>
      <button type="button" onClick={() => openDialog({ mode: 'create', preset: {} })}>{t('tasks.more')}</button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
