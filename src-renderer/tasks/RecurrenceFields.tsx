import { useTranslation } from 'react-i18next';
import { DateInput } from '../ui/dates/DateInput';
import type { ProcInput } from '../api/client';

export type Recurrence = NonNullable<ProcInput<'tasks.create'>['fields']['recurrence']>;
const DAYS = [0, 1, 2, 3, 4, 5, 6];

/** Repeat: never, daily, weekly on chosen days, monthly; every N; until a date. */
export function RecurrenceFields(props: { value: Recurrence | null; onChange: (r: Recurrence | null) => void; startDay: number }) {
  const { t } = useTranslation();
  const r = props.value;
  const set = (patch: Partial<Recurrence>) => props.onChange({ freq: 'weekly', interval: 1, byWeekday: [], until: null, ...r, ...patch });
  return (
    <fieldset className="recurrence">
      <legend>{t('tasks.fields.repeat')}</legend>
      <div className="row">
        <select
          aria-label={t('tasks.fields.repeat')}
          value={r?.freq ?? ''}
          onChange={(e) => {
            const freq = e.target.value as Recurrence['freq'] | '';
            if (!freq) props.onChange(null);
            else set({ freq, byWeekday: freq === 'weekly' ? (r?.byWeekday?.length ? r.byWeekday : [props.startDay]) : [] });
          }}
        >
          <option value="">{t('tasks.repeat.none')}</option>
          <option value="daily">{t('tasks.repeat.daily')}</option>
          <option value="weekly">{t('tasks.repeat.weekly')}</option>
          <option value="monthly">{t('tasks.repeat.monthly')}</option>
        </select>
        {r && (
          <>
            <label className="inline">
              {t('tasks.repeat.every')}{' '}
              <input type="number" className="tiny" min={1} max={99} value={r.interval ?? 1} onChange={(e) => set({ interval: Math.max(1, Number(e.target.value) || 1) })} />
            </label>
            <label className="inline">
              {t('tasks.repeat.until')}{' '}
              <DateInput aria-label={t('tasks.repeat.until')} value={r.until ?? ''} onChange={(until) => set({ until: until || null })} />
            </label>
          </>
        )}
      </div>
      {r?.freq === 'weekly' && (
        <div className="row weekdays">
          {DAYS.map((d) => (
            <label key={d} className="inline">
              <input
                type="checkbox"
                checked={r.byWeekday?.includes(d) ?? false}
                onChange={(e) => set({ byWeekday: e.target.checked ? [...(r.byWeekday ?? []), d].sort() : (r.byWeekday ?? []).filter((x) => x !== d) })}
              />
              {t(`tasks.weekdays.${d}`)}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
